import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

class Contained {
  static class Request {
    // BUG(ContextInField): instance field of type Context
    private final Context ctx;
    final String path;

    Request(Context ctx, String path) {
      this.ctx = ctx;
      this.path = path;
    }

    Context context() {
      return ctx;
    }
  }

  static class Global {
    // BUG(ContextInField): static field of type Context
    static Context root = Context.background();
  }

  static class Job {
    // BUG(ContextInField): a CancelContext field is a Context field too
    CancelContext life;
  }

  // BUG(ContextInField): record component of type Context
  record Call(Context ctx, String method) {}

  static class Owner {
    // OK(ContextInField): the cancel func, not the context
    private final CancelFunc cancel;
    // OK(ContextInField): the field's type contains a Context but is not one
    private final Map<String, Context> byTenant;
    // OK(ContextInField): a supplier is not a Context
    private final Supplier<Context> contexts;
    // OK(ContextInField): a list of contexts is not a Context field
    private final List<Context> history;

    Owner(CancelFunc cancel, Map<String, Context> byTenant, Supplier<Context> contexts, List<Context> history) {
      this.cancel = cancel;
      this.byTenant = byTenant;
      this.contexts = contexts;
      this.history = history;
    }

    void handle(Context ctx) {
      // OK(ContextInField): a local
      Context local = ctx;
      history.add(local);
      byTenant.put("t", contexts.get());
      cancel.cancel();
    }
  }
}
