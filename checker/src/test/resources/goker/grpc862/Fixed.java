import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * grpc#862, fixed as upstream: a dial that gives no connection back closes the client connection
 * it made, which cancels the transport goroutine's context. The contexts grpc keeps in its
 * connections, and the connection's detachment from the dial's context, are deliberate: the twin
 * says so the way goconc's rule pages ask (a suppression, {@code Context.withoutCancel}).
 */
final class Grpc862 {
  static final class ClientConn {
    // The connection's lifetime context: grpc keeps it in the connection, on purpose.
    @SuppressWarnings("ContextInField")
    Context ctx;
    CancelFunc cancel;
    List<AddrConn> conns = new ArrayList<>();

    void close() {
      cancel.cancel();
      List<AddrConn> toTearDown = conns;
      conns = null;
      for (AddrConn ac : toTearDown) {
        ac.tearDown();
      }
    }

    void resetAddrConn() {
      AddrConn ac = new AddrConn(this);
      conns.add(ac);
      CancelContext acCtx = Context.withCancel(ctx);
      ac.ctx = acCtx;
      ac.cancel = acCtx.cancelFunc();
      ac.resetTransport();
    }
  }

  static final class AddrConn {
    final ClientConn cc;
    // The address connection's lifetime context, kept on purpose as above.
    @SuppressWarnings("ContextInField")
    Context ctx;
    CancelFunc cancel;

    AddrConn(ClientConn cc) {
      this.cc = cc;
    }

    void resetTransport() {
      for (int retries = 1; ; retries++) {
        Duration sleepTime = Duration.ofNanos(2L * retries);
        Duration timeout = Duration.ofNanos(10);
        CancelContext connectCtx = Context.withTimeout(ctx, timeout);
        Instant connectTime = Instant.now();
        connectCtx.cancel();
        boolean done = Select.<Boolean>select()
            .recv(Time.after(sleepTime.minus(Duration.between(connectTime, Instant.now()))), t -> false)
            .recv(ctx.done(), v -> true)
            .run();
        if (done) {
          return;
        }
      }
    }

    void tearDown() {
      cancel.cancel();
    }
  }

  static ClientConn dialContext(Context ctx) {
    ClientConn cc = new ClientConn();
    // The connection outlives the dial: detached from the dial's context on purpose.
    CancelContext ccCtx = Context.withCancel(Context.withoutCancel(ctx));
    cc.ctx = ccCtx;
    cc.cancel = ccCtx.cancelFunc();
    ClientConn conn = null;
    Go.go(cc::resetAddrConn);
    boolean cancelled = Select.<Boolean>select()
        .recv(ctx.done(), v -> true)
        .otherwise(() -> false)
        .run();
    if (cancelled) {
      if (conn != null) {
        conn.close();
      }
      conn = null;
    }
    if (conn == null) {
      // FIX (GoKer): close what the failed dial made
      cc.close();
    }
    return conn;
  }

  static void testGrpc862() {
    CancelContext ctx = Context.withCancel(Context.background());
    Go.go(() -> dialContext(ctx));
    Go.go(ctx::cancel);
  }
}
