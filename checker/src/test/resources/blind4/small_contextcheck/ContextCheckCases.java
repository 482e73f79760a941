import dev.goconc.*;
import java.time.Duration;

/** Small cases in the style of contextcheck's test data: a fresh root context where one is in scope. */
public class ContextCheckCases {
  static void work(Context ctx) {}

  static void dropsCaller(Context ctx) {
    // BUG(BackgroundContextInsteadOfParameter): ctx is in scope but the work gets Context.background()
    work(Context.background());
  }

  static void todoInDerived(Context ctx) {
    // BUG(BackgroundContextInsteadOfParameter): the timeout is derived from todo() instead of ctx
    try (CancelContext c = Context.withTimeout(Context.todo(), Duration.ofSeconds(1))) {
      work(c);
    }
  }

  static void localContextInScope(String id) {
    Context req = Context.withValue(Context.background(), Context.Key.of("id"), id);
    work(req);
    // BUG(BackgroundContextInsteadOfParameter): a local context is in scope; the second call drops it
    work(Context.background());
  }

  static void noContextInScope() {
    // OK(BackgroundContextInsteadOfParameter): no context in scope: a root is right here
    work(Context.background());
  }

  static void nullFallback(Context ctx) {
    // OK(BackgroundContextInsteadOfParameter): a null fallback
    Context c = ctx != null ? ctx : Context.background();
    work(c);
  }

  static void cleanupInFinally(Context ctx) {
    try {
      work(ctx);
    } finally {
      // OK(BackgroundContextInsteadOfParameter): cleanup in finally is deliberately detached
      work(Context.background());
    }
  }

  static void afterDone(Context ctx) {
    ctx.done().receive();
    // OK(BackgroundContextInsteadOfParameter): after ctx.done() fired: graceful shutdown work
    try (CancelContext flush = Context.withTimeout(Context.background(), Duration.ofSeconds(5))) {
      work(flush);
    }
  }

  static void detached(Context ctx) {
    // OK(BackgroundContextInsteadOfParameter): withoutCancel is the documented detachment
    work(Context.withoutCancel(ctx));
  }

  static final class Service {
    // BUG(ContextInField): a context kept in a field
    // OK(BackgroundContextInsteadOfParameter): a background context stored in a field is ContextInField's domain, not this rule's
    private final Context root = Context.background();

    void handle(Context ctx) {
      work(ctx);
    }

    Context root() {
      return root;
    }
  }
}
