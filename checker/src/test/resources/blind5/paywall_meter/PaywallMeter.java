import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Select;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A newspaper paywall meter: counts free articles per reader per month. */
public class PaywallMeter {
  public record View(String reader, String articleId, YearMonth month) {}

  public enum Decision { FREE, LAST_FREE, BLOCKED, SUBSCRIBER }

  public interface Subscriptions {
    boolean isSubscriber(Context ctx, String reader);
  }

  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final Subscriptions subs;
  private final int freePerMonth;

  public PaywallMeter(Subscriptions subs, int freePerMonth) {
    this.subs = subs;
    this.freePerMonth = freePerMonth;
  }

  /** Decides one page view, asking the subscription service with a short budget. */
  public Decision decide(Context ctx, View v) {
    // BUG(LostCancel): the timeout context is passed straight into the call and never cancelled
    if (subs.isSubscriber(Context.withTimeout(ctx, Duration.ofMillis(80)), v.reader())) {
      return Decision.SUBSCRIBER;
    }
    int n = counts.merge(v.reader() + "/" + v.month(), 1, Integer::sum);
    return n < freePerMonth ? Decision.FREE : n == freePerMonth ? Decision.LAST_FREE : Decision.BLOCKED;
  }

  /** The fixed decision. */
  public Decision decideFixed(Context ctx, View v) {
    boolean subscriber;
    // OK(LostCancel): try-with-resources
    try (CancelContext c = Context.withTimeout(ctx, Duration.ofMillis(80))) {
      subscriber = subs.isSubscriber(c, v.reader());
    }
    if (subscriber) {
      return Decision.SUBSCRIBER;
    }
    int n = counts.merge(v.reader() + "/" + v.month(), 1, Integer::sum);
    return n < freePerMonth ? Decision.FREE : n == freePerMonth ? Decision.LAST_FREE : Decision.BLOCKED;
  }

  /** Replays a bounded backlog of views from the CDN log shipper's channel. */
  public int replay(Context ctx, Chan<View> backlog, int max) {
    int replayed = 0;
    // BUG(IgnoredCancellation): blocks on the backlog with ctx in scope and never checks it
    while (replayed < max) {
      View v = backlog.receive();
      if (v == null) {
        break;
      }
      decideFixed(ctx, v);
      replayed++;
    }
    return replayed;
  }

  /** The same replay that stops when the request is cancelled. */
  public int replayFixed(Context ctx, Chan<View> backlog, int max) {
    int replayed = 0;
    // OK(IgnoredCancellation): a select with ctx.done() around the receive
    while (replayed < max) {
      View v = Select.<View>select().recv(backlog, x -> x).recv(ctx.done(), d -> null).run();
      if (v == null) {
        break;
      }
      decideFixed(ctx, v);
      replayed++;
    }
    return replayed;
  }

  /** Batch report over a list, with no blocking inside. */
  public long blockedCount(Context ctx, List<View> views) {
    long blocked = 0;
    // OK(IgnoredCancellation): nothing in the loop can block
    for (View v : views) {
      if (counts.getOrDefault(v.reader() + "/" + v.month(), 0) > freePerMonth) {
        blocked++;
      }
    }
    return blocked;
  }
}
