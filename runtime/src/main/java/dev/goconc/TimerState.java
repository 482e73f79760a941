package dev.goconc;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
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
 *
 * <p>The channel is held weakly: the timer thread's queue keeps this schedule, never the channel.
 * A channel that nobody can reach any more is one nobody can receive from, so firing into it
 * would change nothing; once the GC has collected it, the next timer started (or the next firing)
 * takes this schedule off the queue, and a ticker stops at its next tick. So a {@code Time.after}
 * left behind in a select loop costs only this small schedule until the next GC, as Go 1.23
 * collects unreferenced timers. Whoever can still receive keeps the channel: a {@link Timer} or
 * {@link Ticker} holds it, and a thread blocked on it has it on its stack (goroutines are kept
 * by the registry of live goroutines, other virtual threads by the JDK's own thread tracking).
 */
final class TimerState extends WeakReference<Chan<Instant>> {
  /** Schedules whose channel the GC collected, to take off the timer queue. */
  private static final ReferenceQueue<Chan<Instant>> COLLECTED = new ReferenceQueue<>();

  private final ReentrantLock lock = new ReentrantLock();
  private ScheduledFuture<?> pending;
  private long generation;
  /** 0 for a timer; a ticker's period. */
  private long periodNanos;
  /** The {@link System#nanoTime()} the pending firing is due at. */
  private long due;

  TimerState(Chan<Instant> c) {
    super(c, COLLECTED);
  }

  /**
   * Stops what was pending and schedules a firing {@code delayNanos} from now, then one every
   * {@code periodNanos} if that is positive.
   *
   * @return what {@link #stop} would have returned
   */
  boolean start(Chan<Instant> c, long delayNanos, long periodNanos) {
    dropCollected();
    lock.lock();
    try {
      boolean wasActive = stopLocked(c);
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
  boolean stop(Chan<Instant> c) {
    lock.lock();
    try {
      return stopLocked(c);
    } finally {
      lock.unlock();
    }
  }

  /** {@code c} is this schedule's channel, passed by its holder so that it stays reachable. */
  private boolean stopLocked(Chan<Instant> c) {
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
    dropCollected();
    Chan<Instant> c = get();
    if (c == null) {
      return; // nobody can receive: a ticker ends here
    }
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
      // c stays reachable until the next tick is scheduled, on every path out.
      Reference.reachabilityFence(c);
    }
  }

  /** Takes the schedules whose channel the GC collected off the timer queue. */
  private static void dropCollected() {
    for (Reference<?> r; (r = COLLECTED.poll()) != null; ) {
      ((TimerState) r).cancelPending();
    }
  }

  private void cancelPending() {
    lock.lock();
    try {
      generation++;
      if (pending != null) {
        pending.cancel(false);
        pending = null;
      }
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
