import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;

/** A railway signalling interlock simulator: a route is set only when every point is locked. */
public class Interlocking {
  public enum Aspect { RED, YELLOW, GREEN }

  public enum PointPosition { NORMAL, REVERSE }

  public record Point(String id, PointPosition wanted) {}

  public record Route(String name, String signal, List<Point> points) {}

  private final Map<String, PointPosition> points = new java.util.HashMap<>();
  private final Map<Aspect, Integer> aspectsShown = new EnumMap<>(Aspect.class);
  private final ReentrantLock tableLock = new ReentrantLock();

  /** Sets a route: throws every point in parallel, then clears the signal. */
  public synchronized void setRoute(Route r) {
    WaitGroup wg = new WaitGroup();
    for (Point p : r.points()) {
      wg.go(() -> throwPoint(p));
    }
    // BUG(WaitGroupAwaitHoldingLock): the point machines need this object's monitor to report back
    wg.await();
    aspectsShown.merge(Aspect.GREEN, 1, Integer::sum);
  }

  private synchronized void throwPoint(Point p) {
    points.put(p.id(), p.wanted());
  }

  /** The fixed route setting: wait without the monitor, then take it to clear the signal. */
  public void setRouteFixed(Route r) {
    WaitGroup wg = new WaitGroup();
    for (Point p : r.points()) {
      wg.go(() -> throwPoint(p));
    }
    // OK(WaitGroupAwaitHoldingLock): no lock is held while waiting
    wg.await();
    synchronized (this) {
      aspectsShown.merge(Aspect.GREEN, 1, Integer::sum);
    }
  }

  /** The plain-JDK variant: detectors on an executor report occupancy under the table lock. */
  public boolean trackClear(ExecutorService detectors, List<String> sections) throws InterruptedException {
    CountDownLatch reported = new CountDownLatch(sections.size());
    boolean[] occupied = new boolean[sections.size()];
    tableLock.lock();
    try {
      for (int i = 0; i < sections.size(); i++) {
        int idx = i;
        detectors.execute(() -> {
          tableLock.lock();
          try {
            occupied[idx] = sections.get(idx).endsWith("*");
          } finally {
            tableLock.unlock();
            reported.countDown();
          }
        });
      }
      // BUG(LatchAwaitHoldingLock): the detectors need tableLock to count down; this await never returns
      reported.await();
    } finally {
      tableLock.unlock();
    }
    for (boolean o : occupied) {
      if (o) {
        return false;
      }
    }
    return true;
  }

  public boolean trackClearFixed(ExecutorService detectors, List<String> sections) throws InterruptedException {
    CountDownLatch reported = new CountDownLatch(sections.size());
    boolean[] occupied = new boolean[sections.size()];
    for (int i = 0; i < sections.size(); i++) {
      int idx = i;
      detectors.execute(() -> {
        tableLock.lock();
        try {
          occupied[idx] = sections.get(idx).endsWith("*");
        } finally {
          tableLock.unlock();
          reported.countDown();
        }
      });
    }
    // OK(LatchAwaitHoldingLock): the lock is taken only after the wait
    reported.await();
    tableLock.lock();
    try {
      for (boolean o : occupied) {
        if (o) {
          return false;
        }
      }
      return true;
    } finally {
      tableLock.unlock();
    }
  }

  public static void main(String[] args) {
    Interlocking il = new Interlocking();
    Go.go(() -> il.setRouteFixed(new Route("A1", "S12", List.of(new Point("P1", PointPosition.REVERSE)))));
  }
}
