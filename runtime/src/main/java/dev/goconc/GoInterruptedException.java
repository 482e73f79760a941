package dev.goconc;

/**
 * Thrown by a blocking goconc call (send, receive, select, {@code await}) when its thread is
 * interrupted while it would block. Unchecked, since goconc's calls declare no checked
 * exceptions, as Go's have none. The thread's interrupt flag stays set when this is thrown, so
 * code further up still sees the interrupt.
 *
 * <p>A call that could complete without blocking completes even if the thread is interrupted,
 * and a call whose value was already handed over when the interrupt came completes normally
 * (the flag stays set): an interrupt never loses or duplicates a value.
 */
public final class GoInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GoInterruptedException() {
    super("interrupted while blocked", new InterruptedException());
  }
}
