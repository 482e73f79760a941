import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.time.Duration;

/** Calls a flaky backend with a per-attempt timeout and exponential backoff. */
public class RetryClient {
  public interface Backend {
    String call(Context ctx, String request) throws Exception;
  }

  private final Backend backend;
  private final int attempts;

  public RetryClient(Backend backend, int attempts) {
    this.backend = backend;
    this.attempts = attempts;
  }

  public String send(Context ctx, String request) throws Exception {
    Exception last = null;
    long backoffMs = 10;
    for (int i = 0; i < attempts; i++) {
      if (ctx.err() != null) {
        throw ctx.err();
      }
      // BUG(LostCancel): the success return leaves the attempt context uncancelled; only the failure path cancels it
      CancelContext attempt = Context.withTimeout(ctx, Duration.ofMillis(200));
      try {
        String reply = backend.call(attempt, request);
        return reply;
      } catch (Exception e) {
        attempt.cancel();
        last = e;
      }
      Thread.sleep(backoffMs);
      backoffMs *= 2;
    }
    throw last;
  }
}
