import dev.goconc.Context;
import dev.goconc.Go;

class Detach {
  interface Store {
    void put(Context ctx, String k, String v);

    void flush(Context ctx);
  }

  // BUG(ContextInField): a record component of type Context
  record Request(Context ctx, String body) {}

  private final Store store;

  Detach(Store store) {
    this.store = store;
  }

  void save(Context ctx, String k, String v) {
    // BUG(BackgroundContextInsteadOfParameter): ctx is in scope; background loses the caller's cancellation
    store.put(Context.background(), k, v);
  }

  void saveAsync(Context ctx, String k, String v) {
    // BUG(BackgroundContextInsteadOfParameter): the goroutine sees ctx but uses todo()
    Go.go(() -> store.put(Context.todo(), k, v));
  }

  void saveThenFlush(Context ctx, String k, String v) {
    try {
      store.put(ctx, k, v);
    } finally {
      // OK(BackgroundContextInsteadOfParameter): cleanup in finally is a deliberate detachment
      store.flush(Context.background());
    }
  }

  void shutdown(Context ctx) {
    ctx.done().receive();
    // OK(BackgroundContextInsteadOfParameter): graceful shutdown after ctx.done() fired
    store.flush(Context.background());
  }

  void detachExplicitly(Context ctx, String k) {
    // OK(BackgroundContextInsteadOfParameter): withoutCancel is the documented detachment
    store.put(Context.withoutCancel(ctx), k, "audit");
  }

  void noContextInScope(String k) {
    // OK(BackgroundContextInsteadOfParameter): no Context in scope
    store.put(Context.background(), k, "boot");
  }

  void fromRequest(Request r) {
    // OK(BackgroundContextInsteadOfParameter): an object that carries a context is not a Context in scope
    store.put(Context.background(), "req", r.body());
  }

  void fallback(Context ctx, String k) {
    // OK(BackgroundContextInsteadOfParameter): null fallback
    Context c = ctx == null ? Context.background() : ctx;
    store.put(c, k, "v");
  }
}
