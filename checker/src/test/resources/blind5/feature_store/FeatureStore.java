import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A recommendation feature store: refreshes user embeddings from the offline job. */
public class FeatureStore {
  public record Embedding(String user, float[] vector, long version) {}

  public interface OfflineJob {
    List<Embedding> latest(Context ctx, long sinceVersion);
  }

  private final Map<String, Embedding> online = new ConcurrentHashMap<>();
  private volatile long version;

  /** Starts the refresher; it polls until the context ends. */
  public void startRefresher(Context ctx, OfflineJob job, Duration every) {
    Go.go(() -> {
      // BUG(TickerNotStopped): the ctx.done() return leaves the ticker running
      Ticker t = Time.newTicker(every);
      while (true) {
        boolean tick = Select.<Boolean>select().recv(t.c(), x -> true).recv(ctx.done(), d -> false).run();
        if (!tick) {
          return;
        }
        apply(job.latest(ctx, version));
      }
    });
  }

  /** The refresher that stops its ticker. */
  public void startRefresherFixed(Context ctx, OfflineJob job, Duration every) {
    Go.go(() -> {
      // OK(TickerNotStopped): stopped in finally
      Ticker t = Time.newTicker(every);
      try {
        while (true) {
          boolean tick = Select.<Boolean>select().recv(t.c(), x -> true).recv(ctx.done(), d -> false).run();
          if (!tick) {
            return;
          }
          apply(job.latest(ctx, version));
        }
      } finally {
        t.stop();
      }
    });
  }

  /** Loads a warm-start snapshot streamed by the bootstrap loader. */
  public int warmStart(Context ctx, Chan<Embedding> snapshot, int expected) {
    int n = 0;
    // BUG(IgnoredCancellation): the do-while blocks on receive and never looks at ctx
    do {
      Embedding e = snapshot.receive();
      if (e == null) {
        break;
      }
      online.put(e.user(), e);
      n++;
    } while (n < expected);
    return n;
  }

  public int warmStartFixed(Context ctx, Chan<Embedding> snapshot, int expected) {
    int n = 0;
    // OK(IgnoredCancellation): checks ctx.err() before each blocking receive
    do {
      if (ctx.err() != null) {
        break;
      }
      Embedding e = snapshot.receive();
      if (e == null) {
        break;
      }
      online.put(e.user(), e);
      n++;
    } while (n < expected);
    return n;
  }

  private void apply(List<Embedding> batch) {
    for (Embedding e : batch) {
      online.merge(e.user(), e, (a, b) -> a.version() >= b.version() ? a : b);
      version = Math.max(version, e.version());
    }
  }
}
