import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Places an order: reserves stock and charges the card in parallel, then streams status events. */
public final class Orchestrator {
  public interface Inventory {
    void reserve(Context ctx, String sku, int qty) throws Exception;
  }

  public interface Payments {
    String charge(Context ctx, String card, long cents) throws Exception;
  }

  public record Order(String sku, int qty, String card, long cents) {}

  private final Inventory inventory;
  private final Payments payments;

  public Orchestrator(Inventory inventory, Payments payments) {
    this.inventory = inventory;
    this.payments = payments;
  }

  public String place(Context ctx, Order o) throws Throwable {
    // OK(LostCancel): try-with-resources
    try (CancelContext tctx = Context.withTimeout(ctx, Duration.ofSeconds(3))) {
      ErrGroup g = ErrGroup.withContext(tctx);
      String[] receipt = new String[1];
      g.go(() -> inventory.reserve(g.context(), o.sku(), o.qty()));
      g.go(() -> receipt[0] = payments.charge(g.context(), o.card(), o.cents()));
      Throwable err = g.await();
      if (err != null) {
        throw err;
      }
      return receipt[0];
    }
  }

  /** Status events until the order settles; the stream ends when ctx does. */
  public RecvChan<String> watch(Context ctx, String orderId) {
    Chan<String> events = Chan.make();
    Go.go(
        () -> {
          try {
            for (int i = 0; ; i++) {
              String ev = orderId + " status " + i;
              // OK(GoroutineLeak): the send is in a select with ctx.done()
              boolean sent =
                  Select.<Boolean>select()
                      .send(events, ev, () -> true)
                      .recv(ctx.done(), d -> false)
                      .run();
              if (!sent || i == 5) {
                return;
              }
              Select.<Void>select().recv(Time.after(Duration.ofMillis(50)), t -> null).recv(ctx.done(), d -> null).run();
            }
          } finally {
            events.close();
          }
        });
    return events;
  }

  public static List<String> collect(Context ctx, RecvChan<String> events) {
    List<String> out = new ArrayList<>();
    // OK(UnclosedChannel): the producer closes events in finally
    for (String e : events) {
      out.add(e);
    }
    return out;
  }
}
