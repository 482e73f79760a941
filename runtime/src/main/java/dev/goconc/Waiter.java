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
 */
final class Waiter {
  static final int WAITING = -1;
  static final int CANCELLED = -2;

  /**
   * Spin iterations before parking: 0 unless system property {@code goconc.spins} says otherwise,
   * and always 0 on one carrier. Measured on virtual threads, spinning loses: the counterpart a
   * goroutine just unparked is queued on that goroutine's own carrier, so spinning there delays
   * the very party that would complete the wait (ping-pong went from about 2 to 15 microseconds a
   * round trip with 64 spins). The knob stays for platform-thread callers and for benchmarks.
   */
  private static final int SPINS = carriers() > 1 ? Integer.getInteger("goconc.spins", 0) : 0;

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

  Waiter(Thread thread) {
    this.thread = thread;
  }

  /** Commits case {@code caseIndex}; false if another case or a cancel got there first. */
  boolean tryClaim(int caseIndex) {
    return STATE.compareAndSet(this, WAITING, caseIndex);
  }

  /**
   * Parks until a case is claimed, returning its index, or until the thread is interrupted
   * while still unclaimed, returning {@link #CANCELLED}. The interrupt flag is left as it is.
   */
  int await() {
    int spins = SPINS;
    while (true) {
      int s = state;
      if (s != WAITING) {
        return s;
      }
      if (spins > 0) {
        spins--;
        Thread.onSpinWait();
      } else if (thread.isInterrupted()) {
        if (STATE.compareAndSet(this, WAITING, CANCELLED)) {
          return CANCELLED;
        }
      } else {
        LockSupport.park(this);
      }
    }
  }

  private static int carriers() {
    String p = System.getProperty("jdk.virtualThreadScheduler.parallelism");
    if (p != null) {
      try {
        return Integer.parseInt(p.trim());
      } catch (NumberFormatException ignored) {
        // fall through to the JDK's own default
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }
}
