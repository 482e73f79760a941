// Program: small kernels after GoKer's WaitGroup bugs: awaiting under a lock, awaiting in the launch loop, more done than add.
import dev.goconc.*;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

final class WaitGroupKernels {
  private final ReentrantLock mu = new ReentrantLock();
  private int applied;

  void applyAll(List<Integer> deltas) {
    WaitGroup wg = new WaitGroup();
    mu.lock();
    try {
      for (int d : deltas) {
        wg.go(() -> {
          mu.lock();
          try {
            applied += d;
          } finally {
            mu.unlock();
          }
        });
      }
      // BUG(WaitGroupAwaitHoldingLock): the goroutines need mu, held here while waiting
      wg.await();
    } finally {
      mu.unlock();
    }
  }

  static List<String> launchAndWaitEach(List<String> names) {
    Chan<String> results = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (String n : names) {
      wg.add(1);
      Go.go(() -> {
        try {
          results.send(n);
        } finally {
          wg.done();
        }
      });
      // BUG(WaitGroupAwaitInLaunchLoop): waits inside the launch loop for a goroutine blocked on a send read only after the loop
      wg.await();
    }
    List<String> got = new java.util.ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      got.add(results.receive());
    }
    return got;
  }

  static void doubleDone(Runnable r) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Go.go(() -> {
      try {
        r.run();
        // BUG(WaitGroupDoneExceedsAdd): done here and again in finally: two done for one add
        wg.done();
      } finally {
        wg.done();
      }
    });
    wg.await();
  }

  static void addPerLaunch(List<Runnable> rs) {
    WaitGroup wg = new WaitGroup();
    for (Runnable r : rs) {
      // OK(WaitGroupDoneExceedsAdd): one add per launch, one done per goroutine
      wg.add(1);
      Go.go(() -> {
        try {
          r.run();
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }
}
