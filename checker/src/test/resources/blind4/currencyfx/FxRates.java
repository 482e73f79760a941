import dev.goconc.*;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A currency-rate cache refreshed in the background from the central bank's feed. */
public class FxRates {
  public interface Feed {
    Map<String, BigDecimal> fetch(Context ctx);
  }

  /** The first cache: it kept the refresher's cancel but nothing ever called it. */
  public static final class LegacyCache {
    private final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();
    // BUG(LostCancel): a private CancelFunc that no method calls: the refresher and its context live forever
    private final CancelFunc stopRefresh;

    public LegacyCache(Context parent, Feed feed, Duration every) {
      CancelContext ctx = Context.withCancel(parent);
      this.stopRefresh = ctx.cancelFunc();
      Go.go(() -> refreshLoop(ctx, feed, every, rates));
    }

    public BigDecimal rate(String pair) {
      return rates.get(pair);
    }
  }

  /** The current cache: close() stops the refresher. */
  public static final class Cache implements AutoCloseable {
    private final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();
    // OK(LostCancel): close() calls it
    private final CancelFunc stopRefresh;

    public Cache(Context parent, Feed feed, Duration every) {
      CancelContext ctx = Context.withCancel(parent);
      this.stopRefresh = ctx.cancelFunc();
      Go.go(() -> refreshLoop(ctx, feed, every, rates));
    }

    public BigDecimal convert(BigDecimal amount, String from, String to) {
      BigDecimal f = rates.getOrDefault(from, BigDecimal.ONE);
      BigDecimal t = rates.getOrDefault(to, BigDecimal.ONE);
      return amount.multiply(t).divide(f, java.math.MathContext.DECIMAL64);
    }

    @Override
    public void close() {
      stopRefresh.cancel();
    }
  }

  static void refreshLoop(Context ctx, Feed feed, Duration every, Map<String, BigDecimal> into) {
    try (Ticker t = Time.newTicker(every)) {
      // OK(IgnoredCancellation): the select watches ctx.done()
      while (true) {
        into.putAll(feed.fetch(ctx));
        boolean stop = Select.<Boolean>select().recv(t.c(), x -> false).recv(ctx.done(), d -> true).run();
        if (stop) {
          return;
        }
      }
    }
  }

  /** One-off conversion for the statement printer; its timeout always cancelled. */
  public static BigDecimal quoteOnce(Context ctx, Feed feed, String pair) {
    CancelContext c = Context.withTimeout(ctx, Duration.ofSeconds(2));
    try {
      return feed.fetch(c).get(pair);
    } finally {
      // OK(LostCancel): cancelled in finally
      c.cancel();
    }
  }
}
