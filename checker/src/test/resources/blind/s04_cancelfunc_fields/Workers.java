import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;

class Workers {
  static final class Loop {
    // BUG(LostCancel): private CancelFunc field that no method ever calls
    private CancelFunc cancel;

    void start(Context parent) {
      CancelContext c = Context.withCancel(parent);
      cancel = c.cancelFunc();
      Go.go(() -> System.out.println("worker on " + c));
    }

    void stop() {
      System.out.println("stopping (but never cancels)");
    }
  }

  static final class GoodLoop {
    // OK(LostCancel): called in stop()
    private CancelFunc cancel;

    void start(Context parent) {
      CancelContext c = Context.withCancel(parent);
      cancel = c.cancelFunc();
      Go.go(() -> System.out.println("worker on " + c));
    }

    void stop() {
      if (cancel != null) {
        cancel.cancel();
      }
    }
  }

  static final class Shared {
    // OK(LostCancel): non-private: may be called from elsewhere
    CancelFunc cancel;

    void start(Context parent) {
      CancelContext c = Context.withCancel(parent);
      cancel = c.cancelFunc();
    }
  }

  // OK(LostCancel): record components are not judged
  record Handle(String name, CancelFunc cancel) {}

  static final class Outer {
    // OK(LostCancel): a nested class of the same top-level class calls it
    private CancelFunc cancel;

    final class Stopper {
      void stop() {
        cancel.cancel();
      }
    }

    void start(Context parent) {
      CancelContext c = Context.withCancel(parent);
      cancel = c.cancelFunc();
    }
  }
}
