import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.concurrent.atomic.AtomicLong;

/** Accepts connections from a queue until stop(); stop waits for in-flight handlers. */
public final class Server implements AutoCloseable {
  public record Conn(long id, String payload) {}

  private final Chan<Conn> incoming;
  private final WaitGroup handlers = new WaitGroup();
  private final AtomicLong served = new AtomicLong();
  // OK(LostCancel): the cancel func is kept by the owner and called in close()
  // OK(ContextInField): a CancelFunc field is the owner's power to cancel, not a stored context
  private final CancelFunc stop;

  public Server(Context parent, Chan<Conn> incoming) {
    this.incoming = incoming;
    CancelContext ctx = Context.withCancel(parent);
    this.stop = ctx.cancelFunc();
    handlers.go(() -> acceptLoop(ctx));
  }

  private void acceptLoop(Context ctx) {
    // OK(GoroutineLeak): the loop ends when ctx is cancelled or incoming is closed
    while (true) {
      Conn c = Select.<Conn>select().recv(incoming, x -> x).recv(ctx.done(), d -> null).run();
      if (c == null) {
        return;
      }
      handlers.go(() -> handle(ctx, c));
    }
  }

  private void handle(Context ctx, Conn c) {
    if (ctx.err() != null) {
      return;
    }
    served.incrementAndGet();
  }

  public long served() {
    return served.get();
  }

  @Override
  public void close() {
    stop.cancel();
    handlers.await();
  }
}
