package dev.goconc;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A channel's lock: a {@link ReentrantLock} that, when contended, spins briefly before queueing.
 *
 * <p>Channel critical sections are a few dozen nanoseconds, but a {@code ReentrantLock} that finds
 * its lock held queues the virtual thread and parks it almost at once, and a parked virtual thread
 * costs its carrier a switch and its waker a scheduler submission — far more than the wait. Two
 * goroutines exchanging values from two carriers touch the same channels' locks all the time;
 * measured in unbuffered ping-pong, about a third of the acquisitions parked. So a contended
 * acquisition first retries for up to {@value #CONTENDED_SPINS} rounds of
 * {@link Thread#onSpinWait()} (about a microsecond), and only then waits in the queue. On one
 * carrier it never spins: the holder cannot run until this goroutine gives the carrier up.
 */
@SuppressWarnings("serial") // never serialized: channels are not Serializable
final class ChannelLock extends ReentrantLock {
  static final int CONTENDED_SPINS = 64;

  private static final int SPINS = Carriers.count() > 1 ? CONTENDED_SPINS : 0;

  @Override
  public void lock() {
    if (tryLock()) {
      return;
    }
    for (int i = 0; i < SPINS; i++) {
      Thread.onSpinWait();
      if (!isLocked() && tryLock()) {
        return;
      }
    }
    super.lock();
  }
}
