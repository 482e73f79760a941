package dev.goconc;

/**
 * A context its holder can cancel: Go's {@code ctx, cancel := context.WithCancel(parent)} in one
 * object. {@link #close()} cancels, so try-with-resources is Go's {@code defer cancel()}.
 *
 * <p>Cancelling closes {@link #done()} (exactly once), sets {@link #err()}, cancels every context
 * derived from this one, stops this context's deadline timer and unlinks it from its parent, so a
 * long-lived parent does not keep it. A tree of any depth is cancelled whole: the walk down it is
 * a loop, not a recursion, so it cannot overflow the stack. Cancelling never blocks, and it is
 * idempotent: only the
 * first cancel (or the deadline, whichever comes first) decides {@code err()} and
 * {@code cause()}. Actions before a cancel happen-before a receive from {@code done()} that
 * returns because of it.
 */
public interface CancelContext extends Context, AutoCloseable {
  /** Go's {@code cancel()}: cancels with {@link ContextException.Canceled}. */
  void cancel();

  /**
   * Go's {@code cancel(cause)} of {@code context.WithCancelCause}: cancels with
   * {@link ContextException.Canceled} as {@code err()} and {@code cause} as {@link #cause()}
   * (a null cause means {@code err()} itself).
   */
  void cancel(Throwable cause);

  /** Cancels; never throws. */
  @Override
  void close();

  /** The power to cancel this context, for an owner to keep (Go's {@code cancel} variable). */
  CancelFunc cancelFunc();
}
