// Program: token-bucket rate limiter filled by a refill goroutine; a stop that cancels, but the refill loop ignores it and the ticker leaks.
import dev.goconc.*;
import java.time.Duration;

final class RateLimiter {
  private final Chan<Boolean> tokens;
  private final Duration every;

  RateLimiter(int burst, Duration every) {
    this.tokens = Chan.make(burst);
    this.every = every;
  }

  void start(Context ctx) {
    Go.go(() -> refill(ctx));
  }

  private void refill(Context ctx) {
    Ticker t = Time.newTicker(every);
    // BUG(IgnoredCancellation): the loop blocks on the ticker and never observes ctx
    // BUG(GoroutineLeak): the refill goroutine loops forever over the ticker with no way out
    while (true) {
      t.c().receive();
      tokens.trySend(true);
    }
  }

  void acquire(Context ctx) {
    Select.<Void>select()
        .recv(tokens, x -> null)
        .recv(ctx.done(), d -> { throw ctx.err(); })
        .run();
  }

  boolean tryAcquire() {
    return tokens.tryReceive().isPresent();
  }

  static int burstOf(Duration window) {
    // BUG(TickerNotStopped): the probe ticker is never stopped
    Ticker probe = Time.newTicker(window);
    int n = 0;
    while (n < 3) {
      probe.c().receive();
      n++;
    }
    return n;
  }
}
