package dev.goconc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * One parked goroutine: a blocked send, receive or select. Its entries wait on channels' queues;
 * whoever completes one of them first wins the atomic claim ({@link #tryClaim}) and thereby
 * commits that case; every other party skips the claimed waiter. A claim is the completion
 * itself: the completer writes the entry's result first, so the waiter that sees its state
 * claimed also sees the result.
 *
 * <p>A select has one waiter for all its entries. A plain send or receive has one entry, which is
 * its own waiter ({@link WaitEntry} extends this class): the completer then writes the value and
 * the claim into one object, and the waiting goroutine, spinning on its state, reads both from it
 * (ping-pong between two carriers, plain harness, 8 JVMs of 8 runs per build, alternating: 672
 * against 742 ns a round trip, median, when the two were separate objects; docs/journal/2026-11-benchmarks.md).
 *
 * <h2>Spinning or parking</h2>
 *
 * <p>A waiter on unbuffered channels only (a rendezvous) first spins on its own state for up to
 * {@value #SPINS} rounds of {@link Thread#onSpinWait()} (a few microseconds), then parks. It pays
 * in a rendezvous: a counterpart running on another carrier answers within the spin, so neither
 * side parks and no scheduler hand-off happens; two goroutines exchanging that way measured
 * 150–250 ns a round trip, against 1–1.5 microseconds when each side parks
 * (docs/journal/2026-11-benchmarks.md).
 *
 * <p>A spin must not hold a carrier that another goroutine is queued for: the goroutine this one
 * just unparked usually waits on this very carrier (measured: a spin without any such test made
 * ping-pong about seven times slower; one that only watched whether the goroutine it had itself
 * unparked ran again made eight producers and eight consumers that compute between rendezvous a
 * third slower than a wait that used the JDK's test). The JDK's test for it (the carrier's
 * queue, which {@code LinkedTransferQueue} reads) is not public, so the spin reads
 * {@link ReadyGoroutines} instead: while no goroutine started by {@link Go} or woken by a channel
 * waits for a carrier it spins its full length; otherwise it spins only as long as its channel's
 * {@link SpinWindow} says (between a half and about two microseconds, learned from how that
 * channel's waits end), and parks. Each wake-up is counted once, by the completer that unparks,
 * and uncounted once, by the waiter when it runs again: both sides race through {@link #wakeup},
 * so the count cannot drift.
 *
 * <p>On one carrier nobody spins: the counterpart cannot run before this goroutine parks. A
 * waiter on a buffered channel parks at once too: a sender blocked on a full buffer (or a
 * receiver on an empty one) that spins takes each freed slot (or value) one at a time, in lock
 * step with its counterpart, where a parked one lets the counterpart fill or drain the buffer in a
 * run (measured with buffered receivers spinning as well as every contended lock: 1 producer / 1
 * consumer went from about 200–250 to 380–545 ns per element over capacity 16 and 1024; with the
 * lock-free {@link Ring}, a sender spinning 200 or 2,000 rounds on a full ring before queueing made
 * 1 / 1 and 4 / 4 over capacity 16 several times slower, and waiting through a spinning queue
 * instead of parking measured no better). Yielding the carrier once before queueing, which lets
 * a counterpart on the same carrier run without being woken, does pay
 * ({@link BufferedChan#stepAside}).
 */
sealed class Waiter permits WaitEntry {
  static final int WAITING = -1;
  static final int CANCELLED = -2;
  /**
   * Held by a buffered channel's server between taking this waiter and knowing whether the ring
   * can serve it (a few instructions, under that channel's lock): nobody else may claim or cancel
   * it meanwhile, so they wait for {@link #commit} or {@link #release}.
   */
  static final int RESERVED = -3;

  /**
   * A rendezvous waiter's spin, in rounds of {@link Thread#onSpinWait()}: about 3.5 µs on the
   * machine of docs/journal/2026-11-benchmarks.md (the JDK's {@code LinkedTransferQueue} spins as many).
   */
  static final int SPINS = 128;

  /** {@link #wakeup}: nobody has unparked this waiter. */
  private static final int NOT_WOKEN = 0;
  /** {@link #wakeup}: unparked, and counted in {@link ReadyGoroutines}. */
  private static final int WOKEN = 1;
  /** {@link #wakeup}: running again (a later unpark is not counted). */
  private static final int RUNNING = 2;

  private static final VarHandle STATE;
  private static final VarHandle WAKEUP;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Waiter.class, "state", int.class);
      WAKEUP = lookup.findVarHandle(Waiter.class, "wakeup", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Thread thread;

  /** {@link #WAITING}, {@link #CANCELLED}, or the index of the case that completed. */
  @SuppressWarnings("unused") // accessed through STATE
  private volatile int state = WAITING;

  /**
   * How long this waiter may spin while others are ready; null if it parks at once (it waits on
   * a buffered channel, or there is one carrier).
   */
  private final SpinWindow window;

  /**
   * Set before this waiter parks. A completer unparks only a waiter that may have parked; an
   * unpark it does not need would still cost a scheduler submission. (The waiter writes this,
   * then reads {@link #state}; the completer writes {@code state}, then reads this: one of them
   * sees the other's write.)
   */
  private volatile boolean parking;

  /**
   * {@link #NOT_WOKEN}, {@link #WOKEN} or {@link #RUNNING}: whether this waiter's unpark is counted
   * in {@link ReadyGoroutines}. The completer counts it only by moving it from {@code NOT_WOKEN} to
   * {@code WOKEN}, the waiter uncounts it only by moving it from {@code WOKEN} to {@code RUNNING}.
   */
  @SuppressWarnings("unused") // accessed through WAKEUP
  private volatile int wakeup = NOT_WOKEN;

  /**
   * @param window the spin window of the unbuffered channel this waiter waits on, or null if it
   *     must not spin (it waits on a buffered channel)
   */
  Waiter(Thread thread, SpinWindow window) {
    this.thread = thread;
    this.window = Carriers.SEVERAL ? window : null;
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
    if (parking) {
      if (ReadyGoroutines.COUNTING && WAKEUP.compareAndSet(this, NOT_WOKEN, WOKEN)) {
        ReadyGoroutines.ready();
      }
      LockSupport.unpark(thread);
    }
  }

  /**
   * Waits until a case is claimed, returning its index, or until the thread is interrupted while
   * still unclaimed, returning {@link #CANCELLED}. The interrupt flag is left as it is.
   */
  int await() {
    if (window != null) {
      int s = spin();
      if (s != WAITING) {
        return s;
      }
    }
    parking = true;
    for (int rounds = 0; ; ) {
      int s = state;
      if (s == RESERVED) {
        rounds = Spin.pause(rounds); // a server decides within a few instructions
        continue;
      }
      if (s != WAITING) {
        running();
        return s;
      }
      if (thread.isInterrupted()) {
        if (STATE.compareAndSet(this, WAITING, CANCELLED)) {
          return CANCELLED; // never claimed, so never woken or counted
        }
      } else {
        LockSupport.park(this);
      }
    }
  }

  /** The spin before parking (see the class comment); returns the claimed state, or WAITING. */
  private int spin() {
    int limit = window.limit();
    for (int i = 0; i < SPINS; i++) {
      int s = state;
      if (s != WAITING && s != RESERVED) {
        window.answeredAt(i);
        return s;
      }
      if (i >= limit && ReadyGoroutines.any()) {
        window.cutAt(limit);
        break;
      }
      Thread.onSpinWait();
    }
    return WAITING;
  }

  /** Uncounts this waiter's wake-up, if a completer counted it. */
  private void running() {
    if (ReadyGoroutines.COUNTING && (int) WAKEUP.getAndSet(this, RUNNING) == WOKEN) {
      ReadyGoroutines.running();
    }
  }
}
