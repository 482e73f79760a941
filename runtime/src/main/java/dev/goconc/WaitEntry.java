package dev.goconc;

/**
 * One case of a {@link Waiter} queued on one channel (Go's sudog). Only touched under that
 * channel's lock, except by its own waiter once the claim made it the winning case.
 *
 * <p>A plain send or receive that may wait is its own waiter ({@link #WaitEntry(Object,
 * SpinWindow)}, see {@link Waiter}); a select's entries share the select's waiter, and an attempt
 * that never waits has none. Only {@link #waiter} is ever claimed, woken or awaited, so the waiter
 * state that such an entry inherits stays unused.
 */
final class WaitEntry extends Waiter {
  /** Whom completing this entry claims and wakes: this entry itself, a select's waiter, or null. */
  final Waiter waiter;
  final int caseIndex;
  /** A send's value, or the value a receive got. */
  Object value;
  /** For a receive: the channel was closed and drained. For a send: the channel was closed. */
  boolean closed;
  /** Whether this is a send: read for the entry waiting in an unbuffered channel's gate. */
  boolean sends;
  /** A waiter this operation completed, to wake after the channel's lock is released. */
  Waiter toWake;

  WaitEntry prev;
  WaitEntry next;
  boolean queued;

  /**
   * A plain send's ({@code value} non-null) or receive's entry on the current goroutine, its own
   * waiter.
   *
   * @param window see {@link Waiter#Waiter(Thread, SpinWindow)}
   */
  WaitEntry(Object value, SpinWindow window) {
    super(Thread.currentThread(), window);
    this.waiter = this;
    this.caseIndex = 0;
    this.value = value;
  }

  /**
   * Case {@code caseIndex} of a select waiting as {@code waiter}, or an attempt that does not wait
   * ({@code waiter} null).
   */
  WaitEntry(Waiter waiter, int caseIndex, Object value) {
    super(null, null);
    this.waiter = waiter;
    this.caseIndex = caseIndex;
    this.value = value;
  }
}
