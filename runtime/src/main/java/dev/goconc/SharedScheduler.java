package dev.goconc;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread behind every context deadline, {@link Timer} and {@link Ticker}: no thread
 * per timer. Its own tasks only try-send on a timer's channel or start a virtual thread for a
 * deadline's cancellation ({@link #scheduleOffTimerThread}), each a few steps whatever the
 * program's size, so one daemon thread keeps up. There is no fixed-rate task: a ticker schedules
 * each tick from the last, past the ticks it missed, so a late task never runs again and again to
 * catch up (that would starve every timer due after it). Cancelled tasks leave its queue at once
 * (remove-on-cancel), so a stopped timer or cancelled context holds no memory here.
 */
final class SharedScheduler {
  private static final String THREAD_NAME = "goconc-timers";
  private static final String HANDED_OFF = "goconc-timer-work";
  private static final ScheduledThreadPoolExecutor EXECUTOR = create();

  private SharedScheduler() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name(THREAD_NAME).factory());
    e.setRemoveOnCancelPolicy(true);
    e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return e;
  }

  static ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    return EXECUTOR.schedule(task, nanos(delay), TimeUnit.NANOSECONDS);
  }

  static ScheduledFuture<?> scheduleNanos(Runnable task, long delayNanos) {
    return EXECUTOR.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Runs {@code work} on a virtual thread of its own once {@code delay} has passed: for work
   * whose size the timer thread cannot bound, such as cancelling a context's whole tree and
   * waking everyone who waits on it (Go runs a deadline's cancel as a goroutine of its own too).
   * The timer thread only starts the thread, so no tree delays the timers due after it.
   */
  static ScheduledFuture<?> scheduleOffTimerThread(Runnable work, Duration delay) {
    return schedule(() -> Thread.ofVirtual().name(HANDED_OFF).start(work), delay);
  }

  static boolean isTimerThread(Thread t) {
    return t.getName().equals(THREAD_NAME);
  }

  /** Tasks waiting to run, for tests that check cancelled timers are released. */
  static int queued() {
    return EXECUTOR.getQueue().size();
  }

  /** {@code d} in nanoseconds, 0 if negative, {@code Long.MAX_VALUE} if longer than that. */
  static long nanos(Duration d) {
    if (d.isNegative()) {
      return 0;
    }
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
