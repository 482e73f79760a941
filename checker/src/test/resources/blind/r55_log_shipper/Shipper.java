import dev.goconc.Context;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Ships buffered log lines to a collector, polling the buffer every 200 ms. */
public class Shipper {
  public interface Collector {
    void ship(Context ctx, List<String> lines);
  }

  private final Deque<String> buffer = new ArrayDeque<>();
  private final Collector collector;

  public Shipper(Collector collector) {
    this.collector = collector;
  }

  public synchronized void log(String line) {
    buffer.add(line);
  }

  private synchronized List<String> takeAll() {
    List<String> out = new ArrayList<>(buffer);
    buffer.clear();
    return out;
  }

  public void shipUntilEmpty(Context ctx, int rounds) throws InterruptedException {
    // BUG(IgnoredCancellation): sleeps between rounds but never checks ctx: cancellation is ignored for up to rounds * 200 ms
    for (int i = 0; i < rounds; i++) {
      List<String> batch = takeAll();
      if (!batch.isEmpty()) {
        collector.ship(ctx, batch);
      }
      Thread.sleep(200);
    }
  }

  public void shipUntilCancelled(Context ctx) throws InterruptedException {
    // OK(IgnoredCancellation): checks ctx.err() each round
    while (ctx.err() == null) {
      List<String> batch = takeAll();
      if (!batch.isEmpty()) {
        collector.ship(ctx, batch);
      }
      Thread.sleep(200);
    }
  }
}
