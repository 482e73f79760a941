// Program: small cases of CountDownLatch misuse: count-down outside finally, await while holding a lock the tasks need.
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

final class LatchCases {
  private final ReentrantLock lock = new ReentrantLock();
  private int total;

  static void startAll(Runnable[] parts) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(parts.length);
    for (Runnable p : parts) {
      new Thread(() -> {
        p.run();
        // BUG(CountDownNotInFinally): an exception in p skips the count-down
        done.countDown();
      }).start();
    }
    done.await();
  }

  synchronized void addAll(int[] xs) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(xs.length);
    for (int x : xs) {
      Thread.ofVirtual().start(() -> {
        try {
          add(x);
        } finally {
          done.countDown();
        }
      });
    }
    // BUG(LatchAwaitHoldingLock): add() needs this object's monitor, which this synchronized method holds while waiting
    done.await();
  }

  private synchronized void add(int x) {
    total += x;
  }

  void addAllWithLock(int[] xs) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(xs.length);
    lock.lock();
    try {
      for (int x : xs) {
        Thread.ofVirtual().start(() -> {
          lock.lock();
          try {
            total += x;
          } finally {
            lock.unlock();
            done.countDown();
          }
        });
      }
      // BUG(LatchAwaitHoldingLock): the tasks lock the same ReentrantLock this thread holds while waiting
      done.await();
    } finally {
      lock.unlock();
    }
  }

  static void gate(Runnable r) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    new Thread(() -> {
      // OK(CountDownNotInFinally): the count-down is the first statement, nothing can throw before it
      started.countDown();
      r.run();
    }).start();
    started.await();
  }
}
