import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An air-quality index aggregator: merges PM2.5 and ozone stations into a city AQI. */
public class AqiAggregator {
  public record Sample(String station, String pollutant, double value) {}

  public record CityAqi(String city, int aqi) {}

  private final Map<String, Double> worst = new HashMap<>();

  /** Merges the two station feeds until a fixed number of samples was seen. */
  public int mergeFeeds(Context ctx, RecvChan<Sample> pm25, RecvChan<Sample> ozone, int samples) {
    int seen = 0;
    // BUG(IgnoredCancellation): the select has no ctx.done() case and the loop never checks ctx
    while (seen < samples) {
      Sample s = Select.<Sample>select().recv(pm25, x -> x).recv(ozone, x -> x).run();
      if (s != null) {
        worst.merge(s.pollutant(), s.value(), Math::max);
        seen++;
      }
    }
    return seen;
  }

  public int mergeFeedsFixed(Context ctx, RecvChan<Sample> pm25, RecvChan<Sample> ozone, int samples) {
    int seen = 0;
    // OK(IgnoredCancellation): ctx.done() is one of the select's cases
    while (seen < samples) {
      Sample s = Select.<Sample>select().recv(pm25, x -> x).recv(ozone, x -> x).recv(ctx.done(), d -> null).run();
      if (ctx.err() != null) {
        break;
      }
      if (s != null) {
        worst.merge(s.pollutant(), s.value(), Math::max);
        seen++;
      }
    }
    return seen;
  }

  /** Replays a day of archived samples through a local channel. */
  public Map<String, Double> replayDay(List<Sample> archive) {
    Chan<Sample> replay = Chan.make(16);
    Go.go(() -> {
      for (Sample s : archive) {
        replay.send(s);
      }
      // (forgot to close replay)
    });
    Map<String, Double> day = new HashMap<>();
    // BUG(UnclosedChannel): the replayer never closes, so !ok never comes and this loop never ends
    while (true) {
      Received<Sample> r = replay.receiveOk();
      if (!r.ok()) {
        break;
      }
      day.merge(r.value().pollutant(), r.value().value(), Math::max);
    }
    return day;
  }

  public Map<String, Double> replayDayFixed(List<Sample> archive) {
    Chan<Sample> replay = Chan.make(16);
    Go.go(() -> {
      try {
        archive.forEach(replay::send);
      } finally {
        replay.close();
      }
    });
    Map<String, Double> day = new HashMap<>();
    // OK(UnclosedChannel): the replayer closes in finally
    for (Received<Sample> r = replay.receiveOk(); r.ok(); r = replay.receiveOk()) {
      day.merge(r.value().pollutant(), r.value().value(), Math::max);
    }
    return day;
  }

  public CityAqi city(String name) {
    double pm = worst.getOrDefault("pm25", 0.0);
    double o3 = worst.getOrDefault("o3", 0.0);
    int aqi = (int) Math.round(Math.max(pm * 4.17, o3 * 1.0));
    return new CityAqi(name, aqi);
  }
}
