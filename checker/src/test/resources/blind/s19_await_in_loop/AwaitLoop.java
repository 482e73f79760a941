import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;

class AwaitLoop {
  static void stepwise(List<Runnable> tasks) {
    WaitGroup wg = new WaitGroup();
    wg.add(tasks.size());
    for (Runnable t : tasks) {
      Go.go(
          () -> {
            try {
              t.run();
            } finally {
              wg.done();
            }
          });
      // BUG(WaitGroupAwaitInLaunchLoop): waits for all tasks before the next is launched: deadlock after the first
      wg.await();
    }
  }

  static void awaitAfter(List<Runnable> tasks) {
    WaitGroup wg = new WaitGroup();
    for (Runnable t : tasks) {
      wg.go(t);
    }
    // OK(WaitGroupAwaitInLaunchLoop): after the loop
    wg.await();
  }

  static void oneAtATime(List<Runnable> tasks) {
    WaitGroup wg = new WaitGroup();
    for (Runnable t : tasks) {
      wg.add(1);
      Go.go(
          () -> {
            try {
              t.run();
            } finally {
              wg.done();
            }
          });
      // OK(WaitGroupAwaitInLaunchLoop): each iteration adds one and waits for that one; serial but no deadlock
      wg.await();
    }
  }
}
