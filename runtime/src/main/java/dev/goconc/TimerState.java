package dev.goconc;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The schedule behind one {@link Timer} or {@link Ticker}: what is pending on the shared timer
 * thread, and the channel the firings go to (capacity 1; a firing that finds it full is dropped).
 *
 * <p>A generation number, bumped under the lock by {@link #stop} and {@link #start}, lets a
 * firing that raced with them know it is stale and send nothing; {@code stop} then takes back an
 * unreceived value under the same lock. So once {@code stop} or {@code start} returns, no value
 * from before it can be received, and a value fired but not yet received counts as still pending
 * (Go 1.23's semantics).
 */
final class TimerState {
  private final Chan<Instant> c;
  private final ReentrantLock lock = new ReentrantLock();
  private ScheduledFuture<?> pending;
  private long generation;
  /** 0 for a timer; a ticker's period. */
  private long periodNanos;
  /** The {@link System#nanoTime()} the pending firing is due at. */
  private long due;

  TimerState(Chan<Instant> c) {
    this.c = c;
  }

  /**
   * Stops what was pending and schedules a firing {@code delayNanos} from now, then one every
   * {@code periodNanos} if that is positive.
   *
   * @return what {@link #stop} would have returned
   */
  boolean start(long delayNanos, long periodNanos) {
    lock.lock();
    try {
      boolean wasActive = stopLocked();
      long gen = generation;
      this.periodNanos = periodNanos;
      due = System.nanoTime() + delayNanos;
      pending = SharedScheduler.scheduleNanos(() -> fire(gen), delayNanos);
      return wasActive;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Cancels the pending firing and takes back a value fired but not received.
   *
   * @return whether either was there: false only if the timer had been stopped or its value
   *     received
   */
  boolean stop() {
    lock.lock();
    try {
      return stopLocked();
    } finally {
      lock.unlock();
    }
  }

  private boolean stopLocked() {
    boolean wasPending = pending != null;
    if (wasPending) {
      pending.cancel(false);
      pending = null;
    }
    generation++;
    boolean unreceived = c.tryReceive().isPresent();
    return wasPending || unreceived;
  }

  /**
   * Runs on the timer thread: try-sends the time, and for a ticker schedules the next tick at
   * the first multiple of the period after now, skipping the ticks missed meanwhile (as Go's
   * ticker drops ticks), so a tick never runs again and again to catch up.
   */
  private void fire(long gen) {
    lock.lock();
    try {
      if (gen != generation) {
        return;
      }
      boolean unused = c.trySend(Instant.now());
      if (periodNanos == 0) {
        pending = null;
        return;
      }
      long now = System.nanoTime();
      long delay = delayToNextTick(now - due, periodNanos);
      due = now + delay;
      pending = SharedScheduler.scheduleNanos(() -> fire(gen), delay);
    } finally {
      lock.unlock();
    }
  }

  /**
   * How long after now the next tick is due, {@code late} nanoseconds after the last one was: the
   * rest of the period, skipping the periods missed meanwhile.
   */
  static long delayToNextTick(long late, long periodNanos) {
    return periodNanos - Math.max(0, late) % periodNanos;
  }
}
