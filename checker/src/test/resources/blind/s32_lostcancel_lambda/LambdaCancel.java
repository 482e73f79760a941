import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.Select;
import java.time.Duration;
import java.util.List;

class LambdaCancel {
  interface Api {
    void call(Context ctx, String item);
  }

  static void each(Context ctx, Api api, List<String> items) {
    items.forEach(
        item -> {
          // BUG(LostCancel): created per item inside the lambda and never cancelled
          CancelContext c = Context.withTimeout(ctx, Duration.ofMillis(100));
          api.call(c, item);
        });
  }

  static void eachStream(Context ctx, Api api, List<String> items) {
    items.stream()
        .filter(s -> !s.isEmpty())
        .forEach(
            item -> {
              // OK(LostCancel): try-with-resources inside the lambda
              try (CancelContext c = Context.withTimeout(ctx, Duration.ofMillis(100))) {
                api.call(c, item);
              }
            });
  }

  static void cancelInHandler(Context ctx, Api api, dev.goconc.RecvChan<String> in) {
    // OK(LostCancel): a cancel() in a select handler lambda counts
    CancelContext c = Context.withCancel(ctx);
    Select.<Void>select()
        .recv(in, s -> { api.call(c, s); c.cancel(); return null; })
        .recv(ctx.done(), d -> { c.cancel(); return null; })
        .run();
  }
}
