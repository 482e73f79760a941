import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** A real-estate listing deduplicator: merges portal feeds, keeps one listing per address. */
public class ListingDeduplicator {
  public record Listing(String portal, String address, int priceEuros, int sqm) {
    String key() {
      return address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
  }

  /** Each portal's crawl, delivered on its own channel and closed when the crawl ends. */
  static RecvChan<Listing> crawl(String portal, List<Listing> pages) {
    Chan<Listing> out = Chan.make(4);
    Go.go(() -> {
      try {
        pages.forEach(out::send);
      } finally {
        // OK(UnclosedChannel): the crawler closes its own feed in finally
        out.close();
      }
    });
    return out;
  }

  /** Merges the portals' feeds into one. */
  @SafeVarargs
  static <T> RecvChan<T> merge(RecvChan<T>... feeds) {
    Chan<T> merged = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (RecvChan<T> feed : feeds) {
      wg.go(() -> {
        for (T item : feed) {
          merged.send(item);
        }
      });
    }
    // BUG(UnclosedChannel): nobody closes merged after the forwarders finish; the dedup loop never ends
    return merged;
  }

  /** The correct fan-in, with its closer goroutine. */
  @SafeVarargs
  static <T> RecvChan<T> mergeClosed(RecvChan<T>... feeds) {
    Chan<T> merged = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (RecvChan<T> feed : feeds) {
      wg.go(() -> {
        for (T item : feed) {
          merged.send(item);
        }
      });
    }
    // OK(UnclosedChannel): closed once every forwarder is done
    Go.go(() -> {
      wg.await();
      merged.close();
    });
    return merged;
  }

  /** Keeps the cheapest listing per address. */
  static <K> Map<K, Listing> dedup(RecvChan<Listing> listings, Function<Listing, K> key) {
    Map<K, Listing> best = new HashMap<>();
    for (Listing l : listings) {
      best.merge(key.apply(l), l, (a, b) -> a.priceEuros() <= b.priceEuros() ? a : b);
    }
    return best;
  }

  public Map<String, Listing> run(Map<String, List<Listing>> byPortal) {
    RecvChan<Listing> a = crawl("immo", byPortal.getOrDefault("immo", List.of()));
    RecvChan<Listing> b = crawl("casa", byPortal.getOrDefault("casa", List.of()));
    return dedup(merge(a, b), Listing::key);
  }

  public Map<String, Listing> runFixed(Map<String, List<Listing>> byPortal) {
    RecvChan<Listing> a = crawl("immo", byPortal.getOrDefault("immo", List.of()));
    RecvChan<Listing> b = crawl("casa", byPortal.getOrDefault("casa", List.of()));
    return dedup(mergeClosed(a, b), Listing::key);
  }
}
