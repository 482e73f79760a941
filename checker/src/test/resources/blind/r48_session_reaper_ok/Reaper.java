import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Removes idle sessions periodically between start() and stop(). */
final class Reaper {
  private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
  private final Duration idle;
  private CancelFunc cancel;
  // OK(TickerNotStopped): the ticker is kept in a field and stopped in stop()
  private Ticker ticker;

  Reaper(Duration idle) {
    this.idle = idle;
  }

  synchronized void start(Context parent) {
    if (cancel != null) {
      return;
    }
    // OK(LostCancel): ownership goes to the field, which stop() calls
    CancelContext ctx = Context.withCancel(parent);
    cancel = ctx.cancelFunc();
    ticker = Time.newTicker(idle.dividedBy(2));
    Ticker t = ticker;
    Go.go(
        () -> {
          while (true) {
            boolean tick = Select.<Boolean>select().recv(t.c(), x -> true).recv(ctx.done(), d -> false).run();
            if (!tick) {
              return;
            }
            Instant cutoff = Instant.now().minus(idle);
            lastSeen.values().removeIf(seen -> seen.isBefore(cutoff));
          }
        });
  }

  void touch(String session) {
    lastSeen.put(session, Instant.now());
  }

  synchronized void stop() {
    if (cancel != null) {
      cancel.cancel();
      ticker.stop();
      cancel = null;
    }
  }
}
