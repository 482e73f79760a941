import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Aggregates metric samples pushed by clients. */
public class MetricsServer {
  private final Map<String, Double> gauges = new ConcurrentHashMap<>();
  private final Chan<String[]> samples = Chan.make(128);
  // BUG(LostCancel): the CancelFunc is kept in a private field but no method ever calls it
  private CancelFunc cancelAggregator;
  private volatile boolean running;

  public void start(Context parent) {
    CancelContext ctx = Context.withCancel(parent);
    cancelAggregator = ctx.cancelFunc();
    running = true;
    Go.go(() -> aggregate(ctx));
  }

  private void aggregate(Context ctx) {
    while (true) {
      String[] s = Select.<String[]>select().recv(samples, x -> x).recv(ctx.done(), d -> null).run();
      if (s == null) {
        return;
      }
      gauges.merge(s[0], Double.parseDouble(s[1]), Double::sum);
    }
  }

  public boolean push(String name, double value) {
    return running && samples.trySend(new String[] {name, Double.toString(value)});
  }

  public void stop() {
    running = false;
    gauges.clear();
  }

  public Map<String, Double> snapshot() {
    return Map.copyOf(gauges);
  }
}
