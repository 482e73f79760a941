import dev.goconc.*;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** Small cases for the WaitGroup rules drawn from real kernels. */
public class WaitGroupCases {
  private final ReentrantLock lock = new ReentrantLock();
  private int total;

  static void doneNotInFinally(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      wg.add(1);
      Go.go(() -> {
        System.out.println(s.toUpperCase());
        // BUG(WaitGroupDoneNotInFinally): toUpperCase on a null item throws and done is skipped
        wg.done();
      });
    }
    wg.await();
  }

  static void onlyDone(List<String> items) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    // OK(WaitGroupDoneNotInFinally): the goroutine's only statement is done: nothing can throw before it
    Go.go(() -> wg.done());
    wg.await();
  }

  static void awaitInLoop(List<String> items) {
    WaitGroup wg = new WaitGroup();
    wg.add(items.size());
    for (String s : items) {
      Go.go(() -> {
        try {
          System.out.println(s);
        } finally {
          wg.done();
        }
      });
      // BUG(WaitGroupAwaitInLaunchLoop): the count covers every item but only one goroutine has started
      wg.await();
    }
  }

  static void awaitInLoopPerRound(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      wg.add(1);
      Go.go(() -> {
        try {
          System.out.println(s);
        } finally {
          wg.done();
        }
      });
      // OK(WaitGroupAwaitInLaunchLoop): each round adds one, launches one and waits for it
      wg.await();
    }
  }

  static void awaitAfterLoop(List<String> items) {
    WaitGroup wg = new WaitGroup();
    wg.add(items.size());
    for (String s : items) {
      Go.go(() -> {
        try {
          System.out.println(s);
        } finally {
          wg.done();
        }
      });
    }
    // OK(WaitGroupAwaitInLaunchLoop): await after the launch loop
    wg.await();
  }

  static void doneInLoopBody(List<String> items) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Go.go(() -> {
      try {
        for (String s : items) {
          System.out.println(s);
          // BUG(WaitGroupDoneExceedsAdd): done once per item for a single add
          wg.done();
        }
      } catch (RuntimeException e) {
        System.err.println(e);
      }
    });
    wg.await();
  }

  void awaitHoldingLock(List<Integer> xs) {
    WaitGroup wg = new WaitGroup();
    lock.lock();
    try {
      for (int x : xs) {
        wg.go(() -> {
          lock.lock();
          try {
            total += x;
          } finally {
            lock.unlock();
          }
        });
      }
      // BUG(WaitGroupAwaitHoldingLock): the goroutines need lock, held here while waiting
      wg.await();
    } finally {
      lock.unlock();
    }
  }

  void awaitThenLock(List<Integer> xs) {
    WaitGroup wg = new WaitGroup();
    int[] local = new int[xs.size()];
    for (int i = 0; i < xs.size(); i++) {
      int idx = i;
      wg.go(() -> local[idx] = xs.get(idx));
    }
    // OK(WaitGroupAwaitHoldingLock): no lock held while waiting
    wg.await();
    lock.lock();
    try {
      for (int v : local) {
        total += v;
      }
    } finally {
      lock.unlock();
    }
  }
}
