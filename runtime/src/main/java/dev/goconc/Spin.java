package dev.goconc;

/**
 * Waiting for another goroutine to finish a step it has already begun (a few instructions: a ring
 * slot between claim and publication, a waiter a server holds while it looks at its ring). Never
 * used to wait for a counterpart to arrive: that parks.
 */
final class Spin {
  /** About a microsecond of {@link Thread#onSpinWait()}: the step is usually done by then. */
  private static final int SPINS_BEFORE_YIELD = 64;

  private Spin() {}

  /**
   * One round of waiting, given the rounds so far; returns the new count. Spins first, then
   * yields the carrier: the other goroutine may have been descheduled (its carrier preempted, or
   * itself yielding), and on one carrier it can only finish if this one steps aside.
   */
  @SuppressWarnings("ThreadPriorityCheck") // yielding the carrier is the point (see above)
  static int pause(int rounds) {
    if (rounds < SPINS_BEFORE_YIELD) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
    return rounds + 1;
  }
}
