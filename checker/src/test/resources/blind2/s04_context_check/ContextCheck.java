// Program: small cases after contextcheck: background contexts passed on where a caller's context is in scope, and deliberate detachments.
import dev.goconc.*;
import java.time.Duration;

final class ContextCheck {
  static String fetch(Context ctx, String key) {
    return key + (ctx.err() == null ? "" : "!");
  }

  static String viaTodo(Context ctx, String key) {
    // BUG(BackgroundContextInsteadOfParameter): todo() replaces the caller's ctx
    return fetch(Context.todo(), key);
  }

  static void inGoroutine(Context ctx, String key) {
    Go.go(() -> {
      // BUG(BackgroundContextInsteadOfParameter): the goroutine sees ctx but detaches from it
      System.out.println(fetch(Context.background(), key));
    });
  }

  static String nullFallback(Context ctx, String key) {
    // OK(BackgroundContextInsteadOfParameter): a null fallback
    Context c = ctx != null ? ctx : Context.background();
    return fetch(c, key);
  }

  static void cleanup(Context ctx, String key) {
    try {
      fetch(ctx, key);
    } finally {
      // OK(BackgroundContextInsteadOfParameter): cleanup in finally runs after the caller may have cancelled
      fetch(Context.background(), "unlock:" + key);
    }
  }

  static void afterDone(Context ctx, String key) {
    ctx.done().receive();
    // OK(BackgroundContextInsteadOfParameter): graceful shutdown after ctx is done
    try (CancelContext grace = Context.withTimeout(Context.background(), Duration.ofSeconds(5))) {
      fetch(grace, "flush:" + key);
    }
  }

  static String noContextInScope(String key) {
    // OK(BackgroundContextInsteadOfParameter): no context in scope here
    return fetch(Context.background(), key);
  }
}
