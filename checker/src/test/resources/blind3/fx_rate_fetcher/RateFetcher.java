import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Fetches a currency pair's rate from several market-data vendors and takes the first valid quote. */
final class RateFetcher {
  record Pair(String base, String quote) {}

  record Rate(String vendor, Pair pair, BigDecimal mid) {}

  interface Vendor {
    Optional<Rate> fetch(Context ctx, Pair pair);
  }

  private final List<Vendor> vendors;

  RateFetcher(List<Vendor> vendors) {
    this.vendors = List.copyOf(vendors);
  }

  Optional<Rate> first(Context parent, Pair pair) {
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(500))) {
      // OK(GoroutineLeak): one slot per vendor: the vendors we stop listening to still finish
      Chan<Optional<Rate>> quotes = Chan.make(vendors.size());
      for (Vendor v : vendors) {
        Go.go(() -> quotes.send(v.fetch(ctx, pair)));
      }
      // OK(IgnoredCancellation): every receive is a select with ctx.done()
      for (int answered = 0; answered < vendors.size(); answered++) {
        Optional<Rate> q = Select.<Optional<Rate>>select()
            .recv(quotes, r -> r)
            .recv(ctx.done(), x -> null)
            .run();
        if (q == null) {
          return Optional.empty();
        }
        if (q.isPresent() && q.get().mid().signum() > 0) {
          return q;
        }
      }
      return Optional.empty();
    }
  }
}
