package dev.goconc;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread behind every context deadline, {@link Timer} and {@link Ticker}: no thread
 * per timer. Its tasks only close or try-send on a channel or cancel a context, so one daemon
 * thread keeps up. There is no fixed-rate task: a ticker schedules each tick from the last, past
 * the ticks it missed, so a task that is late never runs again and again to catch up (that would
 * starve every timer due after it). Cancelled tasks leave its queue at once (remove-on-cancel), so a stopped timer
 * or cancelled context holds no memory here.
 */
final class SharedScheduler {
  private static final ScheduledThreadPoolExecutor EXECUTOR = create();

  private SharedScheduler() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("goconc-timers").factory());
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
