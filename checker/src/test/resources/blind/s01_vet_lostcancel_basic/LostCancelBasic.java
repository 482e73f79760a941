import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.time.Duration;
import java.time.Instant;

class LostCancelBasic {
  static void use(Context ctx) {}

  static void discarded(Context parent) {
    // BUG(LostCancel): the result is discarded; the context can never be cancelled
    Context.withCancel(parent);
  }

  static void neverCancelled(Context parent) {
    // BUG(LostCancel): never cancelled on any path
    CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(1));
    use(ctx);
  }

  static void cancelledOnOneBranch(Context parent, boolean fast) {
    // BUG(LostCancel): the else path leaves without cancel
    CancelContext ctx = Context.withDeadline(parent, Instant.now().plusSeconds(5));
    if (fast) {
      use(ctx);
      ctx.cancel();
    } else {
      use(ctx);
    }
  }

  static void tryWithResources(Context parent) {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withCancel(parent)) {
      use(ctx);
    }
  }

  static void finallyCancel(Context parent) {
    // OK(LostCancel): cancel in finally
    CancelContext ctx = Context.withCancel(parent);
    try {
      use(ctx);
    } finally {
      ctx.cancel();
    }
  }

  static void closeCounts(Context parent) {
    // OK(LostCancel): close() cancels
    CancelContext ctx = Context.withCancel(parent);
    use(ctx);
    ctx.close();
  }

  static void cancelAfterCall(Context parent) {
    // OK(LostCancel): implicit exceptions from ordinary calls are not paths
    CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(10));
    use(ctx);
    ctx.cancel();
  }
}
