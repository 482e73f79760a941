import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/** Cases in the style of Java tools' test data for latch count-downs and waits. */
class LatchCases {
  private final Object lock = new Object();
  private int processed;

  void countDownAfterWork(ExecutorService pool, List<String> items) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(items.size());
    for (String s : items) {
      pool.execute(() -> {
        process(s);
        // BUG(CountDownNotInFinally): an exception in process skips the count-down
        latch.countDown();
      });
    }
    latch.await();
  }

  void countDownInTryBody(ExecutorService pool, List<String> items) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(items.size());
    for (String s : items) {
      pool.execute(() -> {
        try {
          process(s);
          // BUG(CountDownNotInFinally): inside try but not in finally; a thrown error skips it
          latch.countDown();
        } catch (IllegalStateException e) {
          System.err.println(e);
        }
      });
    }
    latch.await();
  }

  void countDownInFinally(ExecutorService pool, List<String> items) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(items.size());
    for (String s : items) {
      pool.execute(() -> {
        try {
          process(s);
        } finally {
          // OK(CountDownNotInFinally): in finally
          latch.countDown();
        }
      });
    }
    latch.await();
  }

  void startSignal(ExecutorService pool, List<String> items) throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    for (String s : items) {
      pool.execute(() -> {
        try {
          go.await();
          process(s);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    // OK(CountDownNotInFinally): the starter's own count-down, not a task's completion signal
    go.countDown();
  }

  void awaitUnderLock(ExecutorService pool, List<String> items) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(items.size());
    synchronized (lock) {
      for (String s : items) {
        pool.execute(() -> {
          try {
            synchronized (lock) {
              processed++;
            }
          } finally {
            latch.countDown();
          }
        });
      }
      // BUG(LatchAwaitHoldingLock): the tasks need lock before they count down
      latch.await();
    }
  }

  void awaitOutsideLock(ExecutorService pool, List<String> items) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(items.size());
    for (String s : items) {
      pool.execute(() -> {
        try {
          synchronized (lock) {
            processed++;
          }
        } finally {
          latch.countDown();
        }
      });
    }
    // OK(LatchAwaitHoldingLock): no lock held while waiting
    latch.await();
    synchronized (lock) {
      System.out.println(processed);
    }
  }

  static void process(String s) {
    if (s.isEmpty()) {
      throw new IllegalStateException("empty");
    }
  }
}
