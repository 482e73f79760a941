import dev.goconc.*;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/** Tracks delivery vans' GPS fixes; a refresh pulls every van's latest fix in parallel. */
public class FleetTracker {
  public record Fix(String vanId, double lat, double lon, long epochMillis) {}

  public interface Telematics {
    Fix latest(String vanId);
  }

  private final Telematics telematics;
  private final Map<String, Fix> positions = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();

  public FleetTracker(Telematics telematics) {
    this.telematics = telematics;
  }

  /** Holds the map's monitor for the whole refresh so readers never see half an update. */
  public synchronized void refreshBroken(List<String> vans) {
    WaitGroup wg = new WaitGroup();
    for (String van : vans) {
      wg.go(() -> record(telematics.latest(van)));
    }
    // BUG(WaitGroupAwaitHoldingLock): await runs inside this synchronized method while each goroutine's record() needs the same monitor
    wg.await();
  }

  private synchronized void record(Fix f) {
    Fix old = positions.get(f.vanId());
    if (old == null || old.epochMillis() < f.epochMillis()) {
      positions.put(f.vanId(), f);
    }
  }

  /** Fetches without the lock, then publishes under it. */
  public void refresh(List<String> vans) {
    Map<String, Fix> fresh = new java.util.concurrent.ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (String van : vans) {
      wg.go(() -> {
        Fix f = telematics.latest(van);
        fresh.put(f.vanId(), f);
      });
    }
    // OK(WaitGroupAwaitHoldingLock): no lock is held while waiting
    wg.await();
    lock.lock();
    try {
      fresh.values().forEach(this::recordLocked);
    } finally {
      lock.unlock();
    }
  }

  private void recordLocked(Fix f) {
    positions.merge(f.vanId(), f, (a, b) -> a.epochMillis() >= b.epochMillis() ? a : b);
  }

  /** Geofence check with the explicit lock: the old code waited inside it. */
  public int insideBroken(List<String> vans, double lat, double lon, double radius) {
    int[] inside = new int[1];
    WaitGroup wg = new WaitGroup();
    lock.lock();
    try {
      for (String van : vans) {
        wg.go(() -> {
          Fix f = telematics.latest(van);
          lock.lock();
          try {
            if (Math.hypot(f.lat() - lat, f.lon() - lon) < radius) {
              inside[0]++;
            }
          } finally {
            lock.unlock();
          }
        });
      }
      // BUG(WaitGroupAwaitHoldingLock): the goroutines block on lock, which this thread holds while awaiting them
      wg.await();
    } finally {
      lock.unlock();
    }
    return inside[0];
  }

  public Map<String, Fix> snapshot() {
    lock.lock();
    try {
      return new HashMap<>(positions);
    } finally {
      lock.unlock();
    }
  }
}
