import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.ContextException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;

final class Retrier {
  private final int maxAttempts;
  private final Duration perAttempt;

  Retrier(int maxAttempts, Duration perAttempt) {
    this.maxAttempts = maxAttempts;
    this.perAttempt = perAttempt;
  }

  <T> T call(Context ctx, Function<Context, T> op) throws InterruptedException {
    RuntimeException last = new IllegalStateException("no attempts");
    // OK(IgnoredCancellation): the loop checks ctx.err() before each attempt and sleep
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      ContextException err = ctx.err();
      if (err != null) {
        throw err;
      }
      // OK(LostCancel): try-with-resources cancels on every path
      try (CancelContext actx = Context.withTimeout(ctx, perAttempt)) {
        return op.apply(actx);
      } catch (RuntimeException e) {
        last = e;
      }
      Thread.sleep(25L * attempt);
    }
    throw last;
  }

  /** Same with an explicit cancel in finally. */
  <T> T callOnce(Context ctx, Callable<T> op) throws Exception {
    // OK(LostCancel): cancel() in finally
    CancelContext c = Context.withTimeout(ctx, perAttempt);
    try {
      return op.call();
    } finally {
      c.cancel();
    }
  }

  public static void main(String[] args) throws Exception {
    Retrier r = new Retrier(3, Duration.ofMillis(100));
    String reply = r.call(Context.background(), c -> "ok");
    System.out.println(reply);
  }
}
