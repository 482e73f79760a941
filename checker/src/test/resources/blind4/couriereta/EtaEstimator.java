import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Estimates courier arrival times by asking routing engines; falls back to straight-line estimates. */
public class EtaEstimator {
  public record Stop(String id, double lat, double lon) {}
  public record Eta(String stopId, Duration eta, String source) {}

  public interface RoutingEngine {
    String name();
    Optional<Duration> route(Context ctx, Stop from, Stop to);
  }

  private final List<RoutingEngine> engines;

  public EtaEstimator(List<RoutingEngine> engines) {
    this.engines = List.copyOf(engines);
  }

  /** Asks engines one by one, each with its own goroutine and 300 ms; the first good answer wins. */
  public Eta estimateBroken(Stop from, Stop to) {
    engines:
    for (RoutingEngine e : engines) {
      Chan<Optional<Duration>> answer = Chan.make();
      Go.go(() -> {
        Optional<Duration> d = e.route(Context.background(), from, to);
        // BUG(GoroutineLeak): when the 300 ms case wins, the loop moves on and this send is never received
        answer.send(d);
      });
      Optional<Duration> d = Select.<Optional<Duration>>select()
          .recv(answer, x -> x)
          .recv(Time.after(Duration.ofMillis(300)), t -> Optional.<Duration>empty())
          .run();
      if (d.isEmpty()) {
        continue engines;
      }
      return new Eta(to.id(), d.get(), e.name());
    }
    return straightLine(from, to);
  }

  public Eta estimate(Context parent, Stop from, Stop to) {
    for (RoutingEngine e : engines) {
      try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(300))) {
        // OK(GoroutineLeak): buffered for the single send
        Chan<Optional<Duration>> answer = Chan.make(1);
        Go.go(() -> answer.send(e.route(ctx, from, to)));
        Optional<Duration> d = Select.<Optional<Duration>>select()
            .recv(answer, x -> x)
            .recv(ctx.done(), t -> Optional.<Duration>empty())
            .run();
        if (d.isPresent()) {
          return new Eta(to.id(), d.get(), e.name());
        }
      }
    }
    return straightLine(from, to);
  }

  static Eta straightLine(Stop from, Stop to) {
    double km = Math.hypot(from.lat() - to.lat(), from.lon() - to.lon()) * 111;
    return new Eta(to.id(), Duration.ofMinutes((long) Math.ceil(km / 25 * 60)), "straight-line");
  }

  /** Estimates a whole route; one goroutine per leg, results in order. */
  public List<Eta> routeBroken(Context ctx, List<Stop> stops) {
    Chan<Eta> etas = Chan.make();
    for (int i = 1; i < stops.size(); i++) {
      Stop from = stops.get(i - 1), to = stops.get(i);
      Go.go(() -> etas.send(estimate(ctx, from, to)));
    }
    java.util.ArrayList<Eta> out = new java.util.ArrayList<>();
    // BUG(IgnoredCancellation): the loop blocks on each receive with ctx in scope and never observes it
    for (int i = 1; i < stops.size(); i++) {
      Eta eta = etas.receive();
      if (eta.eta().compareTo(Duration.ofHours(12)) > 0) {
        // BUG(GoroutineLeak): returning here leaves the remaining legs' goroutines blocked on their sends
        return List.of();
      }
      out.add(eta);
    }
    return out;
  }
}
