import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.time.Duration;

class Exits {
  static int work(Context c) {
    return 1;
  }

  static void throwPath(Context parent, int n) {
    // OK(LostCancel): the only path without cancel ends in throw
    CancelContext c = Context.withCancel(parent);
    if (n < 0) {
      throw new IllegalArgumentException("negative");
    }
    work(c);
    c.cancel();
  }

  static void exitPath(Context parent, boolean fatal) {
    // OK(LostCancel): System.exit ends the path
    CancelContext c = Context.withCancel(parent);
    if (fatal) {
      System.exit(2);
    }
    work(c);
    c.cancel();
  }

  static void foreverLoop(Context parent) {
    // OK(LostCancel): an infinite loop has no exit to judge
    CancelContext c = Context.withCancel(parent);
    while (true) {
      work(c);
    }
  }

  static int switchPaths(Context parent, String mode) {
    // BUG(LostCancel): the "fast" arm returns without cancelling
    CancelContext c = Context.withTimeout(parent, Duration.ofSeconds(1));
    switch (mode) {
      case "fast":
        return work(c);
      default:
        int r = work(c) + 1;
        c.cancel();
        return r;
    }
  }

  public static void main(String[] args) {
    // OK(LostCancel): main is exempt: the process ends
    CancelContext c = Context.withTimeout(Context.background(), Duration.ofSeconds(1));
    System.out.println(work(c));
  }
}
