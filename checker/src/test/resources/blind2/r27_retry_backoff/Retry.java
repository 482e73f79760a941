// Program: retry with exponential backoff; one helper takes the context in second place and a sleep loop never looks at the context.
import dev.goconc.*;
import java.time.Duration;
import java.util.function.Function;

final class Retry {
  record Policy(int attempts, Duration base) {}

  // BUG(ContextNotFirstParameter): the context comes after the operation name
  static <T> T withBackoff(String op, Context ctx, Policy p, Function<Context, T> call) throws InterruptedException {
    RuntimeException last = null;
    // BUG(IgnoredCancellation): sleeps between attempts without ever checking ctx
    for (int i = 0; i < p.attempts(); i++) {
      try {
        return call.apply(ctx);
      } catch (RuntimeException e) {
        last = e;
      }
      Thread.sleep(p.base().toMillis() << i);
    }
    throw new IllegalStateException(op + " failed", last);
  }

  // OK(ContextNotFirstParameter): the context is first
  static <T> T withBackoffFixed(Context ctx, String op, Policy p, Function<Context, T> call) {
    RuntimeException last = null;
    // OK(IgnoredCancellation): the backoff waits in a select with ctx.done()
    for (int i = 0; i < p.attempts(); i++) {
      try {
        return call.apply(ctx);
      } catch (RuntimeException e) {
        last = e;
      }
      boolean cancelled = Select.<Boolean>select()
          .recv(Time.after(p.base().multipliedBy(1L << i)), t -> false)
          .recv(ctx.done(), d -> true)
          .run();
      if (cancelled) {
        throw ctx.err();
      }
    }
    throw new IllegalStateException(op + " failed", last);
  }
}
