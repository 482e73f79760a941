import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.Go;
import java.time.Duration;

/** contextcheck's shapes: a fresh root context where the caller's one is in scope. */
class ContextCheck {
  interface Store {
    String get(Context ctx, String key);
  }

  static String lookup(Context ctx, Store store, String key) {
    // BUG(BackgroundContextInsteadOfParameter): the caller's cancellation and deadline are lost
    return store.get(Context.background(), key);
  }

  static String lookupTodo(Context ctx, Store store, String key) {
    // BUG(BackgroundContextInsteadOfParameter): todo() is a root context too
    try (CancelContext c = Context.withTimeout(Context.todo(), Duration.ofSeconds(1))) {
      return store.get(c, key);
    }
  }

  static void prefetch(Context ctx, Store store, String key) {
    Go.go(() -> {
      // BUG(BackgroundContextInsteadOfParameter): the goroutine sees ctx and still starts from background
      store.get(Context.background(), key);
    });
  }

  static String lookupOrDefault(Context ctx, Store store, String key) {
    // OK(BackgroundContextInsteadOfParameter): a null fallback
    Context c = ctx != null ? ctx : Context.background();
    return store.get(c, key);
  }

  static String lookupDetached(Context ctx, Store store, String key) {
    // OK(BackgroundContextInsteadOfParameter): withoutCancel keeps the values and drops the cancellation on purpose
    return store.get(Context.withoutCancel(ctx), key);
  }

  static void afterCancel(Context ctx, Store store, String key) {
    ctx.done().receive();
    // OK(BackgroundContextInsteadOfParameter): ctx has fired; this is graceful-shutdown cleanup
    store.get(Context.background(), "shutdown:" + key);
  }

  static String noContextInScope(Store store, String key) {
    // OK(BackgroundContextInsteadOfParameter): no context in scope: a root is the only choice
    return store.get(Context.background(), key);
  }
}
