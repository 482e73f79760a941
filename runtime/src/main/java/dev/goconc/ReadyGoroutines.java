package dev.goconc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether goroutines this runtime has started or unparked wait for a carrier: ready, not yet run.
 * A {@link Waiter} reads it to decide whether a spin can pay.
 *
 * <p>It stands in for the JDK's own test of whether a carrier has work queued
 * ({@code ForkJoinWorkerThread.hasKnownQueuedWork}, which {@code LinkedTransferQueue} uses and
 * which is not public). A goroutine that was just unparked or started is usually queued on the
 * carrier of the goroutine that did it; a spin there holds the carrier it needs. It sees
 * goroutines started by {@link Go} and wake-ups by channels and selects (not plain virtual
 * threads, or goroutines woken by timers, locks or I/O), and all carriers together, so it is an
 * estimate; it is only ever used to choose between spinning and parking, never for correctness.
 * On one carrier nothing spins, so nothing is tracked.
 *
 * <p>Two signals, because the two events differ in cost:
 *
 * <ul>
 *   <li>Wake-ups are counted: the completer that unparks adds one, the waiter subtracts it when it
 *       runs again ({@link Waiter} makes sure each happens once). One counter for the whole
 *       runtime: it changes only around an unpark, far dearer than an atomic add.
 *   <li>Starts are not: counting them cost every {@code Go.go} two atomic additions to that
 *       counter, one by the starter and one by the new goroutine, mostly on different carriers,
 *       about a fifth of a start (JMH, docs/journal/2026-11-benchmarks.md). Instead {@code Go} numbers goroutines
 *       in start order anyway, and each new goroutine raises the highest number run to its own
 *       when it first runs (one compare-and-set, by the new goroutine only): while the last
 *       number started is above it, a started goroutine has not run yet. As carriers run
 *       goroutines out of order, this can report none while an older one still waits (a spin then
 *       runs its full, bounded length), but never one waiting once all have run. (A plain store
 *       of each goroutine's number instead let an older goroutine that ran last put the record
 *       back, after 2–6% of bursts of 2,000 starts, and every spin was then cut short until the
 *       next start; storing only a higher number, without a compare-and-set, still did after up
 *       to 3% of bursts, from two first runs racing between the read and the store.)
 * </ul>
 */
final class ReadyGoroutines {
  /** Whether anything is tracked: only where a waiter may spin. */
  static final boolean COUNTING = Carriers.SEVERAL;

  private static final AtomicInteger COUNT = new AtomicInteger();

  private static final VarHandle LAST_RUN;

  static {
    try {
      LAST_RUN =
          MethodHandles.lookup().findStaticVarHandle(ReadyGoroutines.class, "lastRun", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The highest number of a goroutine that has run (see the class comment). */
  @SuppressWarnings("unused") // accessed through LAST_RUN
  private static long lastRun;

  private ReadyGoroutines() {}

  /** A goroutine was unparked. */
  static void ready() {
    if (COUNTING) {
      COUNT.incrementAndGet();
    }
  }

  /** A goroutine counted by {@link #ready} runs again. */
  static void running() {
    if (COUNTING) {
      COUNT.decrementAndGet();
    }
  }

  /** Goroutine number {@code id} (see {@link Go#lastId()}) runs for the first time. */
  static void firstRun(long id) {
    if (COUNTING) {
      long last = (long) LAST_RUN.getOpaque();
      while (id > last) { // raise it, never lower it: usually one compare-and-set
        long witness = (long) LAST_RUN.compareAndExchange(last, id);
        if (witness == last) {
          return;
        }
        last = witness;
      }
    }
  }

  /** The count of wake-ups; tests check that it returns to 0 once every goroutine has run again. */
  static int count() {
    return COUNT.get();
  }

  /** Whether a goroutine started by {@link Go} seems not to have run yet (see the class comment). */
  static boolean startedNotRun() {
    return Go.lastId() != (long) LAST_RUN.getOpaque();
  }

  /** Whether any goroutine seems to wait for a carrier. */
  static boolean any() {
    return COUNT.get() > 0 || startedNotRun();
  }
}
