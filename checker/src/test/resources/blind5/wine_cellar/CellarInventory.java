import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A wine cellar inventory: RFID rack scans reconciled with the purchase ledger; valuations fetched. */
public final class CellarInventory {
  public record Bottle(String tag, String wine, Year vintage) {}

  public record Valuation(String wine, Year vintage, long cents) {}

  public interface Rack {
    String id();

    List<Bottle> scan(Context ctx);
  }

  public interface PriceIndex {
    long priceCents(String wine, Year vintage);
  }

  /** Scans every rack; the tags come out on one channel, closed after the last rack. */
  public static RecvChan<Bottle> scanAll(Context ctx, List<Rack> racks) {
    Chan<Bottle> out = Chan.make(racks.size());
    WaitGroup wg = new WaitGroup();
    for (Rack r : racks) {
      wg.go(() -> {
        for (Bottle b : r.scan(ctx)) {
          // OK(GoroutineLeak): the send watches ctx.done()
          if (!Select.<Boolean>select().send(out, b, () -> true).recv(ctx.done(), d -> false).run()) {
            return;
          }
        }
      });
    }
    // OK(UnclosedChannel): the closer goroutine
    Go.go(() -> {
      wg.await();
      out.close();
    });
    return out;
  }

  /** Bottles in the ledger that no rack saw: missing or mis-shelved. */
  public static List<String> missing(Context parent, List<Rack> racks, List<String> ledgerTags) {
    Map<String, Bottle> seen = new TreeMap<>();
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(30))) {
      for (Bottle b : scanAll(ctx, racks)) {
        seen.put(b.tag(), b);
      }
    }
    return ledgerTags.stream().filter(t -> !seen.containsKey(t)).toList();
  }

  /** Values every distinct wine on a bounded pool. */
  public static long value(List<Bottle> bottles, PriceIndex index) {
    // OK(ExecutorNotShutDown): try-with-resources
    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      List<CompletableFuture<Valuation>> vals = bottles.stream()
          .map(b -> CompletableFuture.supplyAsync(() -> new Valuation(b.wine(), b.vintage(), index.priceCents(b.wine(), b.vintage())), pool))
          .toList();
      return vals.stream().map(CompletableFuture::join).mapToLong(Valuation::cents).sum();
    }
  }
}
