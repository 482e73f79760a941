import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Watches a price stream and fires user alerts when thresholds are crossed. */
class AlertService {
  record Quote(String symbol, BigDecimal price) {}

  record Alert(String userId, String symbol, BigDecimal above) {}

  private final Map<String, List<Alert>> bySymbol = new ConcurrentHashMap<>();

  void register(Alert a) {
    bySymbol.computeIfAbsent(a.symbol(), s -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(a);
  }

  /** Evaluates quotes until the feed ends, then stops the feed. */
  void evaluate(Chan<Quote> quotes, Consumer<Alert> fire) {
    for (Quote q : quotes) {
      for (Alert a : bySymbol.getOrDefault(q.symbol(), List.of())) {
        if (q.price().compareTo(a.above()) > 0) {
          fire.accept(a);
        }
      }
    }
    // BUG(ReceiverSideClose): the evaluator only receives quotes; closing the feed is the feed's job
    quotes.close();
  }

  void evaluateFixed(RecvChan<Quote> quotes, Consumer<Alert> fire) {
    for (Quote q : quotes) {
      for (Alert a : bySymbol.getOrDefault(q.symbol(), List.of())) {
        if (q.price().compareTo(a.above()) > 0) {
          fire.accept(a);
        }
      }
    }
  }

  /** Starts an evaluator goroutine that also shuts the feed when a kill-switch quote arrives. */
  void startWithKillSwitch(Chan<Quote> quotes, Consumer<Alert> fire) {
    Go.go(new Runnable() {
      @Override
      public void run() {
        for (Quote q : quotes) {
          if (q.symbol().equals("HALT")) {
            // BUG(ReceiverSideClose): this goroutine only ranges over quotes; its close makes the feed's next send throw
            quotes.close();
            return;
          }
          bySymbol.getOrDefault(q.symbol(), List.of()).stream()
              .filter(a -> q.price().compareTo(a.above()) > 0)
              .forEach(fire);
        }
      }
    });
  }

  static void replay(List<Quote> history, AlertService service, Consumer<Alert> fire) {
    Chan<Quote> quotes = Chan.make(history.size());
    Go.go(() -> {
      for (Quote q : history) {
        quotes.send(q);
      }
      // OK(ReceiverSideClose): the replaying goroutine is the sole sender
      quotes.close();
    });
    service.evaluateFixed(quotes, fire);
  }
}
