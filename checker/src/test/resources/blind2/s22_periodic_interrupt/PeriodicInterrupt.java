// Program: small cases of periodic tasks nobody cancels and task loops that swallow interrupts.
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

final class PeriodicInterrupt {
  private final ScheduledExecutorService ses;
  private ScheduledFuture<?> refresh;

  PeriodicInterrupt(ScheduledExecutorService ses) {
    this.ses = ses;
  }

  void startGauge(Runnable sample) {
    // BUG(PeriodicTaskNeverCancelled): the future is discarded; nothing can stop the gauge
    ses.scheduleWithFixedDelay(sample, 0, 10, TimeUnit.SECONDS);
  }

  void startRefresh(Runnable r) {
    // OK(PeriodicTaskNeverCancelled): kept in a field that stop() cancels
    refresh = ses.scheduleAtFixedRate(r, 1, 1, TimeUnit.MINUTES);
  }

  void stop() {
    refresh.cancel(true);
  }

  static Runnable consumer(BlockingQueue<String> q) {
    return () -> {
      while (true) {
        try {
          System.out.println(q.take());
          // BUG(InterruptIgnoredInTaskLoop): an empty catch swallows the interrupt and the loop continues
        } catch (InterruptedException ignored) {
        }
      }
    };
  }

  static Runnable consumerFixed(BlockingQueue<String> q) {
    return () -> {
      while (true) {
        try {
          System.out.println(q.take());
          // OK(InterruptIgnoredInTaskLoop): the interrupt ends the loop
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    };
  }
}
