import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

class WgLock {
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Integer> results = new ArrayList<>();

  void computeLocked(int n) {
    WaitGroup wg = new WaitGroup();
    lock.lock();
    try {
      for (int i = 0; i < n; i++) {
        int v = i;
        wg.go(() -> add(v));
      }
      // BUG(WaitGroupAwaitHoldingLock): holds lock while the goroutines need it in add()
      wg.await();
    } finally {
      lock.unlock();
    }
  }

  void computeUnlocked(int n) {
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < n; i++) {
      int v = i;
      wg.go(() -> add(v));
    }
    // OK(WaitGroupAwaitHoldingLock): no lock held here
    wg.await();
  }

  private void add(int v) {
    lock.lock();
    try {
      results.add(v * v);
    } finally {
      lock.unlock();
    }
  }

  synchronized void lockNotNeeded(int n) {
    WaitGroup wg = new WaitGroup();
    List<Integer> local = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < n; i++) {
      int v = i;
      wg.go(() -> local.add(v));
    }
    // OK(WaitGroupAwaitHoldingLock): holds this object's monitor, but the goroutines never take it
    wg.await();
    System.out.println(local.size());
  }
}
