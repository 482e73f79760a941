import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import java.util.ArrayList;
import java.util.List;

class Handover {
  private final List<CancelContext> owned = new ArrayList<>();

  static void register(CancelContext c) {}

  static void registerCloseable(AutoCloseable c) {}

  static void plain(Context c) {}

  static CancelContext returned(Context parent) {
    // OK(LostCancel): returned to the caller
    CancelContext c = Context.withCancel(parent);
    return c;
  }

  static CancelFunc returnsCancelFunc(Context parent, List<Context> out) {
    // OK(LostCancel): its cancelFunc is returned
    CancelContext c = Context.withCancel(parent);
    out.add(c);
    return c.cancelFunc();
  }

  void stored(Context parent) {
    // OK(LostCancel): stored in a collection field
    CancelContext c = Context.withCancel(parent);
    owned.add(c);
  }

  static void passedAsCancelContext(Context parent) {
    // OK(LostCancel): handed to a method that takes a CancelContext
    CancelContext c = Context.withCancel(parent);
    register(c);
  }

  static void passedAsAutoCloseable(Context parent) {
    // OK(LostCancel): handed where an AutoCloseable is expected
    CancelContext c = Context.withCancel(parent);
    registerCloseable(c);
  }

  static void goroutineCancels(Context parent) {
    // OK(LostCancel): captured by a goroutine that cancels it
    CancelContext c = Context.withCancel(parent);
    Go.go(
        () -> {
          plain(c);
          c.cancel();
        });
  }

  static void passedAsPlainContext(Context parent) {
    // BUG(LostCancel): a callee taking a plain Context cannot cancel it
    CancelContext c = Context.withCancel(parent);
    plain(c);
  }

  static void storedInArray(Context parent, CancelContext[] slots) {
    // OK(LostCancel): stored in an array the caller owns
    CancelContext c = Context.withCancel(parent);
    slots[0] = c;
  }
}
