package mistakes;

import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;

/**
 * A ticker fires until it is stopped. One that is not stopped when its owner returns keeps its
 * timer scheduled, ticking into a channel nobody reads, for the life of the process; every call
 * of the method adds another. Stopping it on every path — with try-with-resources, Go's
 * {@code defer ticker.Stop()} — releases the timer when the method returns.
 *
 * @goanalyzer go vet lostcancel's idea (every path must release), applied to tickers and timers
 */
public final class TickerNotStopped {
  private TickerNotStopped() {}

  /** The method returns when {@code ctx} is cancelled, and the ticker keeps ticking. */
  static final class Mistake {
    static void heartbeat(Context ctx) {
      Ticker ticker = Time.newTicker(Duration.ofSeconds(1)); // goconc: expect TickerNotStopped
      boolean alive = true;
      while (alive) {
        alive =
            Select.<Boolean>select()
                .recv(ticker.c(), tick -> print(tick))
                .recv(ctx.done(), cancelled -> false)
                .run();
      }
    }
  }

  /** try-with-resources stops the ticker on every path out of the method. */
  static final class Fix {
    static void heartbeat(Context ctx) {
      try (Ticker ticker = Time.newTicker(Duration.ofSeconds(1))) {
        boolean alive = true;
        while (alive) {
          alive =
              Select.<Boolean>select()
                  .recv(ticker.c(), tick -> print(tick))
                  .recv(ctx.done(), cancelled -> false)
                  .run();
        }
      }
    }
  }

  static boolean print(Object tick) {
    System.out.println("alive at " + tick);
    return true;
  }
}
