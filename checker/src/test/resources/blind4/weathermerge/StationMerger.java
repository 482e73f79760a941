import dev.goconc.*;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Merges readings from weather stations and publishes one averaged frame per minute. */
public class StationMerger {
  public record Reading(String station, double tempC, double windMs) {}
  public record Frame(int stations, double meanTemp, double maxWind) {}

  private final Map<String, Reading> latest = new HashMap<>();

  /** Runs until ctx ends; the frame ticker is stopped on the way out. */
  public void run(Context ctx, RecvChan<Reading> readings, SendChan<Frame> frames) {
    Ticker tick = Time.newTicker(Duration.ofMinutes(1));
    try {
      // OK(IgnoredCancellation): every iteration's select has a ctx.done() case
      while (true) {
        Boolean more = Select.<Boolean>select()
            .recv(readings, r -> {
              latest.put(r.station(), r);
              return true;
            })
            .recv(tick.c(), t -> {
              if (!latest.isEmpty()) {
                Select.<Void>select().send(frames, frame(), () -> null).recv(ctx.done(), d -> null).run();
              }
              return true;
            })
            .recv(ctx.done(), d -> false)
            .run();
        if (!more) {
          return;
        }
      }
    } finally {
      // OK(TickerNotStopped): stopped in finally on every path
      tick.stop();
    }
  }

  Frame frame() {
    double mean = latest.values().stream().mapToDouble(Reading::tempC).average().orElse(Double.NaN);
    double max = latest.values().stream().mapToDouble(Reading::windMs).max().orElse(0);
    return new Frame(latest.size(), mean, max);
  }

  /** Starts one poller per station and the merger; returns the frames channel. */
  public static RecvChan<Frame> start(Context ctx, List<String> stations, Poller poller) {
    Chan<Reading> readings = Chan.make(stations.size());
    Chan<Frame> frames = Chan.make(1);
    for (String s : stations) {
      Go.go(() -> {
        // OK(GoroutineLeak): the poller loop ends when ctx is done
        while (ctx.err() == null) {
          Reading r = poller.poll(s);
          Select.<Void>select().send(readings, r, () -> null).recv(ctx.done(), d -> null).run();
        }
      });
    }
    StationMerger m = new StationMerger();
    Go.go(() -> {
      try {
        m.run(ctx, readings, frames);
      } finally {
        frames.close();
      }
    });
    return frames;
  }

  public interface Poller {
    Reading poll(String station);
  }

  public static Map<String, Double> snapshot(StationMerger m) {
    Map<String, Double> out = new HashMap<>();
    m.latest.forEach((k, v) -> out.put(k, v.tempC()));
    return out;
  }
}
