// Program: small cases after go vet's lostcancel test data: discarded results, a branch without cancel, and the hand-overs that count as use.
import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

final class LostCancelPaths {
  private CancelFunc kept;
  private final List<CancelFunc> all = new ArrayList<>();

  static void discarded(Context ctx) {
    // BUG(LostCancel): the result is discarded, nothing can cancel it
    Context.withCancel(ctx);
  }

  static void neverCancelled(Context ctx) {
    // BUG(LostCancel): no path cancels c
    CancelContext c = Context.withTimeout(ctx, Duration.ofSeconds(1));
    System.out.println(c.err());
  }

  static int oneBranch(Context ctx, boolean fast) {
    // BUG(LostCancel): the fast path returns without cancelling
    CancelContext c = Context.withDeadline(ctx, java.time.Instant.now().plusSeconds(5));
    if (fast) {
      return 1;
    }
    c.cancel();
    return 2;
  }

  static CancelContext returned(Context ctx) {
    // OK(LostCancel): returned to the caller, who owns it
    CancelContext c = Context.withCancel(ctx);
    return c;
  }

  void storedInField(Context ctx) {
    // OK(LostCancel): the cancel func is stored in a field that close() calls
    CancelContext c = Context.withCancel(ctx);
    kept = c.cancelFunc();
  }

  void storedInList(Context ctx) {
    // OK(LostCancel): handed to a collection
    CancelContext c = Context.withCancel(ctx);
    all.add(c.cancelFunc());
  }

  void close() {
    kept.cancel();
    all.forEach(CancelFunc::cancel);
  }

  static void cancelledByGoroutine(Context ctx) {
    // OK(LostCancel): the goroutine cancels it
    CancelContext c = Context.withCancel(ctx);
    Go.go(() -> {
      try {
        System.out.println(c.err());
      } finally {
        c.cancel();
      }
    });
  }

  static void throwsInstead(Context ctx, boolean bad) {
    // OK(LostCancel): the only path without cancel ends in throw
    CancelContext c = Context.withCancel(ctx);
    if (bad) {
      throw new IllegalArgumentException("bad");
    }
    c.close();
  }

  static void forever(Context ctx) {
    // OK(LostCancel): an infinite loop has no exit to judge
    CancelContext c = Context.withCancel(ctx);
    while (true) {
      c.done().receive();
    }
  }

  static void handOver(Context ctx) {
    // OK(LostCancel): passed where an AutoCloseable is expected
    CancelContext c = Context.withCancel(ctx);
    closeLater(c);
  }

  static void closeLater(AutoCloseable a) {
    Go.go(() -> {
      try {
        a.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static void passedAsPlainContext(Context ctx) {
    // BUG(LostCancel): passing it where a plain Context is expected is not a hand-over
    CancelContext c = Context.withCancel(ctx);
    use(c);
  }

  static void use(Context ctx) {
    System.out.println(ctx.err());
  }

  public static void main(String[] args) {
    // OK(LostCancel): main is exempt, the process ends
    CancelContext c = Context.withTimeout(Context.background(), Duration.ofSeconds(3));
    use(c);
  }
}
