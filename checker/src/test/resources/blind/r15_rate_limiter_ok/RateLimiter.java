import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;

/** Token bucket: a goroutine refills tokens on a ticker; callers take one per request. */
public final class RateLimiter {
  private final Chan<Boolean> tokens;

  private RateLimiter(int burst) {
    this.tokens = Chan.make(burst);
    for (int i = 0; i < burst; i++) {
      tokens.send(true);
    }
  }

  /** The limiter runs until ctx is cancelled. */
  public static RateLimiter start(Context ctx, int burst, Duration every) {
    RateLimiter l = new RateLimiter(burst);
    Go.go(() -> l.refill(ctx, every));
    return l;
  }

  private void refill(Context ctx, Duration every) {
    Ticker ticker = Time.newTicker(every);
    try {
      while (ctx.err() == null) {
        Select.<Void>select().recv(ticker.c(), t -> { tokens.trySend(true); return null; })
            .recv(ctx.done(), d -> null)
            .run();
      }
    } finally {
      // OK(TickerNotStopped): stopped in finally
      ticker.stop();
    }
  }

  /** Blocks until a token is available or ctx ends; returns false on cancellation. */
  public boolean acquire(Context ctx) {
    return Select.<Boolean>select().recv(tokens, t -> true).recv(ctx.done(), d -> false).run();
  }

  public static void main(String[] args) {
    try (CancelContext ctx = Context.withCancel(Context.background())) {
      RateLimiter l = start(ctx, 2, Duration.ofMillis(10));
      for (int i = 0; i < 5; i++) {
        // OK(IgnoredCancellation): acquire selects on ctx.done() and the result is checked
        if (!l.acquire(ctx)) {
          break;
        }
        System.out.println("request " + i);
      }
    }
  }
}
