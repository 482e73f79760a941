import dev.goconc.*;

/** Small cases in the style of containedctx's test data: contexts held in types. */
public class ContainedCases {
  // BUG(ContextInField): a static field holding a context
  static Context defaultCtx = Context.background();

  // OK(ContextInField): a CancelFunc is the owner's power to cancel, not a context
  private CancelFunc cancel;

  static final class Handler {
    // BUG(ContextInField): an instance field of type CancelContext
    private CancelContext requestCtx;

    void begin(Context parent) {
      requestCtx = Context.withCancel(parent);
    }

    void end() {
      requestCtx.cancel();
    }
  }

  // BUG(ContextInField): a record component of type Context
  record Job(String name, Context ctx) {}

  // OK(ContextInField): a record without a context component; the context travels as a parameter
  record Task(String name, int priority) {
    void run(Context ctx) {
      if (ctx.err() == null) {
        System.out.println(name);
      }
    }
  }

  static final class Holder<T> {
    // OK(ContextInField): a generic field is not declared as a Context type
    private T value;

    void set(T v) {
      value = v;
    }

    T get() {
      return value;
    }
  }

  void run(Context ctx) {
    // OK(ContextInField): a local variable
    Context local = Context.withValue(ctx, Context.Key.of("req"), "42");
    new Task("t", 1).run(local);
    CancelContext c = Context.withCancel(ctx);
    cancel = c.cancelFunc();
  }

  void stop() {
    cancel.cancel();
  }

  static abstract class Base {
    // BUG(ContextInField): a protected field in a base class, meant for subclasses to share
    protected Context ctx;
  }
}
