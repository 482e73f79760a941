package dev.goconc;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Go's afterFuncCtx: runs a function in a goroutine when its context ends, unless stopped. */
final class AfterFunc implements Canceler, Context.StopFunc {
  private final Runnable f;
  private final AtomicBoolean decided = new AtomicBoolean();
  private final Chan<Void> stopped = Chan.make();
  private volatile CancellableContext registeredOn;

  AfterFunc(Runnable f) {
    this.f = f;
  }

  void registeredOn(CancellableContext owner) {
    registeredOn = owner;
  }

  RecvChan<Void> stopped() {
    return stopped;
  }

  @Override
  public Collection<Canceler> cancelNode(
      boolean removeFromParent, ContextException err, Throwable cause) {
    if (decided.compareAndSet(false, true)) {
      Go.go(f);
    }
    return List.of();
  }

  @Override
  public boolean stop() {
    if (!decided.compareAndSet(false, true)) {
      return false;
    }
    CancellableContext owner = registeredOn;
    if (owner != null) {
      owner.removeChild(this);
    }
    stopped.close();
    return true;
  }
}
