import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Cases in the style of go vet's lostcancel test data. */
class LostCancelCases {
  static void use(Context ctx) {}

  static void takesCancel(CancelFunc f) {}

  static void takesCloseable(AutoCloseable c) {}

  static void takesObject(Object o) {}

  void discarded(Context parent) {
    // BUG(LostCancel): the CancelContext is discarded on the spot
    Context.withCancel(parent);
  }

  void passedStraightIn(Context parent) {
    // BUG(LostCancel): created inside the argument list, nobody can cancel it
    use(Context.withDeadline(parent, Instant.now().plusSeconds(5)));
  }

  void notCancelledOnOnePath(Context parent, boolean early) {
    // BUG(LostCancel): the early return skips the cancel
    CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(1));
    if (early) {
      return;
    }
    use(ctx);
    ctx.cancel();
  }

  void cancelledOnEveryPath(Context parent, boolean early) {
    // OK(LostCancel): both exits cancel
    CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(1));
    if (early) {
      ctx.cancel();
      return;
    }
    use(ctx);
    ctx.cancel();
  }

  void closedLikeDefer(Context parent) {
    // OK(LostCancel): try-with-resources
    try (var ctx = Context.withCancel(parent)) {
      use(ctx);
    }
  }

  CancelContext returned(Context parent) {
    // OK(LostCancel): returned: the caller owns the cancel
    CancelContext ctx = Context.withCancel(parent);
    return ctx;
  }

  CancelFunc cancelReturned(Context parent) {
    // OK(LostCancel): its cancel function is returned
    CancelContext ctx = Context.withCancel(parent);
    use(ctx);
    return ctx.cancelFunc();
  }

  void goroutineCancels(Context parent) {
    // OK(LostCancel): captured by a goroutine that cancels it
    CancelContext ctx = Context.withCancel(parent);
    Go.go(() -> {
      try {
        use(ctx);
      } finally {
        ctx.cancel();
      }
    });
  }

  void handedToCancelParameter(Context parent) {
    // OK(LostCancel): passed where a CancelFunc is expected
    CancelContext ctx = Context.withCancel(parent);
    takesCancel(ctx.cancelFunc());
  }

  void handedToCloseable(Context parent) {
    // OK(LostCancel): passed where an AutoCloseable is expected
    CancelContext ctx = Context.withCancel(parent);
    takesCloseable(ctx);
  }

  void storedInCollection(Context parent, List<CancelFunc> cleanups) {
    // OK(LostCancel): stored in a collection the owner drains
    CancelContext ctx = Context.withCancel(parent);
    cleanups.add(ctx.cancelFunc());
  }

  void passedAsPlainContext(Context parent) {
    // BUG(LostCancel): passing it where a plain Context is expected is not a hand-over
    CancelContext ctx = Context.withCancel(parent);
    use(ctx);
  }

  void passedAsObject(Context parent) {
    // BUG(LostCancel): a CancelFunc passed as Object is not a hand-over
    CancelContext ctx = Context.withCancel(parent);
    takesObject(ctx.cancelFunc());
  }

  void throwsOnOtherPath(Context parent, String arg) {
    // OK(LostCancel): the path without cancel ends in a throw
    CancelContext ctx = Context.withCancel(parent);
    if (arg.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    use(ctx);
    ctx.cancel();
  }

  void infiniteLoop(Context parent, Consumer<Context> work) {
    // OK(LostCancel): an infinite loop has no exit to judge
    CancelContext ctx = Context.withCancel(parent);
    for (;;) {
      work.accept(ctx);
    }
  }

  void lambdaCancels(Context parent, List<Runnable> onShutdown) {
    // OK(LostCancel): a lambda that cancels it is stored with the shutdown hooks
    CancelContext ctx = Context.withCancel(parent);
    onShutdown.add(() -> ctx.cancel());
    use(ctx);
  }

  void loopReassigns(Context parent, int n) {
    List<CancelFunc> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // OK(LostCancel): each iteration's cancel is stored and run below
      CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(100 * i));
      all.add(ctx.cancelFunc());
      use(ctx);
    }
    all.forEach(CancelFunc::cancel);
  }

  public static void main(String[] args) {
    // OK(LostCancel): main is exempt, the process ends
    CancelContext ctx = Context.withCancel(Context.background());
    use(ctx);
  }
}
