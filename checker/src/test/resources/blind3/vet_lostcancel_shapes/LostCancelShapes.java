import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The shapes of go vet's lostcancel test data, written on the runtime. */
class LostCancelShapes {
  static void use(Context ctx) {}

  static void useCancelable(CancelContext ctx) {
    ctx.cancel();
  }

  static void discardedIntoCall(Context parent) {
    // BUG(LostCancel): passed straight into a call expecting a plain Context: nobody can cancel it
    use(Context.withCancel(parent));
  }

  static void neverCancelled(Context parent) {
    // BUG(LostCancel): no path cancels it
    CancelContext ctx = Context.withDeadline(parent, Instant.now().plusSeconds(3));
    use(ctx);
  }

  static void cancelledOnOneBranch(Context parent, boolean fast) {
    // BUG(LostCancel): the else branch falls through to the exit without cancelling
    CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(1));
    if (fast) {
      use(ctx);
      ctx.cancel();
    } else {
      use(ctx);
    }
  }

  static void reassigned(Context parent) {
    // BUG(LostCancel): the first context is overwritten before it is cancelled
    CancelContext ctx = Context.withCancel(parent);
    use(ctx);
    ctx = Context.withCancel(parent);
    use(ctx);
    ctx.cancel();
  }

  static CancelContext returned(Context parent) {
    // OK(LostCancel): returned: the caller owns the cancel
    CancelContext ctx = Context.withCancel(parent);
    use(ctx);
    return ctx;
  }

  static CancelFunc returnedFunc(Context parent) {
    // OK(LostCancel): its cancelFunc is returned
    CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(5));
    use(ctx);
    return ctx.cancelFunc();
  }

  static void handedToCancelable(Context parent) {
    // OK(LostCancel): passed where a CancelContext is expected: the callee can cancel it
    useCancelable(Context.withCancel(parent));
  }

  static void collected(Context parent, List<CancelFunc> cancels) {
    // OK(LostCancel): stored in a collection owned by the caller
    CancelContext ctx = Context.withCancel(parent);
    cancels.add(ctx.cancelFunc());
    use(ctx);
  }

  static void lambdaCancels(Context parent, List<Runnable> onShutdown) {
    // OK(LostCancel): captured by a lambda that cancels it
    CancelContext ctx = Context.withCancel(parent);
    onShutdown.add(() -> ctx.cancel());
    use(ctx);
  }

  static void loopForever(Context parent) {
    // OK(LostCancel): an infinite loop has no exit to judge
    CancelContext ctx = Context.withCancel(parent);
    List<Integer> sink = new ArrayList<>();
    while (true) {
      use(ctx);
      sink.add(sink.size());
    }
  }

  public static void main(String[] args) {
    // OK(LostCancel): main is exempt, the process ends
    CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(10));
    use(ctx);
  }
}
