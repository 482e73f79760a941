import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import java.util.List;
import java.util.function.Supplier;

/** containedctx's shapes: contexts kept in fields and record components. */
class ContainedCtx {
  static final class Request {
    // BUG(ContextInField): a request object carrying its context in a field
    private final Context ctx;
    private final String path;

    Request(Context ctx, String path) {
      this.ctx = ctx;
      this.path = path;
    }

    boolean live() {
      return ctx.err() == null && !path.isEmpty();
    }
  }

  static final class Worker {
    // BUG(ContextInField): a CancelContext field is a Context field too
    CancelContext lifetime;
    // OK(ContextInField): the owner keeps the power to cancel, not the context
    CancelFunc stop;
    // OK(ContextInField): a supplier of contexts is not a context
    Supplier<Context> contexts;
    // OK(ContextInField): a list that holds contexts is not itself a Context field
    List<Context> history;
  }

  // BUG(ContextInField): a record component of type Context
  record Job(Context ctx, String name) {}

  // BUG(ContextInField): a static context shared by everybody
  static Context global = Context.background();

  static boolean check(Context ctx) {
    // OK(ContextInField): a local variable
    Context local = Context.withoutCancel(ctx);
    return local.err() == null;
  }
}
