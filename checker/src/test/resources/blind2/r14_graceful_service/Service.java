// Program: graceful shutdown of a multi-stage service (accept -> handle -> respond) under one ErrGroup; correct.
import dev.goconc.*;
import java.time.Duration;
import java.util.function.Function;

final class Service {
  record Request(int id, String body) {}
  record Response(int id, String body) {}

  private final RecvChan<Request> incoming;
  private final Function<Request, Response> handler;
  private final SendChan<Response> outgoing;

  Service(RecvChan<Request> incoming, Function<Request, Response> handler, SendChan<Response> outgoing) {
    this.incoming = incoming;
    this.handler = handler;
    this.outgoing = outgoing;
  }

  Throwable serve(Context parent) {
    ErrGroup g = ErrGroup.withContext(parent);
    Context ctx = g.context();
    Chan<Response> handled = Chan.make(16);
    WaitGroup handlers = new WaitGroup();
    for (int i = 0; i < 4; i++) {
      handlers.go(() -> {
        // OK(IgnoredCancellation): each blocking step selects on ctx.done()
        while (true) {
          Request r = Select.<Request>select().recv(incoming, x -> x).recv(ctx.done(), d -> null).run();
          if (r == null) {
            return;
          }
          Response resp = handler.apply(r);
          boolean ok = Select.<Boolean>select().send(handled, resp, () -> true).recv(ctx.done(), d -> false).run();
          if (!ok) {
            return;
          }
        }
      });
    }
    g.go(() -> {
      handlers.await();
      // OK(ReceiverSideClose): the handlers are the senders and all of them are done
      handled.close();
    });
    g.go(() -> {
      for (Response r : handled) {
        outgoing.send(r);
      }
    });
    return g.await();
  }

  static Throwable runFor(Service s, Duration d) {
    // OK(LostCancel): closed by try-with-resources
    try (CancelContext ctx = Context.withTimeout(Context.background(), d)) {
      return s.serve(ctx);
    }
  }
}
