package dev.goconc;

/**
 * One case of a {@link Waiter} queued on one channel (Go's sudog). Only touched under that
 * channel's lock, except by its own waiter once the claim made it the winning case.
 */
final class WaitEntry {
  Waiter waiter;
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

  WaitEntry(Waiter waiter, int caseIndex, Object value) {
    this.waiter = waiter;
    this.caseIndex = caseIndex;
    this.value = value;
  }
}
