import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

class LatchLock {
  private final Object lock = new Object();
  private int total;

  void sumLocked(ExecutorService ex, int[] xs) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(xs.length);
    synchronized (lock) {
      for (int x : xs) {
        ex.execute(
            () -> {
              synchronized (lock) {
                total += x;
              }
              done.countDown();
            });
      }
      // BUG(LatchAwaitHoldingLock): the tasks need lock to count down, and it is held while waiting
      done.await();
    }
  }

  void sumUnlocked(ExecutorService ex, int[] xs) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(xs.length);
    for (int x : xs) {
      ex.execute(
          () -> {
            try {
              synchronized (lock) {
                total += x;
              }
            } finally {
              done.countDown();
            }
          });
    }
    // OK(LatchAwaitHoldingLock): waits without holding the lock
    done.await();
    synchronized (lock) {
      System.out.println(total);
    }
  }
}
