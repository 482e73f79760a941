package dev.goconc;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A channel's lock: a {@link ReentrantLock} that, when contended, spins briefly before queueing.
 *
 * <p>Channel critical sections are a few dozen nanoseconds, but a {@code ReentrantLock} that finds
 * its lock held queues the virtual thread and parks it almost at once, and a parked virtual thread
 * costs its carrier a switch and its waker a scheduler submission — far more than the wait. Two
 * goroutines exchanging values from two carriers touch the same channels' locks all the time;
 * measured in unbuffered ping-pong, about a third of the acquisitions parked, and each such park
 * ended the two sides' spinning exchange (see {@link Waiter}). So a contended acquisition of an
 * unbuffered channel's lock first retries for up to {@value #CONTENDED_SPINS} rounds of
 * {@link Thread#onSpinWait()} (about a microsecond), and only then waits in the queue.
 *
 * <p>A buffered channel's lock does not spin. It guards only the queues of parked senders and
 * receivers (the values are in a lock-free {@link Ring}), so it is taken when a goroutine is about
 * to park or to wake one, which costs far more than a wait for the lock. (When it also guarded the
 * values, spinning on it kept producer and consumer in lock step: 1 producer / 1 consumer over
 * capacity 1024 went from about 230 to 330–400 ns per element.) On one carrier no lock spins: the
 * holder cannot run until this goroutine gives the carrier up.
 */
@SuppressWarnings("serial") // never serialized: channels are not Serializable
final class ChannelLock extends ReentrantLock {
  static final int CONTENDED_SPINS = 64;

  private static final int SPINS = Carriers.count() > 1 ? CONTENDED_SPINS : 0;

  private final int spins;

  /** @param rendezvous whether the channel is unbuffered, so that contended acquisitions spin */
  ChannelLock(boolean rendezvous) {
    this.spins = rendezvous ? SPINS : 0;
  }

  @Override
  public void lock() {
    if (tryLock()) {
      return;
    }
    for (int i = 0; i < spins; i++) {
      Thread.onSpinWait();
      if (!isLocked() && tryLock()) {
        return;
      }
    }
    super.lock();
  }
}
