package dev.goconc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A channel's lock: a plain mutex (not reentrant, no owner) that, when contended, spins briefly
 * before queueing.
 *
 * <p>Channel critical sections are a few dozen nanoseconds, but a lock that finds itself held and
 * queues the virtual thread parks it almost at once, and a parked virtual thread costs its carrier
 * a switch and its waker a scheduler submission — far more than the wait. So a contended
 * acquisition first retries for up to {@value #CONTENDED_SPINS} rounds of
 * {@link Thread#onSpinWait()} (about a microsecond), and only then waits in the queue.
 *
 * <p>An unbuffered channel's lock is taken by every send and receive: in ping-pong between two
 * carriers about a third of the acquisitions used to park, and each park ended the two sides'
 * spinning exchange (see {@link Waiter}). A buffered channel's lock guards only the queues of
 * parked goroutines (the values are in a lock-free {@link Ring}), and is taken to queue a goroutine
 * or to serve one; with four producers and four consumers over 16 slots, spinning there measured
 * about 240 against 290 ns per element, one producer and one consumer 150–170 against 165–185 ns,
 * a select over four such channels 350 against 425 ns (2026-11-24, JMH, 3–4 forks each). (When
 * that lock also guarded the values, spinning on it kept producer and consumer in lock step and
 * was slower.) On one carrier no lock spins: the holder cannot run until this goroutine gives the
 * carrier up.
 *
 * <p>It is the synchronizer itself, not a {@code ReentrantLock} around one: the lock word is in
 * this object, and taking or releasing it writes nothing else (no owner, no hold count), which
 * matters because every hand-off on an unbuffered channel moves this cache line between the two
 * carriers. No channel operation takes a lock it already holds (a select locks each distinct
 * channel once), so reentrancy is not needed; {@link #unlock()} by a thread that does not hold
 * the lock is a bug in this package and is not checked.
 */
@SuppressWarnings("serial") // never serialized: channels are not Serializable
final class ChannelLock extends AbstractQueuedSynchronizer {
  static final int CONTENDED_SPINS = 64;

  private static final int SPINS = Carriers.SEVERAL ? CONTENDED_SPINS : 0;

  private static final VarHandle GATE;

  static {
    try {
      GATE = MethodHandles.lookup().findVarHandle(ChannelLock.class, "gate", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * An unbuffered channel's gate, here beside the lock word because both change on every
   * hand-off (and the channel object itself then stays read-only): {@code null} while it is open
   * and nobody waits, the one goroutine waiting without the lock (a plain send or receive), or
   * shut. A send or receive that finds the gate open completes with the goroutine waiting there,
   * or waits there itself, with one compare-and-set and no lock; that is the whole of a rendezvous
   * between two goroutines when no select or third goroutine is involved. A lock holder shuts the
   * gate and queues its goroutine, and opens it again on unlocking only if both queues are empty
   * and the channel is open, so a goroutine in the gate never waits while another is queued (see
   * {@code UnbufferedChan}). Unused (null) for a buffered channel.
   */
  volatile Object gate;

  void lock() {
    if (compareAndSetState(0, 1)) {
      return;
    }
    for (int i = 0; i < SPINS; i++) {
      Thread.onSpinWait();
      if (getState() == 0 && compareAndSetState(0, 1)) {
        return;
      }
    }
    acquire(1);
  }

  void unlock() {
    release(1);
  }

  boolean casGate(Object expected, Object value) {
    return GATE.compareAndSet(this, expected, value);
  }

  /** Sets the gate to {@code shut} and returns what it held; writes nothing if it was shut. */
  Object shutGate(Object shut) {
    Object g = gate;
    return g == shut ? g : GATE.getAndSet(this, shut);
  }

  @Override
  protected boolean tryAcquire(int unused) {
    return compareAndSetState(0, 1);
  }

  @Override
  protected boolean tryRelease(int unused) {
    setState(0);
    return true;
  }
}
