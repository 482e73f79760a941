import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;

/** The WaitGroup mistakes drawn from real bugs, in their smallest shapes. */
class GroupShapes {
  private final Object lock = new Object();
  private int processed;

  static void doneTwice(List<Runnable> jobs) {
    WaitGroup wg = new WaitGroup();
    // BUG(WaitGroupDoneExceedsAdd): one add for many goroutines that each call done()
    wg.add(1);
    for (Runnable job : jobs) {
      Go.go(() -> {
        try {
          job.run();
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static void addPerJob(List<Runnable> jobs) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupDoneExceedsAdd): one add per job
    wg.add(jobs.size());
    for (Runnable job : jobs) {
      Go.go(() -> {
        try {
          job.run();
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static int awaitInLoop(List<Integer> xs) {
    Chan<Integer> out = Chan.make();
    WaitGroup wg = new WaitGroup();
    int sum = 0;
    for (int x : xs) {
      wg.add(1);
      Go.go(() -> {
        try {
          out.send(x * x);
        } finally {
          wg.done();
        }
      });
      // BUG(WaitGroupAwaitInLaunchLoop): the goroutine's send waits for a receive that only comes after await returns
      wg.await();
      sum += out.receive();
    }
    return sum;
  }

  void awaitHoldingLock(List<Integer> xs) {
    WaitGroup wg = new WaitGroup();
    for (int x : xs) {
      wg.go(() -> {
        synchronized (lock) {
          processed += x;
        }
      });
    }
    synchronized (lock) {
      // BUG(WaitGroupAwaitHoldingLock): the goroutines need lock to finish
      wg.await();
    }
  }

  void awaitThenLock(List<Integer> xs) {
    WaitGroup wg = new WaitGroup();
    for (int x : xs) {
      wg.go(() -> {
        synchronized (lock) {
          processed += x;
        }
      });
    }
    // OK(WaitGroupAwaitHoldingLock): the lock is taken after the wait
    wg.await();
    synchronized (lock) {
      System.out.println(processed);
    }
  }
}
