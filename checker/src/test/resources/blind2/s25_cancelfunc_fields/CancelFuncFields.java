// Program: small cases of CancelFunc fields: one never called, one called from a nested class, one package-private.
import dev.goconc.*;

final class CancelFuncFields {
  // BUG(LostCancel): a private CancelFunc no method calls
  private CancelFunc forgotten;
  // OK(LostCancel): called from the nested Closer
  private CancelFunc viaNested;
  // OK(LostCancel): not private; other code may call it
  CancelFunc shared;

  void start(Context parent) {
    CancelContext a = Context.withCancel(parent);
    forgotten = a.cancelFunc();
    CancelContext b = Context.withCancel(parent);
    viaNested = b.cancelFunc();
    CancelContext c = Context.withCancel(parent);
    shared = c.cancelFunc();
  }

  final class Closer implements AutoCloseable {
    @Override
    public void close() {
      viaNested.cancel();
    }
  }
}
