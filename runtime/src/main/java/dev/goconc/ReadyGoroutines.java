package dev.goconc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many goroutines this runtime has started or unparked that have not run since: ready,
 * waiting for a carrier. A {@link Waiter} reads it to decide whether a spin can pay.
 *
 * <p>It stands in for the JDK's own test of whether a carrier has work queued
 * ({@code ForkJoinWorkerThread.hasKnownQueuedWork}, which {@code LinkedTransferQueue} uses and
 * which is not public). A goroutine that was just unparked is usually queued on the carrier of
 * the goroutine that unparked it; a spin there holds the carrier it needs. It counts goroutines
 * started by {@link Go} and wake-ups by channels and selects (not plain virtual threads, or
 * goroutines woken by timers, locks or I/O), and all carriers together, so it is an estimate; it
 * is only ever used to choose between spinning and parking, never for correctness. On one
 * carrier nothing spins, so nothing is counted.
 *
 * <p>One counter for the whole runtime: it changes only when a goroutine starts, is unparked or
 * runs again (each a scheduler submission or switch, far dearer than an atomic add), and the
 * spin reads it.
 */
final class ReadyGoroutines {
  /** Whether anything is counted: only where a waiter may spin. */
  static final boolean COUNTING = Carriers.SEVERAL;

  private static final AtomicInteger COUNT = new AtomicInteger();

  private ReadyGoroutines() {}

  /** A goroutine was started or unparked. */
  static void ready() {
    if (COUNTING) {
      COUNT.incrementAndGet();
    }
  }

  /** A goroutine counted by {@link #ready} runs (again). */
  static void running() {
    if (COUNTING) {
      COUNT.decrementAndGet();
    }
  }

  /** The count; tests check that it returns to 0 once every goroutine has run again. */
  static int count() {
    return COUNT.get();
  }

  /** Whether any counted goroutine waits for a carrier. */
  static boolean any() {
    return COUNT.get() > 0;
  }
}
