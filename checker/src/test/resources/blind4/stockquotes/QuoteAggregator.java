import dev.goconc.*;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Merges quote streams from several exchanges into a best-bid table. */
public class QuoteAggregator {
  public record Quote(String exchange, String symbol, BigDecimal bid) {}

  public interface Feed {
    String exchange();
    List<Quote> snapshot();
  }

  /** Reads every feed on its own goroutine into one channel. */
  static Map<String, Quote> bestBidsBroken(List<Feed> feeds) {
    Chan<Quote> merged = Chan.make(64);
    for (Feed feed : feeds) {
      Go.go(() -> {
        for (Quote q : feed.snapshot()) {
          merged.send(q);
        }
      });
    }
    Map<String, Quote> best = new HashMap<>();
    // BUG(UnclosedChannel): nobody closes merged after the feed goroutines finish: this loop never ends
    for (Quote q : merged) {
      best.merge(q.symbol(), q, (a, b) -> a.bid().compareTo(b.bid()) >= 0 ? a : b);
    }
    return best;
  }

  static Map<String, Quote> bestBids(List<Feed> feeds) {
    Chan<Quote> merged = Chan.make(64);
    WaitGroup wg = new WaitGroup();
    for (Feed feed : feeds) {
      wg.go(() -> feed.snapshot().forEach(merged::send));
    }
    Go.go(() -> {
      wg.await();
      merged.close();
    });
    Map<String, Quote> best = new HashMap<>();
    // OK(UnclosedChannel): the closer goroutine closes merged after wg.await()
    for (Quote q : merged) {
      best.merge(q.symbol(), q, QuoteAggregator::higher);
    }
    return best;
  }

  private static Quote higher(Quote a, Quote b) {
    return a.bid().compareTo(b.bid()) >= 0 ? a : b;
  }

  /** Polls until the context ends, publishing each refresh. */
  static void publishLoop(Context ctx, List<Feed> feeds, SendChan<Map<String, Quote>> out) {
    // OK(IgnoredCancellation): the loop selects on ctx.done() beside its send
    while (true) {
      Map<String, Quote> table = bestBids(feeds);
      boolean stop = Select.<Boolean>select()
          .send(out, table, () -> false)
          .recv(ctx.done(), d -> true)
          .run();
      if (stop) {
        return;
      }
    }
  }

  static void publishLoopBroken(Context ctx, List<Feed> feeds, SendChan<Map<String, Quote>> out) {
    for (int round = 0; ; round++) {
      Map<String, Quote> table = bestBids(feeds);
      // BUG(IgnoredCancellation): blocks on the send every round and never looks at ctx
      out.send(table);
      if (round % 100 == 99) {
        System.out.println("published " + round);
      }
    }
  }
}
