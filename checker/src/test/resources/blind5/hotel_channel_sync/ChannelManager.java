import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A hotel channel-manager sync: pushes availability to booking channels (OTAs). */
public class ChannelManager {
  public record Availability(String roomType, LocalDate night, int rooms, int rateCents) {}

  public record PushResult(String ota, Availability availability, boolean accepted) {}

  public interface Ota {
    String name();

    boolean push(Context ctx, Availability a) throws java.io.IOException;
  }

  private final Map<String, Integer> rejections = new ConcurrentHashMap<>();

  /** Pushes a date range to one OTA; results stream back in order. */
  RecvChan<PushResult> pushAll(Context ctx, Ota ota, List<Availability> grid) {
    Chan<PushResult> results = Chan.make(8);
    Go.go(() -> {
      for (Availability a : grid) {
        if (ctx.err() != null) {
          break;
        }
        boolean ok;
        try {
          ok = ota.push(ctx, a);
        } catch (java.io.IOException e) {
          rejections.merge(ota.name(), 1, Integer::sum);
          // BUG(UnclosedChannel): this return neither sends nor closes; the caller's loop waits forever
          return;
        }
        results.send(new PushResult(ota.name(), a, ok));
      }
      results.close();
    });
    return results;
  }

  /** The fixed stage: close in finally. */
  RecvChan<PushResult> pushAllFixed(Context ctx, Ota ota, List<Availability> grid) {
    Chan<PushResult> results = Chan.make(8);
    Go.go(() -> {
      try {
        for (Availability a : grid) {
          if (ctx.err() != null) {
            return;
          }
          results.send(new PushResult(ota.name(), a, ota.push(ctx, a)));
        }
      } catch (java.io.IOException e) {
        rejections.merge(ota.name(), 1, Integer::sum);
      } finally {
        // OK(UnclosedChannel): every path closes
        results.close();
      }
    });
    return results;
  }

  public int sync(Context ctx, Ota ota, List<Availability> grid) {
    int accepted = 0;
    for (PushResult r : pushAll(ctx, ota, grid)) {
      accepted += r.accepted() ? 1 : 0;
    }
    return accepted;
  }

  /** Re-pushes one night after a rate change. */
  // BUG(ContextNotFirstParameter): the context comes after the OTA and the availability
  public boolean repush(Ota ota, Availability a, Context ctx) throws java.io.IOException {
    return ota.push(ctx, a);
  }

  /** Nightly full resync, run from the request handler of the admin page. */
  public int resyncNight(Context ctx, Ota ota, List<Availability> grid) {
    // BUG(BackgroundContextInsteadOfParameter): the admin request's ctx is in scope but dropped
    return sync(Context.background(), ota, grid);
  }

  public int rejections(String ota) {
    return rejections.getOrDefault(ota, 0);
  }
}
