import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Polls a queue depth periodically; the handle is cancelled on close. */
final class Poller implements AutoCloseable {
  private final ScheduledExecutorService scheduler;
  private ScheduledFuture<?> task;
  private volatile int depth;

  Poller(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  synchronized void start(java.util.function.IntSupplier probe) {
    if (task == null) {
      // OK(PeriodicTaskNeverCancelled): the handle is kept and cancelled in close()
      task = scheduler.scheduleWithFixedDelay(() -> depth = probe.getAsInt(), 0, 500, TimeUnit.MILLISECONDS);
    }
  }

  int depth() {
    return depth;
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  /** A private scheduler whose shutdown ends the periodic task with it. */
  static void sampleFor(long millis, Runnable sample) throws InterruptedException {
    ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor();
    try {
      // OK(PeriodicTaskNeverCancelled): the owning scheduler is shut down in finally
      own.scheduleAtFixedRate(sample, 0, 100, TimeUnit.MILLISECONDS);
      // OK(SleepInsteadOfSynchronization): sleeping is the sampling window, not a wait for the task to finish
      Thread.sleep(millis);
    } finally {
      own.shutdownNow();
    }
  }
}
