package mistakes;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/**
 * {@code latch.await()} returns only when every task has counted down. If the waiter holds a lock
 * that the tasks must take before they count down, and it takes the lock first, each side waits
 * for the other for good: the tasks block on the lock, the waiter on the latch. The same holds for
 * a {@code Phaser} whose parties need the lock before they arrive. Release the lock before
 * waiting.
 *
 * @goanalyzer None; GoKer's cockroach#1055 kernel, with a latch
 */
public final class LatchAwaitHoldingLock {
  private LatchAwaitHoldingLock() {}

  /** Any task that has not yet recorded its result when {@code collect} locks hangs both. */
  static final class Mistake {
    private final Object results = new Object();
    private int total;

    int collect(ExecutorService pool, List<String> files) throws InterruptedException {
      CountDownLatch done = new CountDownLatch(files.size());
      for (String file : files) {
        pool.execute(
            () -> {
              try {
                synchronized (results) {
                  total += file.length();
                }
              } finally {
                done.countDown();
              }
            });
      }
      synchronized (results) {
        done.await(); // goconc: expect LatchAwaitHoldingLock
        return total;
      }
    }
  }

  /** Waits first, then takes the lock to read the total. */
  static final class Fix {
    private final Object results = new Object();
    private int total;

    int collect(ExecutorService pool, List<String> files) throws InterruptedException {
      CountDownLatch done = new CountDownLatch(files.size());
      for (String file : files) {
        pool.execute(
            () -> {
              try {
                synchronized (results) {
                  total += file.length();
                }
              } finally {
                done.countDown();
              }
            });
      }
      done.await();
      synchronized (results) {
        return total;
      }
    }
  }
}
