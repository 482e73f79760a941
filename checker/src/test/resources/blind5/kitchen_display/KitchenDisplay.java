import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A restaurant kitchen display: the pass sends tickets, stations bump them. */
public class KitchenDisplay {
  public enum Station { GRILL, FRY, SALAD, PASTRY }

  public sealed interface Ticket permits Dish, EndOfService {}

  public record Dish(int table, String name, Station station) implements Ticket {}

  public record EndOfService() implements Ticket {}

  private final Deque<String> screen = new ArrayDeque<>();

  /** The screen: shows tickets until end of service, then shuts the rail. */
  void showTickets(Chan<Ticket> rail) {
    for (Ticket t : rail) {
      if (t instanceof EndOfService) {
        // BUG(ReceiverSideClose): the screen only receives; the pass may still send the late dessert
        rail.close();
        break;
      }
      if (t instanceof Dish d) {
        synchronized (screen) {
          screen.addLast("T" + d.table() + " " + d.name() + " [" + d.station() + "]");
        }
      }
    }
  }

  /** The pass: sends the service's dishes, then the end marker, then the late orders. */
  void runService(List<Dish> dishes, List<Dish> lateDesserts) {
    Chan<Ticket> rail = Chan.make(8);
    WaitGroup wg = new WaitGroup();
    wg.go(() -> showTickets(rail));
    for (Dish d : dishes) {
      rail.send(d);
    }
    rail.send(new EndOfService());
    rail.close();
    for (Dish late : lateDesserts) {
      // BUG(SendOnClosedChannel): the rail was closed two lines up
      rail.send(late);
    }
    wg.await();
  }

  /** The corrected pass: late orders go before the close, the screen never closes. */
  void runServiceFixed(List<Dish> dishes, List<Dish> lateDesserts) {
    Chan<Ticket> rail = Chan.make(8);
    WaitGroup wg = new WaitGroup();
    wg.go(() -> {
      for (Ticket t : rail) {
        switch (t) {
          case Dish d -> {
            synchronized (screen) {
              screen.addLast("T" + d.table() + " " + d.name());
            }
          }
          case EndOfService e -> {
            synchronized (screen) {
              screen.addLast("-- end of service --");
            }
          }
        }
      }
    });
    dishes.forEach(rail::send);
    lateDesserts.forEach(rail::send);
    rail.send(new EndOfService());
    // OK(SendOnClosedChannel): the last operation on the rail, after every send
    rail.close();
    wg.await();
  }

  /** Bumps the oldest ticket off the screen. */
  Station bump() {
    synchronized (screen) {
      String top = screen.pollFirst();
      if (top == null) {
        return null;
      }
      return top.contains("GRILL") ? Station.GRILL : top.contains("FRY") ? Station.FRY : top.contains("SALAD") ? Station.SALAD : Station.PASTRY;
    }
  }

  public static void main(String[] args) {
    KitchenDisplay k = new KitchenDisplay();
    k.runServiceFixed(List.of(new Dish(4, "ribeye", Station.GRILL)), List.of());
    Go.go(k::bump);
  }
}
