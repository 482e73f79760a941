import dev.goconc.*;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small cases in the style of go vet's lostcancel test data. */
public class LostCancelCases {
  private CancelFunc stopper;
  private final List<CancelFunc> children = new ArrayList<>();

  static void use(Context ctx) {}

  static void takesCancel(CancelContext ctx) {
    Go.go(() -> {
      use(ctx);
      ctx.cancel();
    });
  }

  static void discarded(Context parent) {
    // BUG(LostCancel): the result is discarded: nothing can cancel it
    Context.withCancel(parent);
  }

  static void straightIntoCall(Context parent) {
    // BUG(LostCancel): passed straight into a call that takes a plain Context: nobody cancels it
    use(Context.withTimeout(parent, Duration.ofSeconds(1)));
  }

  static int earlyReturn(Context parent, int n) {
    // BUG(LostCancel): the n < 0 path returns without cancelling
    CancelContext ctx = Context.withDeadline(parent, Instant.now().plusSeconds(5));
    if (n < 0) {
      return -1;
    }
    use(ctx);
    ctx.cancel();
    return n;
  }

  static void throwPath(Context parent, int n) {
    // OK(LostCancel): the only path without a cancel ends in a throw
    CancelContext ctx = Context.withCancel(parent);
    if (n < 0) {
      throw new IllegalArgumentException("negative");
    }
    use(ctx);
    ctx.cancel();
  }

  static void tryWithResources(Context parent) {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(1))) {
      use(ctx);
    }
  }

  static CancelFunc returnsCancel(Context parent) {
    // OK(LostCancel): its cancelFunc is returned to the caller
    CancelContext ctx = Context.withCancel(parent);
    Go.go(() -> use(ctx));
    return ctx.cancelFunc();
  }

  void storesInField(Context parent) {
    // OK(LostCancel): the cancel function is stored in a field the class calls in stop()
    CancelContext ctx = Context.withCancel(parent);
    stopper = ctx.cancelFunc();
    use(ctx);
  }

  void storesInCollection(Context parent) {
    // OK(LostCancel): stored in a collection: ownership handed over
    CancelContext ctx = Context.withCancel(parent);
    children.add(ctx.cancelFunc());
  }

  void stop() {
    stopper.cancel();
    children.forEach(CancelFunc::cancel);
  }

  static void handedToCancelContextParam(Context parent) {
    // OK(LostCancel): passed where a CancelContext is expected: the callee can cancel
    CancelContext ctx = Context.withCancel(parent);
    takesCancel(ctx);
  }

  static void capturedByCanceller(Context parent) {
    // OK(LostCancel): the goroutine that captures it cancels it
    CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(3));
    Go.go(() -> {
      try {
        use(ctx);
      } finally {
        ctx.cancel();
      }
    });
  }

  static void forever(Context parent) {
    // OK(LostCancel): an infinite loop has no exit to judge
    CancelContext ctx = Context.withCancel(parent);
    while (true) {
      use(ctx);
    }
  }

  static void loopOverwrites(Context parent, List<String> jobs) {
    for (String job : jobs) {
      // BUG(LostCancel): the continue path skips the cancel of this round's context
      CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(1));
      if (job.isBlank()) {
        continue;
      }
      use(ctx);
      ctx.cancel();
    }
  }

  public static void main(String[] args) {
    // OK(LostCancel): main is exempt: the process ends
    CancelContext ctx = Context.withCancel(Context.background());
    use(ctx);
  }
}
