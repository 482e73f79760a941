import java.util.concurrent.CountDownLatch;

class CountDowns {
  static void plainThread(Runnable task) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Thread.ofVirtual()
        .start(
            () -> {
              task.run();
              // BUG(CountDownNotInFinally): an exception from task skips the count-down; await hangs
              done.countDown();
            });
    done.await();
  }

  static void inFinally(Runnable task) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    new Thread(
            () -> {
              try {
                task.run();
              } finally {
                // OK(CountDownNotInFinally): in finally
                done.countDown();
              }
            })
        .start();
    done.await();
  }

  static void onlyStatement(int n) throws InterruptedException {
    CountDownLatch l = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      // OK(CountDownNotInFinally): nothing runs before the count-down
      Thread.ofVirtual().start(l::countDown);
    }
    l.await();
  }
}
