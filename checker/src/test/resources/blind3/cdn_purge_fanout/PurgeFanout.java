import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Purges a URL from every CDN edge region and reports which regions confirmed. */
final class PurgeFanout {
  record Confirmation(String region, boolean purged, long millis) {}

  interface Edge {
    String region();

    boolean purge(Context ctx, String url);
  }

  private final List<Edge> edges;

  PurgeFanout(List<Edge> edges) {
    this.edges = List.copyOf(edges);
  }

  Map<String, Boolean> purge(Context parent, String url) {
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(10))) {
      ErrGroup g = ErrGroup.withContext(ctx);
      g.setLimit(16);
      // OK(GoroutineLeak): a slot for each edge's confirmation
      Chan<Confirmation> confirmations = Chan.make(edges.size());
      for (Edge e : edges) {
        g.go(() -> {
          long start = System.nanoTime();
          boolean ok = e.purge(g.context(), url);
          confirmations.send(new Confirmation(e.region(), ok, (System.nanoTime() - start) / 1_000_000));
        });
      }
      Go.go(() -> {
        g.await();
        // OK(ReceiverSideClose): the closer goroutine only closes, after every sender finished
        confirmations.close();
      });
      Map<String, Boolean> byRegion = new TreeMap<>();
      // OK(UnclosedChannel): closed by the goroutine that awaits the group
      for (Confirmation c : confirmations) {
        byRegion.put(c.region(), c.purged());
      }
      return byRegion;
    }
  }
}
