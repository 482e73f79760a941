package dev.goconc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many goroutines this runtime has unparked that have not run since: ready, waiting for a
 * carrier. A {@link Waiter} reads it to decide whether a spin can pay.
 *
 * <p>It stands in for the JDK's own test of whether a carrier has work queued
 * ({@code ForkJoinWorkerThread.hasKnownQueuedWork}, which {@code LinkedTransferQueue} uses and
 * which is not public). A goroutine that was just unparked is usually queued on the carrier of
 * the goroutine that unparked it; a spin there holds the carrier it needs. It counts only wake-ups
 * by channels and selects (not goroutines just started, or woken by timers, locks or I/O), and
 * all carriers together, so it is an estimate; it is only ever used to choose between spinning
 * and parking, never for correctness.
 *
 * <p>One counter for the whole runtime: it changes only on the park path (an unpark and the
 * wake-up it causes, each a scheduler round trip far dearer than an atomic add), and the spin
 * reads it.
 */
final class ReadyGoroutines {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private ReadyGoroutines() {}

  /** A goroutine was unparked. */
  static void unparked() {
    COUNT.incrementAndGet();
  }

  /** A goroutine counted by {@link #unparked} runs again. */
  static void running() {
    COUNT.decrementAndGet();
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
