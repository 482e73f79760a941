// Program: small cases after containedctx: context fields of several kinds, and fields of types that merely contain a context.
import dev.goconc.*;
import java.util.List;
import java.util.function.Supplier;

final class Contained {
  // BUG(ContextInField): a static Context field
  static Context shared = Context.background();
  // BUG(ContextInField): a CancelContext field
  private CancelContext op;
  // OK(ContextInField): a list of contexts is not itself a Context field
  private final List<Context> history = new java.util.ArrayList<>();
  // OK(ContextInField): a supplier is a different type
  private final Supplier<Context> source = Context::background;
  // OK(ContextInField): the power to cancel, not the context
  private CancelFunc stop;

  void begin(Context parent) {
    op = Context.withCancel(parent);
    stop = op.cancelFunc();
    history.add(parent);
  }

  void end() {
    stop.cancel();
    op.cancel();
  }

  Context current() {
    // OK(ContextInField): a local, not a field
    Context c = source.get();
    return c;
  }
}

// BUG(ContextInField): a record component of type CancelContext
record Job(String name, CancelContext ctx) {}
