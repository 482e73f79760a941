// Program: small cases; cancel obligations across a switch, a loop with break, and a cancel inside a select handler.
import dev.goconc.*;
import java.time.Duration;

final class LostCancelSwitch {
  enum Mode { FAST, SLOW, SKIP }

  static String bySwitch(Context ctx, Mode m) {
    // BUG(LostCancel): the SKIP arm returns without cancelling
    CancelContext c = Context.withTimeout(ctx, Duration.ofMillis(10));
    switch (m) {
      case SKIP:
        return "skipped";
      case FAST:
        c.cancel();
        return "fast";
      default:
        c.cancel();
        return "slow";
    }
  }

  static String bySwitchExpression(Context ctx, Mode m) {
    // OK(LostCancel): every arm passes through finally
    CancelContext c = Context.withTimeout(ctx, Duration.ofMillis(10));
    try {
      return switch (m) {
        case SKIP -> "skipped";
        case FAST -> "fast";
        case SLOW -> "slow";
      };
    } finally {
      c.cancel();
    }
  }

  static int loopBreak(Context ctx, int[] xs) {
    int sum = 0;
    for (int x : xs) {
      // BUG(LostCancel): the break leaves the iteration's context uncancelled
      CancelContext c = Context.withCancel(ctx);
      if (x < 0) {
        break;
      }
      sum += x;
      c.cancel();
    }
    return sum;
  }

  static String cancelInHandler(Context ctx, RecvChan<String> in) {
    // OK(LostCancel): both select handlers cancel it
    CancelContext c = Context.withTimeout(ctx, Duration.ofSeconds(1));
    return Select.<String>select()
        .recv(in, v -> {
          c.cancel();
          return v;
        })
        .recv(c.done(), d -> {
          c.cancel();
          return "timeout";
        })
        .run();
  }
}
