import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

class Periodic {
  static void startMetrics(ScheduledExecutorService scheduler, Runnable flush) {
    // BUG(PeriodicTaskNeverCancelled): the periodic task's handle is dropped; nothing can ever cancel it
    scheduler.scheduleWithFixedDelay(flush, 1, 1, TimeUnit.SECONDS);
  }

  static ScheduledFuture<?> startReturning(ScheduledExecutorService scheduler, Runnable flush) {
    // OK(PeriodicTaskNeverCancelled): the handle is returned to the caller
    return scheduler.scheduleAtFixedRate(flush, 1, 1, TimeUnit.SECONDS);
  }

  static void oneShot(ScheduledExecutorService scheduler, Runnable r) {
    // OK(PeriodicTaskNeverCancelled): a one-shot schedule is not periodic
    scheduler.schedule(r, 5, TimeUnit.SECONDS);
  }

  static void boundedRun(ScheduledExecutorService scheduler, Runnable r) throws InterruptedException {
    // OK(PeriodicTaskNeverCancelled): cancelled in finally
    ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(r, 0, 10, TimeUnit.MILLISECONDS);
    try {
      Thread.sleep(100);
    } finally {
      f.cancel(false);
    }
  }
}
