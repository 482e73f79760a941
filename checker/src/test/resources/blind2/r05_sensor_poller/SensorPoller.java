// Program: sensor polling; a poller goroutine reads sensors every period; start/stop lifecycle via a CancelFunc field. Correct.
import dev.goconc.*;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

final class SensorPoller {
  private final Map<String, Supplier<Double>> sensors;
  private final Map<String, Double> last = new ConcurrentHashMap<>();
  // OK(LostCancel): the CancelFunc field is called by stop()
  private CancelFunc stopPolling;
  private final WaitGroup running = new WaitGroup();

  SensorPoller(Map<String, Supplier<Double>> sensors) {
    this.sensors = Map.copyOf(sensors);
  }

  synchronized void start(Context parent, Duration period) {
    CancelContext ctx = Context.withCancel(parent);
    stopPolling = ctx.cancelFunc();
    running.add(1);
    // OK(GoroutineLeak): the poll loop leaves when ctx is cancelled
    Go.go(() -> {
      try {
        poll(ctx, period);
      } finally {
        running.done();
      }
    });
  }

  private void poll(Context ctx, Duration period) {
    Ticker t = Time.newTicker(period);
    try {
      while (ctx.err() == null) {
        Select.<Void>select().recv(t.c(), now -> {
          sensors.forEach((name, s) -> last.put(name, s.get()));
          return null;
        }).recv(ctx.done(), d -> null).run();
      }
    } finally {
      t.stop();
    }
  }

  void stop() {
    CancelFunc c;
    synchronized (this) {
      c = stopPolling;
      stopPolling = null;
    }
    if (c != null) {
      c.cancel();
      // OK(WaitGroupAwaitHoldingLock): awaited after leaving the monitor
      running.await();
    }
  }

  Double reading(String name) {
    return last.get(name);
  }
}
