import dev.goconc.Go;
import dev.goconc.WaitGroup;

class DoneExceeds {
  static void doubleDone(Runnable task) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Go.go(
        () -> {
          try {
            task.run();
            wg.done();
          } finally {
            // BUG(WaitGroupDoneExceedsAdd): done on the normal path and again in finally: two dones for one add
            wg.done();
          }
        });
    wg.await();
  }

  static void twoGoroutinesOneAdd(Runnable a, Runnable b) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Go.go(
        () -> {
          try {
            a.run();
          } finally {
            wg.done();
          }
        });
    Go.go(
        () -> {
          try {
            b.run();
          } finally {
            // BUG(WaitGroupDoneExceedsAdd): the second goroutine's done has no add
            wg.done();
          }
        });
    wg.await();
  }

  static void balanced(Runnable a, Runnable b) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupDoneExceedsAdd): add(2) for two dones
    wg.add(2);
    Go.go(
        () -> {
          try {
            a.run();
          } finally {
            wg.done();
          }
        });
    Go.go(
        () -> {
          try {
            b.run();
          } finally {
            wg.done();
          }
        });
    wg.await();
  }
}
