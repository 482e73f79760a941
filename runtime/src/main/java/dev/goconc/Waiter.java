package dev.goconc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One parked goroutine: a blocked send, receive or select. Its entries wait on channels' queues;
 * whoever completes one of them first wins the atomic claim ({@link #tryClaim}) and thereby
 * commits that case; every other party skips the claimed waiter. A claim is the completion
 * itself: the completer writes the entry's result first, so the waiter that sees its state
 * claimed also sees the result.
 *
 * <h2>Spinning or parking</h2>
 *
 * <p>A waiter on unbuffered channels only (a rendezvous) waits through a private
 * {@link LinkedTransferQueue}: its {@code take()} spins for a few microseconds before parking,
 * but only while the carrier has no other work queued. That is the JDK's own test of when a
 * spin can pay on virtual threads, and it needs the carrier's queue, which no code outside the
 * JDK can see. It pays in a rendezvous: a counterpart running on another carrier answers within
 * the spin, so neither side parks and no scheduler hand-off happens (ping-pong between two
 * goroutines went from about 1.9 to 1.0 microseconds a round trip, 250–500 ns while the exchange
 * holds; docs/benchmarks.md). It must not spin when the counterpart is queued behind
 * this goroutine on the same carrier — the goroutine it just unparked usually is — because the
 * spin would hold the carrier that counterpart needs (measured: a spin without that test made
 * ping-pong about seven times slower).
 *
 * <p>On one carrier nobody spins: the counterpart cannot run before this goroutine parks. A
 * waiter on a buffered channel parks at once too: a sender blocked on a full buffer (or a
 * receiver on an empty one) that spins takes each freed slot (or value) one at a time, in lock
 * step with its counterpart, where a parked one lets the counterpart fill or drain the buffer in a
 * run (measured with buffered receivers spinning as well as every contended lock: 1 producer / 1
 * consumer went from about 200–250 to 380–545 ns per element over capacity 16 and 1024; with the
 * lock-free {@link Ring}, a sender spinning 200 or 2,000 rounds on a full ring before queueing made
 * 1 / 1 and 4 / 4 over capacity 16 several times slower, and waiting through the signal queue
 * instead of parking measured no better).
 */
final class Waiter {
  static final int WAITING = -1;
  static final int CANCELLED = -2;
  /**
   * Held by a buffered channel's server between taking this waiter and knowing whether the ring
   * can serve it (a few instructions, under that channel's lock): nobody else may claim or cancel
   * it meanwhile, so they wait for {@link #commit} or {@link #release}.
   */
  static final int RESERVED = -3;

  /** Whether a spin can ever pay: only with another carrier for the counterpart to run on. */
  private static final boolean SPIN_CAN_PAY = Carriers.count() > 1;

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Thread thread;

  /** {@link #WAITING}, {@link #CANCELLED}, or the index of the case that completed. */
  @SuppressWarnings("unused") // accessed through STATE
  private volatile int state = WAITING;

  /** A rendezvous waiter's wake-up signal (one token, offered after the claim); else null. */
  private final LinkedTransferQueue<Boolean> signal;

  /**
   * Set before a waiter without a {@link #signal} parks. A completer unparks only a waiter that
   * may have parked; an unpark it does not need would still cost a scheduler submission. (The
   * waiter writes this, then reads {@link #state}; the completer writes {@code state}, then reads
   * this: one of them sees the other's write.)
   */
  private volatile boolean parking;

  /**
   * @param rendezvous whether every channel this waiter waits on is unbuffered, so that it may spin
   *     before parking
   */
  Waiter(Thread thread, boolean rendezvous) {
    this.thread = thread;
    this.signal = rendezvous && SPIN_CAN_PAY ? new LinkedTransferQueue<>() : null;
  }

  /** Commits case {@code caseIndex}; false if another case or a cancel got there first. */
  boolean tryClaim(int caseIndex) {
    for (int rounds = 0; ; ) {
      int s = state;
      if (s == WAITING) {
        if (STATE.compareAndSet(this, WAITING, caseIndex)) {
          return true;
        }
      } else if (s == RESERVED) {
        rounds = Spin.pause(rounds);
      } else {
        return false;
      }
    }
  }

  /**
   * Holds this waiter for a server that may be able to complete it; false if it is taken. Like a
   * claim, it waits while another channel's server holds the waiter.
   */
  boolean tryReserve() {
    return tryClaim(RESERVED);
  }

  /** Completes a {@link #tryReserve reserved} waiter with case {@code caseIndex}. */
  void commit(int caseIndex) {
    STATE.setVolatile(this, caseIndex);
  }

  /** Gives a {@link #tryReserve reserved} waiter back, still waiting. */
  void release() {
    STATE.setVolatile(this, WAITING);
  }

  /** Wakes this waiter after a successful {@link #tryClaim}; called outside any channel lock. */
  void wake() {
    if (signal != null) {
      signal.offer(Boolean.TRUE);
    } else if (parking) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Waits until a case is claimed, returning its index, or until the thread is interrupted while
   * still unclaimed, returning {@link #CANCELLED}. The interrupt flag is left as it is.
   */
  int await() {
    if (signal == null) {
      parking = true;
    }
    for (int rounds = 0; ; ) {
      int s = state;
      if (s == RESERVED) {
        rounds = Spin.pause(rounds); // a server decides within a few instructions
        continue;
      }
      if (s != WAITING) {
        return s;
      }
      if (thread.isInterrupted()) {
        if (STATE.compareAndSet(this, WAITING, CANCELLED)) {
          return CANCELLED;
        }
      } else if (signal == null) {
        LockSupport.park(this);
      } else {
        try {
          signal.take();
        } catch (InterruptedException e) {
          thread.interrupt(); // take() cleared the flag; the loop turns it into a cancel
        }
      }
    }
  }
}
