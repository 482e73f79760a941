import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import java.util.List;
import java.util.function.Supplier;

/** Cases in the style of containedctx's test data. */
class ContainedCtxCases {
  static class Server {
    // BUG(ContextInField): an instance field of type Context
    private Context ctx;

    void handle(Context ctx) {
      this.ctx = ctx;
    }
  }

  static class Registry {
    // BUG(ContextInField): a static field of type Context
    static Context rootForJobs = Context.background();
  }

  static class Job {
    // BUG(ContextInField): a CancelContext field is a context field too
    final CancelContext ctx;

    Job(Context parent) {
      this.ctx = Context.withCancel(parent);
    }

    void stop() {
      ctx.cancel();
    }
  }

  // BUG(ContextInField): a record component of type Context
  record Request(Context ctx, String path) {}

  static class Owner {
    // OK(ContextInField): CancelFunc is the power to cancel, not a context
    private final CancelFunc cancel;

    Owner(Context parent) {
      CancelContext c = Context.withCancel(parent);
      this.cancel = c.cancelFunc();
    }

    void stop() {
      cancel.cancel();
    }
  }

  static class Holder {
    // OK(ContextInField): the field's own type is not a Context type
    private final List<Context> history = new java.util.ArrayList<>();

    // OK(ContextInField): a supplier of contexts is not a context
    private final Supplier<Context> source = Context::background;

    void remember(Context ctx) {
      history.add(ctx);
    }

    Context next() {
      return source.get();
    }
  }

  static void locals(Context parent) {
    // OK(ContextInField): a local, not a field
    Context child = Context.withValue(parent, Context.Key.<String>of("rid"), "1");
    child.err();
  }
}
