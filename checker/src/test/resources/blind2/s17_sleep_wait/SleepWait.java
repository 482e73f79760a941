// Program: small cases of sleeping to wait for goroutines the method started.
import dev.goconc.*;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

final class SleepWait {
  static int countAll(List<String> xs) throws InterruptedException {
    AtomicInteger n = new AtomicInteger();
    xs.forEach(x -> Go.go(() -> n.addAndGet(x.length())));
    // BUG(SleepInsteadOfSynchronization): TimeUnit sleep instead of waiting for the goroutines
    TimeUnit.MILLISECONDS.sleep(100);
    return n.get();
  }

  static int countAllThreads(List<String> xs) throws InterruptedException {
    AtomicInteger n = new AtomicInteger();
    for (String x : xs) {
      Thread.ofVirtual().start(() -> n.addAndGet(x.length()));
    }
    // BUG(SleepInsteadOfSynchronization): sleeping for virtual threads this method started
    Thread.sleep(50);
    return n.get();
  }

  static int countAllFixed(List<String> xs) {
    AtomicInteger n = new AtomicInteger();
    WaitGroup wg = new WaitGroup();
    xs.forEach(x -> wg.go(() -> n.addAndGet(x.length())));
    wg.await();
    return n.get();
  }

  static void backoffInGoroutine() {
    Go.go(() -> {
      try {
        // OK(SleepInsteadOfSynchronization): the goroutine pauses itself; it waits for no goroutine
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
