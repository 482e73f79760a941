import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** A build tool's artifact cache: warms several modules' outputs from the remote cache at once. */
public class ArtifactCache {
  public record Key(String module, String hash) {}

  public interface Remote {
    byte[] download(Key k);
  }

  private final Object index = new Object();
  private final Map<Key, byte[]> entries = new HashMap<>();
  private final ExecutorService io;
  private final Remote remote;

  public ArtifactCache(ExecutorService io, Remote remote) {
    this.io = io;
    this.remote = remote;
  }

  /** Holds the index lock so no build reads a half-warmed cache. */
  public void warmBroken(List<Key> keys) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(keys.size());
    synchronized (index) {
      for (Key k : keys) {
        io.execute(() -> {
          try {
            byte[] blob = remote.download(k);
            synchronized (index) {
              entries.put(k, blob);
            }
          } finally {
            latch.countDown();
          }
        });
      }
      // BUG(LatchAwaitHoldingLock): waits while holding index, which every download task needs before it counts down
      latch.await();
    }
  }

  public void warm(List<Key> keys) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(keys.size());
    Map<Key, byte[]> fetched = new java.util.concurrent.ConcurrentHashMap<>();
    for (Key k : keys) {
      io.execute(() -> {
        try {
          fetched.put(k, remote.download(k));
        } finally {
          latch.countDown();
        }
      });
    }
    // OK(LatchAwaitHoldingLock): waits without the lock, publishes under it afterwards
    if (!latch.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("remote cache too slow");
    }
    synchronized (index) {
      entries.putAll(fetched);
    }
  }

  public byte[] get(Key k) {
    synchronized (index) {
      return entries.get(k);
    }
  }
}
