import dev.goconc.*;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects stock levels from a fleet of vending machines over flaky cellular links. */
public class VendingFleet {
  public record Machine(String id, String site) {}
  public record Stock(String machineId, Map<String, Integer> slots) {}

  public interface Modem {
    Stock poll(Context ctx, Machine m);
  }

  private final Modem modem;

  public VendingFleet(Modem modem) {
    this.modem = modem;
  }

  /** One sweep: every machine polled with its own deadline; machines that time out are skipped. */
  public Map<String, Stock> sweep(Context ctx, List<Machine> fleet) {
    Chan<Stock> stocks = Chan.make(fleet.size());
    WaitGroup wg = new WaitGroup();
    for (Machine m : fleet) {
      wg.go(() -> {
        // OK(LostCancel): try-with-resources inside the goroutine
        try (CancelContext perMachine = Context.withTimeout(ctx, Duration.ofSeconds(20))) {
          Stock s = modem.poll(perMachine, m);
          if (s != null) {
            stocks.send(s);
          }
        }
      });
    }
    Go.go(() -> {
      wg.await();
      stocks.close();
    });
    Map<String, Stock> out = new HashMap<>();
    // OK(UnclosedChannel): the closer goroutine closes stocks after wg.await()
    for (Stock s : stocks) {
      out.put(s.machineId(), s);
    }
    return out;
  }

  /** Refill route: machines whose any slot is below two items. */
  public static List<String> needRefill(Map<String, Stock> stocks) {
    return stocks.values().stream()
        .filter(s -> s.slots().values().stream().anyMatch(n -> n < 2))
        .map(Stock::machineId)
        .sorted()
        .toList();
  }

  /** Sweeps every hour until the context ends. */
  public void run(Context ctx, List<Machine> fleet, SendChan<List<String>> routes) {
    Ticker hourly = Time.newTicker(Duration.ofHours(1));
    try {
      // OK(IgnoredCancellation): ctx.done() is a select case
      while (true) {
        List<String> route = needRefill(sweep(ctx, fleet));
        boolean stop = Select.<Boolean>select().send(routes, route, () -> false).recv(ctx.done(), d -> true).run();
        if (stop) {
          return;
        }
        stop = Select.<Boolean>select().recv(hourly.c(), t -> false).recv(ctx.done(), d -> true).run();
        if (stop) {
          return;
        }
      }
    } finally {
      // OK(TickerNotStopped): stopped in finally
      hourly.stop();
    }
  }
}
