import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opens irrigation valves per zone when soil moisture drops below the zone's threshold. */
public class IrrigationController {
  public record Zone(String name, double threshold, Duration runFor) {}

  public interface Hardware {
    double moisture(String zone);
    void valve(String zone, boolean open);
  }

  private final Hardware hw;
  private final Map<String, Long> lastRun = new ConcurrentHashMap<>();

  public IrrigationController(Hardware hw) {
    this.hw = hw;
  }

  /** The prototype: one polling goroutine per zone, started and forgotten. */
  public void startBroken(List<Zone> zones) {
    for (Zone z : zones) {
      Go.go(() -> {
        Ticker t = Time.newTicker(Duration.ofMinutes(10));
        // BUG(GoroutineLeak): polls forever on the ticker with no exit and no done channel or context
        for (;;) {
          t.c().receive();
          check(z);
        }
      });
    }
  }

  /** The release: each zone's poller stops with the context. */
  public void start(Context ctx, List<Zone> zones) {
    for (Zone z : zones) {
      Go.go(() -> {
        try (Ticker t = Time.newTicker(Duration.ofMinutes(10))) {
          // OK(GoroutineLeak): the loop returns when ctx is done
          while (true) {
            boolean stop = Select.<Boolean>select()
                .recv(t.c(), x -> false)
                .recv(ctx.done(), d -> true)
                .run();
            if (stop) {
              return;
            }
            check(z);
          }
        }
      });
    }
  }

  void check(Zone z) {
    if (hw.moisture(z.name()) < z.threshold()) {
      hw.valve(z.name(), true);
      Timer close = Time.newTimer(z.runFor());
      // OK(TickerNotStopped): the timer's channel is received from: it fired
      close.c().receive();
      hw.valve(z.name(), false);
      lastRun.put(z.name(), System.currentTimeMillis());
    }
  }

  /** A manual run from the app, waiting for its end or the app's cancel. */
  public boolean manualRun(Context ctx, Zone z) {
    hw.valve(z.name(), true);
    try {
      return Select.<Boolean>select()
          .recv(Time.after(z.runFor()), t -> true)
          .recv(ctx.done(), d -> false)
          .run();
    } finally {
      hw.valve(z.name(), false);
    }
  }
}
