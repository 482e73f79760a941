import dev.goconc.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Groups order lines by warehouse zone and plans a walking route per zone, zones in parallel. */
public class PickListRouter {
  public record Line(String sku, String zone, int aisle, int shelf, int qty) {}
  public record Route(String zone, List<Line> stops) {}

  /** Generic fan-out: applies f to every item on its own goroutine; results in any order. */
  static <T, R> List<R> parallelMap(List<T> items, Function<T, R> f) {
    Chan<R> out = Chan.make(items.size());
    WaitGroup wg = new WaitGroup();
    for (T item : items) {
      wg.go(() -> out.send(f.apply(item)));
    }
    Go.go(() -> {
      wg.await();
      // OK(ReceiverSideClose): the closer goroutine closes after every sender is done; it never receives
      out.close();
    });
    List<R> results = new ArrayList<>(items.size());
    // OK(UnclosedChannel): the closer goroutine closes out once all sends completed
    for (R r : out) {
      results.add(r);
    }
    return results;
  }

  public List<Route> plan(List<Line> lines) {
    Map<String, List<Line>> byZone = new TreeMap<>();
    for (Line l : lines) {
      byZone.computeIfAbsent(l.zone(), z -> new ArrayList<>()).add(l);
    }
    List<Route> routes = parallelMap(new ArrayList<>(byZone.entrySet()),
        e -> new Route(e.getKey(), serpentine(e.getValue())));
    routes.sort(Comparator.comparing(Route::zone));
    return routes;
  }

  /** Odd aisles walked up, even aisles walked down. */
  static List<Line> serpentine(List<Line> zoneLines) {
    return zoneLines.stream()
        .sorted(Comparator.comparingInt(Line::aisle)
            .thenComparingInt(l -> l.aisle() % 2 == 1 ? l.shelf() : -l.shelf()))
        .toList();
  }

  /** Streams routes to the handheld scanners as they are ready. */
  public static void dispatch(Context ctx, List<Route> routes, SendChan<Route> scanners) {
    for (Route r : routes) {
      // OK(IgnoredCancellation): each send selects on ctx.done()
      boolean cancelled = Select.<Boolean>select()
          .send(scanners, r, () -> false)
          .recv(ctx.done(), d -> true)
          .run();
      if (cancelled) {
        break;
      }
    }
  }
}
