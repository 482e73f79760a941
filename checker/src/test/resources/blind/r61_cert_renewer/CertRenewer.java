import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;

/** Checks certificates hourly and renews the ones close to expiry. */
final class CertRenewer {
  interface Store {
    Instant expiry(String host);

    boolean renew(Context ctx, String host);
  }

  private final Store store;

  CertRenewer(Store store) {
    this.store = store;
  }

  /** Runs until ctx ends; returns false if a renewal failed. */
  boolean run(Context ctx, java.util.List<String> hosts) {
    // BUG(TickerNotStopped): the failure return leaves the ticker running; only the cancellation path stops it
    Ticker hourly = Time.newTicker(Duration.ofHours(1));
    while (true) {
      boolean tick = Select.<Boolean>select().recv(hourly.c(), t -> true).recv(ctx.done(), d -> false).run();
      if (!tick) {
        hourly.stop();
        return true;
      }
      for (String h : hosts) {
        if (store.expiry(h).isBefore(Instant.now().plus(Duration.ofDays(7))) && !store.renew(ctx, h)) {
          return false;
        }
      }
    }
  }
}
