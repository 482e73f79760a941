import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Starts services in parallel; the latch counts each down whatever happens. */
final class StartupGate {
  interface Service {
    void start();
  }

  static int startAll(List<Service> services) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(services.size());
    var failures = new java.util.concurrent.atomic.AtomicInteger();
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Service s : services) {
        ex.submit(
            () -> {
              try {
                s.start();
              } catch (RuntimeException e) {
                failures.incrementAndGet();
              } finally {
                // OK(CountDownNotInFinally): in finally
                started.countDown();
              }
            });
      }
      started.await();
    }
    return failures.get();
  }

  /** A start signal: one thread counts down for many waiters. */
  static void race(List<Runnable> runners) throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads =
        runners.stream()
            .map(
                r ->
                    Thread.ofVirtual()
                        .start(
                            () -> {
                              try {
                                go.await();
                              } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                              }
                              r.run();
                            }))
            .toList();
    // OK(CountDownNotInFinally): the owner's start signal, not a task reporting completion
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
  }
}
