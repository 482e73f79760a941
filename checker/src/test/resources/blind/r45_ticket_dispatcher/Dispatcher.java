import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.util.ArrayList;
import java.util.List;

/** Routes support tickets from two intake channels to agents. */
final class Dispatcher {
  record Ticket(String id, boolean urgent) {}

  private final RecvChan<Ticket> email;
  private final RecvChan<Ticket> chat;

  Dispatcher(RecvChan<Ticket> email, RecvChan<Ticket> chat) {
    this.email = email;
    this.chat = chat;
  }

  /** Takes exactly n tickets. */
  List<Ticket> take(Context ctx, int n) {
    List<Ticket> got = new ArrayList<>();
    // BUG(IgnoredCancellation): the loop blocks on both intakes but never watches ctx.done(): a cancelled request keeps waiting
    while (got.size() < n) {
      Ticket t = Select.<Ticket>select().recv(email, x -> x).recv(chat, x -> x).run();
      if (t != null) {
        got.add(t);
      }
    }
    return got;
  }

  /** The same with cancellation. */
  List<Ticket> takeOrCancel(Context ctx, int n) {
    List<Ticket> got = new ArrayList<>();
    // OK(IgnoredCancellation): the select has a ctx.done() case
    while (got.size() < n) {
      Ticket t =
          Select.<Ticket>select().recv(email, x -> x).recv(chat, x -> x).recv(ctx.done(), d -> null).run();
      if (t == null) {
        break;
      }
      got.add(t);
    }
    return got;
  }

  static Dispatcher demo() {
    Chan<Ticket> e = Chan.make(4);
    Chan<Ticket> c = Chan.make(4);
    Go.go(() -> e.send(new Ticket("e1", false)));
    Go.go(() -> c.send(new Ticket("c1", true)));
    return new Dispatcher(e, c);
  }
}
