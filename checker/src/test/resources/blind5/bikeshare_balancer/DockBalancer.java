import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A bike-share dock balancer: every few minutes, moves bikes from full docks to empty ones. */
public final class DockBalancer {
  public record Dock(String id, int capacity) {}

  public record Move(String from, String to, int bikes) {}

  public interface Fleet {
    int bikesAt(Context ctx, String dock);

    void dispatchVan(Context ctx, Move move);
  }

  private final Fleet fleet;
  private final List<Dock> docks;
  private final Map<String, Integer> snapshot = new ConcurrentHashMap<>();

  public DockBalancer(Fleet fleet, List<Dock> docks) {
    this.fleet = fleet;
    this.docks = List.copyOf(docks);
  }

  /** Runs until the context is cancelled. */
  public void run(Context ctx, Duration period) {
    // OK(TickerNotStopped): try-with-resources
    try (Ticker ticker = Time.newTicker(period)) {
      // OK(IgnoredCancellation): the select observes ctx.done()
      while (ctx.err() == null) {
        Boolean tick = Select.<Boolean>select().recv(ticker.c(), t -> Boolean.TRUE).recv(ctx.done(), d -> Boolean.FALSE).run();
        if (!tick) {
          break;
        }
        rebalance(ctx);
      }
    }
  }

  void rebalance(Context parent) {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(20))) {
      WaitGroup wg = new WaitGroup();
      for (Dock d : docks) {
        // OK(WaitGroupAddInGoroutine): wg.go adds before starting
        wg.go(() -> snapshot.put(d.id(), fleet.bikesAt(ctx, d.id())));
      }
      // OK(WaitGroupAwaitInLaunchLoop): awaited once, after the launch loop
      wg.await();
      plan().forEach(m -> fleet.dispatchVan(ctx, m));
    }
  }

  List<Move> plan() {
    List<Dock> full = docks.stream().filter(d -> fill(d) > 0.8).sorted(Comparator.comparingDouble(this::fill).reversed()).toList();
    List<Dock> empty = docks.stream().filter(d -> fill(d) < 0.2).sorted(Comparator.comparingDouble(this::fill)).toList();
    int n = Math.min(full.size(), empty.size());
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> new Move(full.get(i).id(), empty.get(i).id(), Math.max(1, snapshot.getOrDefault(full.get(i).id(), 0) / 4)))
        .toList();
  }

  private double fill(Dock d) {
    return snapshot.getOrDefault(d.id(), 0) / (double) d.capacity();
  }
}
