package dev.goconc;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's cancelCtx and timerCtx in one: a done channel, the first error and cause, the set of
 * children to cancel with it, and an optional deadline timer on the shared scheduler. On cancel
 * it removes itself from its parent's child set and cancels its timer, so nothing it leaves
 * behind keeps memory.
 */
final class CancellableContext implements CancelContext, Canceler, Contexts.Derived {
  private final Context parent;
  private final Instant ownDeadline;
  /** Its own deadline, else its parent's, read once: a chain of any length answers at once. */
  private final Optional<Instant> deadline;
  private final Chan<Void> doneChan = Chan.make();
  private final RecvChan<Void> done = doneChan.recvOnly();
  private final ReentrantLock lock = new ReentrantLock();
  private volatile ContextException err;
  private Throwable cause;
  private Set<Canceler> children;
  private ScheduledFuture<?> timer;
  private CancellableContext registeredOn;

  CancellableContext(Context parent, Instant ownDeadline) {
    this.parent = java.util.Objects.requireNonNull(parent, "parent");
    this.ownDeadline = ownDeadline;
    this.deadline = ownDeadline != null ? Optional.of(ownDeadline) : parent.deadline();
  }

  /** Joins the parent's tree; a child of a cancelled parent is cancelled here. */
  void attach() {
    CancellableContext owner = Contexts.link(parent, this);
    lock.lock();
    try {
      registeredOn = owner;
    } finally {
      lock.unlock();
    }
  }

  void startTimer() {
    Duration left = Duration.between(Instant.now(), ownDeadline);
    if (left.isNegative() || left.isZero()) {
      cancelTree(Contexts.DEADLINE_EXCEEDED, null);
      return;
    }
    lock.lock();
    try {
      if (err == null) {
        // The tree below may be of any size: cancel it off the timer thread.
        timer =
            SharedScheduler.scheduleOffTimerThread(
                () -> cancelTree(Contexts.DEADLINE_EXCEEDED, null), left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Registers {@code child}; false (and cancels it) if this context is already done. */
  boolean addChild(Canceler child) {
    lock.lock();
    try {
      if (err == null) {
        if (children == null) {
          children = new HashSet<>();
        }
        children.add(child);
        return true;
      }
    } finally {
      lock.unlock();
    }
    child.cancel(false, err, cause());
    return false;
  }

  void removeChild(Canceler child) {
    lock.lock();
    try {
      if (children != null) {
        children.remove(child);
      }
    } finally {
      lock.unlock();
    }
  }

  /** How many children are linked, for the test that a long-lived parent does not grow. */
  int childCount() {
    lock.lock();
    try {
      return children == null ? 0 : children.size();
    } finally {
      lock.unlock();
    }
  }

  boolean hasTimer() {
    lock.lock();
    try {
      return timer != null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Cancels this context alone: sets its error and cause, closes {@code done()}, stops its timer
   * and unlinks it from its parent if asked; the children are returned for {@link
   * Canceler#cancel} to cancel next, with this context's cause.
   */
  @Override
  public Collection<Canceler> cancelNode(
      boolean removeFromParent, ContextException why, Throwable why2) {
    Set<Canceler> kids;
    CancellableContext owner;
    lock.lock();
    try {
      if (err != null) {
        return List.of();
      }
      cause = why2 != null ? why2 : why;
      err = why;
      kids = children;
      children = null;
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      owner = registeredOn;
      registeredOn = null;
      doneChan.close();
    } finally {
      lock.unlock();
    }
    if (removeFromParent && owner != null) {
      owner.removeChild(this);
    }
    return kids == null ? List.of() : kids;
  }

  /** Cancels this context and its whole subtree (iteratively, see {@link Canceler#cancel}). */
  private void cancelTree(ContextException why, Throwable why2) {
    Canceler.super.cancel(true, why, why2 != null ? why2 : why);
  }

  @Override
  public void cancel() {
    cancelTree(Contexts.CANCELED, null);
  }

  @Override
  public void cancel(Throwable cause) {
    cancelTree(Contexts.CANCELED, cause);
  }

  @Override
  public void close() {
    cancel();
  }

  @Override
  public CancelFunc cancelFunc() {
    return this::cancel;
  }

  @Override
  public RecvChan<Void> done() {
    return done;
  }

  @Override
  public ContextException err() {
    return err;
  }

  @Override
  public Throwable cause() {
    if (err == null) {
      return null;
    }
    lock.lock();
    try {
      return cause;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> T value(Context.Key<T> key) {
    return Contexts.lookUp(parent, key);
  }

  @Override
  public Optional<Instant> deadline() {
    return deadline;
  }

  @Override
  public Context parent() {
    return parent;
  }

  @Override
  public String step() {
    return ownDeadline == null ? ".WithCancel" : ".WithDeadline(" + ownDeadline + ")";
  }

  @Override
  public String toString() {
    return Contexts.describe(this);
  }
}
