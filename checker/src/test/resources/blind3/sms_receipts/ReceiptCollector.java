import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.RecvChan;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/** Tallies SMS delivery receipts pulled from the carrier's receipt API. */
final class ReceiptCollector {
  enum State { DELIVERED, FAILED, EXPIRED, UNKNOWN }

  record Receipt(String messageId, State state) {}

  static RecvChan<Receipt> pull(Iterator<Receipt> api) {
    Chan<Receipt> out = Chan.make(32);
    Go.go(() -> {
      try {
        api.forEachRemaining(out::send);
      } finally {
        // OK(UnclosedChannel): the only sender closes in finally
        out.close();
      }
    });
    return out;
  }

  static Map<State, Integer> tally(Iterator<Receipt> api) {
    Map<State, Integer> counts = new EnumMap<>(State.class);
    RecvChan<Receipt> receipts = pull(api);
    // OK(UnclosedChannel): receiveOk until !ok on a channel its sender closes in finally
    while (true) {
      Received<Receipt> r = receipts.receiveOk();
      if (!r.ok()) {
        break;
      }
      counts.merge(r.value().state(), 1, Integer::sum);
    }
    return counts;
  }
}
