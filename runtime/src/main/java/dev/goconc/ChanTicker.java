package dev.goconc;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Ticker} on the shared scheduler. Each tick try-sends (a slow receiver drops ticks) and
 * schedules the next one itself, at the first multiple of the period after now: ticks missed
 * while the timer thread was busy are skipped, never run back to back, so however short the
 * period, a tick costs the timer thread one try-send and other timers due earlier run first.
 */
final class ChanTicker implements Ticker {
  private final Chan<Instant> c = Chan.make(1);
  private final RecvChan<Instant> view = c.recvOnly();
  private final ReentrantLock lock = new ReentrantLock();
  private ScheduledFuture<?> pending;
  private long generation;
  private long periodNanos;
  /** The {@link System#nanoTime()} the pending tick is due at. */
  private long due;

  ChanTicker(Duration d) {
    reset(d);
  }

  private void tick(long gen) {
    lock.lock();
    try {
      if (gen != generation) {
        return;
      }
      boolean unused = c.trySend(Instant.now());
      long now = System.nanoTime();
      long delay = delayToNextTick(now - due, periodNanos);
      due = now + delay;
      pending = SharedScheduler.scheduleNanos(() -> tick(gen), delay);
    } finally {
      lock.unlock();
    }
  }

  /**
   * How long after now the next tick is due, {@code late} nanoseconds after the last one was: the
   * rest of the period, skipping the periods missed meanwhile (as Go's ticker drops ticks).
   */
  static long delayToNextTick(long late, long periodNanos) {
    return periodNanos - Math.max(0, late) % periodNanos;
  }

  private void stopLocked() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    generation++;
    var unused = c.tryReceive();
  }

  @Override
  public RecvChan<Instant> c() {
    return view;
  }

  @Override
  public void stop() {
    lock.lock();
    try {
      stopLocked();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void reset(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("non-positive interval for ticker: " + d);
    }
    lock.lock();
    try {
      stopLocked();
      long gen = generation;
      periodNanos = SharedScheduler.nanos(d);
      due = System.nanoTime() + periodNanos;
      pending = SharedScheduler.scheduleNanos(() -> tick(gen), periodNanos);
    } finally {
      lock.unlock();
    }
  }
}
