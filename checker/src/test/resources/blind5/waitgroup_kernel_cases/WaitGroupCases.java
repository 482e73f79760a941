import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** Small WaitGroup cases modelled on real bugs' kernels: counts, waits in loops, waits under locks. */
class WaitGroupCases {
  private final ReentrantLock mu = new ReentrantLock();
  private int state;

  void doneTwice(List<Runnable> jobs) {
    WaitGroup wg = new WaitGroup();
    for (Runnable j : jobs) {
      wg.add(1);
      Go.go(() -> {
        try {
          j.run();
        } finally {
          wg.done();
          if (j instanceof AutoCloseable) {
            // BUG(WaitGroupDoneExceedsAdd): closeable jobs call done a second time for their one add
            wg.done();
          }
        }
      });
    }
    wg.await();
  }

  void addedOnceForTwo(Runnable a, Runnable b) {
    WaitGroup wg = new WaitGroup();
    // BUG(WaitGroupDoneExceedsAdd): one add, two goroutines that each call done
    wg.add(1);
    Go.go(() -> {
      try {
        a.run();
      } finally {
        wg.done();
      }
    });
    Go.go(() -> {
      try {
        b.run();
      } finally {
        wg.done();
      }
    });
    wg.await();
  }

  void addedForTwo(Runnable a, Runnable b) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupDoneExceedsAdd): two adds for two dones
    wg.add(2);
    Go.go(() -> {
      try {
        a.run();
      } finally {
        wg.done();
      }
    });
    Go.go(() -> {
      try {
        b.run();
      } finally {
        wg.done();
      }
    });
    wg.await();
  }

  void awaitInLoop(List<Runnable> jobs) {
    WaitGroup wg = new WaitGroup();
    wg.add(jobs.size());
    for (Runnable j : jobs) {
      Go.go(() -> {
        try {
          j.run();
        } finally {
          wg.done();
        }
      });
      // BUG(WaitGroupAwaitInLaunchLoop): waits for all jobs while only one has been launched
      wg.await();
    }
  }

  void awaitEachOne(List<Runnable> jobs) {
    for (Runnable j : jobs) {
      WaitGroup one = new WaitGroup();
      one.add(1);
      Go.go(() -> {
        try {
          j.run();
        } finally {
          one.done();
        }
      });
      // OK(WaitGroupAwaitInLaunchLoop): a fresh group per iteration, one add, one launch, one await
      one.await();
    }
  }

  void awaitHoldingLock(List<Runnable> jobs) {
    WaitGroup wg = new WaitGroup();
    mu.lock();
    try {
      for (Runnable j : jobs) {
        wg.go(() -> {
          mu.lock();
          try {
            state++;
            j.run();
          } finally {
            mu.unlock();
          }
        });
      }
      // BUG(WaitGroupAwaitHoldingLock): the goroutines need mu, which this await holds
      wg.await();
    } finally {
      mu.unlock();
    }
  }

  void awaitThenLock(List<Runnable> jobs) {
    WaitGroup wg = new WaitGroup();
    for (Runnable j : jobs) {
      wg.go(() -> {
        mu.lock();
        try {
          state++;
          j.run();
        } finally {
          mu.unlock();
        }
      });
    }
    // OK(WaitGroupAwaitHoldingLock): the lock is not held during the wait
    wg.await();
    mu.lock();
    try {
      state = 0;
    } finally {
      mu.unlock();
    }
  }
}
