import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Plans van trips that move bikes from full docking stations to empty ones, every few minutes. */
final class Rebalancer {
  record Station(String id, int bikes, int docks) {
    double fill() {
      return docks == 0 ? 0 : (double) bikes / docks;
    }
  }

  record Move(String from, String to, int bikes) {}

  interface Telemetry {
    List<Station> stations(Context ctx);
  }

  static List<Move> plan(List<Station> stations) {
    List<Station> sorted = new ArrayList<>(stations);
    sorted.sort(Comparator.comparingDouble(Station::fill));
    List<Move> moves = new ArrayList<>();
    int lo = 0;
    int hi = sorted.size() - 1;
    while (lo < hi && sorted.get(hi).fill() > 0.8 && sorted.get(lo).fill() < 0.2) {
      Station full = sorted.get(hi--);
      Station empty = sorted.get(lo++);
      moves.add(new Move(full.id(), empty.id(), (full.bikes() - empty.bikes()) / 2));
    }
    return moves;
  }

  static int run(Context ctx, Telemetry telemetry, Duration every, Map<Integer, List<Move>> dispatched) {
    int rounds = 0;
    // OK(TickerNotStopped): try-with-resources
    try (Ticker tick = Time.newTicker(every)) {
      // OK(IgnoredCancellation): the select includes ctx.done()
      while (true) {
        boolean go = Select.<Boolean>select()
            .recv(tick.c(), t -> true)
            .recv(ctx.done(), x -> false)
            .run();
        if (!go) {
          return rounds;
        }
        dispatched.put(rounds++, plan(telemetry.stations(ctx)));
      }
    }
  }
}
