import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.TreeMap;

/** One goroutine owns the book; callers talk to it through commands carrying a reply channel. */
public final class OrderBook {
  sealed interface Command permits Place, Best {}

  record Place(boolean buy, long price, long qty, Chan<Long> reply) implements Command {}

  record Best(boolean buy, Chan<Long> reply) implements Command {}

  private final Chan<Command> commands = Chan.make();

  public static OrderBook start(Context ctx) {
    OrderBook b = new OrderBook();
    Go.go(() -> b.loop(ctx));
    return b;
  }

  private void loop(Context ctx) {
    TreeMap<Long, Long> bids = new TreeMap<>();
    TreeMap<Long, Long> asks = new TreeMap<>();
    while (true) {
      Command c = Select.<Command>select().recv(commands, x -> x).recv(ctx.done(), d -> null).run();
      if (c == null) {
        return;
      }
      switch (c) {
        case Place p -> {
          (p.buy() ? bids : asks).merge(p.price(), p.qty(), Long::sum);
          // OK(GoroutineLeak): the reply channel has one slot for the one reply
          p.reply().send(p.qty());
        }
        case Best b -> {
          var side = b.buy() ? bids : asks;
          Long best = side.isEmpty() ? -1L : (b.buy() ? side.lastKey() : side.firstKey());
          b.reply().send(best);
        }
      }
    }
  }

  public Long place(Context ctx, boolean buy, long price, long qty) {
    Chan<Long> reply = Chan.make(1);
    return call(ctx, new Place(buy, price, qty, reply), reply);
  }

  public Long best(Context ctx, boolean buy) {
    Chan<Long> reply = Chan.make(1);
    return call(ctx, new Best(buy, reply), reply);
  }

  private Long call(Context ctx, Command c, Chan<Long> reply) {
    boolean sent = Select.<Boolean>select().send(commands, c, () -> true).recv(ctx.done(), d -> false).run();
    if (!sent) {
      return null;
    }
    return Select.<Long>select().recv(reply, v -> v).recv(ctx.done(), d -> null).run();
  }
}
