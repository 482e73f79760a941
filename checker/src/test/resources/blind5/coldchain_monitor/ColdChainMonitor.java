import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A vaccine cold-chain monitor: samples fridge probes, raises excursions. */
public class ColdChainMonitor {
  public enum Band {
    FROZEN(-50, -15), CHILLED(2, 8);

    final double low;
    final double high;

    Band(double low, double high) {
      this.low = low;
      this.high = high;
    }

    boolean contains(double c) {
      return c >= low && c <= high;
    }
  }

  public record Reading(String fridge, double celsius, Instant at) {}

  public interface Probe {
    Optional<Reading> read(String fridge);
  }

  private final Probe probe;
  private final List<String> excursions = new ArrayList<>();

  public ColdChainMonitor(Probe probe) {
    this.probe = probe;
  }

  /** Samples one fridge until the context ends; stops at the first probe failure. */
  public void watch(Context ctx, String fridge, Band band) {
    // BUG(TickerNotStopped): the probe-failure return leaves the ticker running
    Ticker ticker = Time.newTicker(Duration.ofSeconds(30));
    while (true) {
      boolean go = Select.<Boolean>select()
          .recv(ticker.c(), t -> true)
          .recv(ctx.done(), d -> false)
          .run();
      if (!go) {
        break;
      }
      Optional<Reading> r = probe.read(fridge);
      if (r.isEmpty()) {
        return;
      }
      if (!band.contains(r.get().celsius())) {
        excursions.add(fridge + "@" + r.get().at());
      }
    }
    ticker.stop();
  }

  /** The same loop, written so every exit stops the ticker. */
  public void watchSafely(Context ctx, String fridge, Band band) {
    // OK(TickerNotStopped): try-with-resources stops the ticker on every exit
    try (Ticker ticker = Time.newTicker(Duration.ofSeconds(30))) {
      loop:
      while (true) {
        boolean go = Select.<Boolean>select()
            .recv(ticker.c(), t -> true)
            .recv(ctx.done(), d -> false)
            .run();
        if (!go) {
          break loop;
        }
        Optional<Reading> r = probe.read(fridge);
        if (r.isEmpty()) {
          return;
        }
        r.filter(x -> !band.contains(x.celsius())).ifPresent(x -> excursions.add(fridge + "@" + x.at()));
      }
    }
  }

  /** Drains a batch of uploaded logger readings into the excursion list. */
  public int importLogger(Context ctx, Chan<Reading> uploads, int expected, Band band) {
    int seen = 0;
    // BUG(IgnoredCancellation): each receive can block, and the loop never looks at ctx
    for (int i = 0; i < expected; i++) {
      Reading r = uploads.receive();
      if (r == null) {
        break;
      }
      seen++;
      if (!band.contains(r.celsius())) {
        excursions.add(r.fridge() + "@" + r.at());
      }
    }
    return seen;
  }

  /** The same import, leaving when the caller gives up. */
  public int importLoggerCancellable(Context ctx, Chan<Reading> uploads, int expected, Band band) {
    int seen = 0;
    // OK(IgnoredCancellation): the receive is in a select with ctx.done()
    for (int i = 0; i < expected; i++) {
      Reading r = Select.<Reading>select().recv(uploads, x -> x).recv(ctx.done(), d -> null).run();
      if (r == null) {
        break;
      }
      seen++;
      if (!band.contains(r.celsius())) {
        excursions.add(r.fridge() + "@" + r.at());
      }
    }
    return seen;
  }

  public synchronized List<String> excursions() {
    return List.copyOf(excursions);
  }
}
