import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps an OAuth access token fresh: refreshes a minute before expiry, backs off on failure. */
final class TokenRefresher implements AutoCloseable {
  record Token(String value, Instant expiresAt) {
    Duration refreshIn() {
      Duration d = Duration.between(Instant.now(), expiresAt).minusMinutes(1);
      return d.isNegative() ? Duration.ZERO : d;
    }
  }

  interface AuthServer {
    Token exchange(Context ctx, String refreshToken);
  }

  private final AtomicReference<Token> current;
  // OK(LostCancel): close() calls it
  private final CancelFunc stop;

  TokenRefresher(Context parent, AuthServer server, String refreshToken, Token initial) {
    this.current = new AtomicReference<>(initial);
    // OK(LostCancel): handed over: its cancel function is stored in a field
    CancelContext ctx = Context.withCancel(parent);
    this.stop = ctx.cancelFunc();
    Go.go(() -> refreshLoop(ctx, server, refreshToken));
  }

  private void refreshLoop(Context ctx, AuthServer server, String refreshToken) {
    // OK(TickerNotStopped): the timer is stopped by try-with-resources; reset re-arms the same timer
    try (Timer next = Time.newTimer(current.get().refreshIn())) {
      // OK(GoroutineLeak): the loop ends when ctx is cancelled
      while (true) {
        boolean due = Select.<Boolean>select()
            .recv(next.c(), t -> true)
            .recv(ctx.done(), x -> false)
            .run();
        if (!due) {
          return;
        }
        try {
          Token t = server.exchange(ctx, refreshToken);
          current.set(t);
          next.reset(t.refreshIn());
        } catch (RuntimeException e) {
          next.reset(Duration.ofSeconds(5));
        }
      }
    }
  }

  String bearer() {
    return "Bearer " + current.get().value();
  }

  @Override
  public void close() {
    stop.cancel();
  }
}
