package dev.goconc;

/** Something a cancellable context cancels with itself: a child context, or an after-func. */
interface Canceler {
  /** Cancels with {@code err} and {@code cause}; idempotent. */
  void cancel(boolean removeFromParent, ContextException err, Throwable cause);
}
