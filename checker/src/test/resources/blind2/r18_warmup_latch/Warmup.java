// Program: service warm-up; caches are primed in parallel and startup waits on a CountDownLatch; one count-down is skipped by an exception.
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

final class Warmup {
  interface Primer {
    void prime() throws Exception;
  }

  static boolean warm(ExecutorService pool, List<Primer> primers) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(primers.size());
    for (Primer p : primers) {
      pool.execute(() -> {
        try {
          p.prime();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        // BUG(CountDownNotInFinally): a failing primer throws before the count-down and startup waits the full timeout
        ready.countDown();
      });
    }
    return ready.await(30, TimeUnit.SECONDS);
  }

  static void warmFixed(ExecutorService pool, List<Primer> primers) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(primers.size());
    primers.forEach(p -> pool.execute(() -> {
      try {
        p.prime();
      } catch (Exception e) {
        System.err.println("warm-up failed: " + e);
      } finally {
        // OK(CountDownNotInFinally): counted down in finally
        ready.countDown();
      }
    }));
    ready.await();
  }
}
