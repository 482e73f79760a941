import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Timer;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps an OAuth token fresh: refreshes shortly before expiry until closed. */
public final class TokenSource implements AutoCloseable {
  public record Token(String value, Instant expiry) {}

  public interface Issuer {
    Token issue(Context ctx);
  }

  private final AtomicReference<Token> token = new AtomicReference<>();
  private final CancelFunc stop;

  public TokenSource(Context parent, Issuer issuer) {
    // OK(LostCancel): its CancelFunc goes to a field that close() calls
    CancelContext life = Context.withCancel(parent);
    this.stop = life.cancelFunc();
    token.set(issuer.issue(life));
    Go.go(() -> refreshLoop(life, issuer));
  }

  private void refreshLoop(Context ctx, Issuer issuer) {
    while (ctx.err() == null) {
      Duration wait = Duration.between(Instant.now(), token.get().expiry()).minusSeconds(30);
      // OK(TickerNotStopped): stopped in finally
      Timer t = Time.newTimer(wait.isNegative() ? Duration.ZERO : wait);
      try {
        boolean due = Select.<Boolean>select().recv(t.c(), x -> true).recv(ctx.done(), d -> false).run();
        if (!due) {
          return;
        }
      } finally {
        t.stop();
      }
      try (CancelContext call = Context.withTimeout(ctx, Duration.ofSeconds(5))) {
        token.set(issuer.issue(call));
      }
    }
  }

  public String bearer() {
    return "Bearer " + token.get().value();
  }

  @Override
  public void close() {
    stop.cancel();
  }
}
