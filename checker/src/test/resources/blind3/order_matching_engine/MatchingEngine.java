import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.SendChan;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** A single-instrument limit order book fed by several gateways. */
class MatchingEngine {
  enum Side { BUY, SELL }

  record Order(long id, Side side, long price, long qty) {}

  record Trade(long buyId, long sellId, long price, long qty) {}

  private final PriorityQueue<Order> bids =
      new PriorityQueue<>(Comparator.comparingLong(Order::price).reversed());
  private final PriorityQueue<Order> asks = new PriorityQueue<>(Comparator.comparingLong(Order::price));

  /** Consumes orders until the gateways are done. */
  List<Trade> match(Chan<Order> orders) {
    List<Trade> trades = new ArrayList<>();
    for (Order o : orders) {
      trades.addAll(book(o));
    }
    // BUG(ReceiverSideClose): the matcher only receives from orders; closing it here races the gateways' sends
    orders.close();
    return trades;
  }

  List<Trade> matchFixed(RecvChan<Order> orders) {
    List<Trade> trades = new ArrayList<>();
    for (Order o : orders) {
      trades.addAll(book(o));
    }
    return trades;
  }

  static List<Trade> session(MatchingEngine engine, List<List<Order>> gateways) {
    Chan<Order> orders = Chan.make(64);
    WaitGroup wg = new WaitGroup();
    for (List<Order> g : gateways) {
      wg.go(() -> feed(orders.sendOnly(), g));
    }
    Go.go(() -> {
      wg.await();
      // OK(ReceiverSideClose): the owner closes once every gateway (the senders) has finished
      orders.close();
    });
    return engine.matchFixed(orders);
  }

  private static void feed(SendChan<Order> out, List<Order> orders) {
    for (Order o : orders) {
      out.send(o);
    }
  }

  private List<Trade> book(Order o) {
    List<Trade> trades = new ArrayList<>();
    long left = o.qty();
    PriorityQueue<Order> other = o.side() == Side.BUY ? asks : bids;
    while (left > 0 && !other.isEmpty()) {
      Order top = other.peek();
      boolean crosses = o.side() == Side.BUY ? top.price() <= o.price() : top.price() >= o.price();
      if (!crosses) {
        break;
      }
      other.poll();
      long q = Math.min(left, top.qty());
      trades.add(o.side() == Side.BUY
          ? new Trade(o.id(), top.id(), top.price(), q)
          : new Trade(top.id(), o.id(), top.price(), q));
      left -= q;
      if (top.qty() > q) {
        other.add(new Order(top.id(), top.side(), top.price(), top.qty() - q));
      }
    }
    if (left > 0) {
      (o.side() == Side.BUY ? bids : asks).add(new Order(o.id(), o.side(), o.price(), left));
    }
    return trades;
  }
}
