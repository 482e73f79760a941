import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.Go;
import java.time.Duration;

/** Cases in the style of contextcheck's test data. */
class ContextCheckCases {
  static void work(Context ctx) {}

  static void cleanup(Context ctx) {}

  void dropsCaller(Context ctx) {
    // BUG(BackgroundContextInsteadOfParameter): the caller's ctx is in scope and ignored
    work(Context.background());
  }

  void dropsWithTodo(Context ctx, String id) {
    // BUG(BackgroundContextInsteadOfParameter): todo() instead of the ctx in scope
    work(Context.todo());
  }

  void inGoroutine(Context ctx) {
    Go.go(() -> {
      // BUG(BackgroundContextInsteadOfParameter): the goroutine sees ctx and starts from background
      try (CancelContext c = Context.withTimeout(Context.background(), Duration.ofSeconds(1))) {
        work(c);
      }
    });
  }

  void localContextInScope() {
    Context scoped = Context.withValue(Context.background(), Context.Key.<String>of("tenant"), "acme");
    work(scoped);
    // BUG(BackgroundContextInsteadOfParameter): a local Context is in scope and background() replaces it
    work(Context.background());
  }

  void passesIt(Context ctx) {
    // OK(BackgroundContextInsteadOfParameter): the parameter is passed on
    work(ctx);
  }

  void nullFallback(Context ctx) {
    // OK(BackgroundContextInsteadOfParameter): a null fallback
    work(ctx != null ? ctx : Context.background());
  }

  void detached(Context ctx) {
    // OK(BackgroundContextInsteadOfParameter): withoutCancel is the documented detachment
    work(Context.withoutCancel(ctx));
  }

  void cleanupInFinally(Context ctx) {
    try {
      work(ctx);
    } finally {
      // OK(BackgroundContextInsteadOfParameter): cleanup in finally, deliberately detached
      cleanup(Context.background());
    }
  }

  void afterDone(Context ctx) {
    ctx.done().receive();
    // OK(BackgroundContextInsteadOfParameter): graceful shutdown after ctx.done() fired
    cleanup(Context.background());
  }

  void noContextInScope() {
    // OK(BackgroundContextInsteadOfParameter): no Context in scope: background is the root
    work(Context.background());
  }

  static class Holder {
    // OK(BackgroundContextInsteadOfParameter): a background context stored in a field is ContextInField's domain
    @SuppressWarnings("ContextInField")
    private final Context root = Context.background();

    Context root() {
      return root;
    }
  }
}
