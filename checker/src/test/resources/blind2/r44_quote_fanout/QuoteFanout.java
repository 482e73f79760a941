// Program: stock quote fan-out to subscribers; one forwarder per subscriber drops on a slow consumer, all closed when the source closes. Correct.
import dev.goconc.*;
import java.util.List;

final class QuoteFanout {
  record Quote(String symbol, double price) {}

  static void fanOut(RecvChan<Quote> source, List<Chan<Quote>> subscribers) {
    WaitGroup wg = new WaitGroup();
    List<Chan<Quote>> lanes = subscribers.stream().map(s -> Chan.<Quote>make(8)).toList();
    for (int i = 0; i < subscribers.size(); i++) {
      Chan<Quote> lane = lanes.get(i);
      Chan<Quote> sub = subscribers.get(i);
      wg.go(() -> {
        try {
          // OK(UnclosedChannel): the lanes are closed after the source loop below
          for (Quote q : lane) {
            sub.send(q);
          }
        } finally {
          // OK(ReceiverSideClose): this forwarder is the only sender on sub
          sub.close();
        }
      });
    }
    for (Quote q : source) {
      for (Chan<Quote> lane : lanes) {
        // OK(GoroutineLeak): trySend drops the quote for a slow subscriber instead of blocking
        lane.trySend(q);
      }
    }
    lanes.forEach(Chan::close);
    wg.await();
  }
}
