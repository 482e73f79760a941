import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.List;
import java.util.function.Function;

/** Averages a symbol's price across exchanges; fails fast on the first bad quote. */
public final class Aggregator {
  public record Quote(String exchange, double price, String error) {
    boolean ok() {
      return error == null;
    }
  }

  private final List<String> exchanges;
  private final Function<String, Quote> fetch;

  public Aggregator(List<String> exchanges, Function<String, Quote> fetch) {
    this.exchanges = exchanges;
    this.fetch = fetch;
  }

  public double average() {
    Chan<Quote> quotes = Chan.make();
    for (String ex : exchanges) {
      Go.go(
          () -> {
            Quote q = fetch.apply(ex);
            // BUG(GoroutineLeak): after the first bad quote the parent returns; the remaining senders block forever
            quotes.send(q);
          });
    }
    double sum = 0;
    for (int i = 0; i < exchanges.size(); i++) {
      Quote q = quotes.receive();
      if (!q.ok()) {
        throw new IllegalStateException(q.exchange() + ": " + q.error());
      }
      sum += q.price();
    }
    return sum / exchanges.size();
  }

  public double averageSafe() {
    Chan<Quote> quotes = Chan.make(exchanges.size());
    for (String ex : exchanges) {
      // OK(GoroutineLeak): a slot for every exchange; early exit leaves no sender blocked
      Go.go(() -> quotes.send(fetch.apply(ex)));
    }
    double sum = 0;
    for (int i = 0; i < exchanges.size(); i++) {
      Quote q = quotes.receive();
      if (!q.ok()) {
        throw new IllegalStateException(q.exchange() + ": " + q.error());
      }
      sum += q.price();
    }
    return sum / exchanges.size();
  }
}
