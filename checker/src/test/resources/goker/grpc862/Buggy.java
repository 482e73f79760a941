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
 * grpc#862 (GoKer: blocking, Channel & Context). {@code dialContext} starts the connection's
 * transport goroutine, which retries until the connection's context is cancelled. When the dial
 * gives no connection back, nobody will ever close the client connection, whose {@code close()}
 * is the only thing that cancels that context: the goroutine retries forever.
 */
final class Grpc862 {
  static final class ClientConn {
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
        // BUG (GoKer): nothing cancels the connection's context: this retries forever
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
    CancelContext ccCtx = Context.withCancel(Context.background());
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
    // BUG (GoKer): no connection is returned, and cc, the goroutine's owner, is never closed
    return conn;
  }

  static void testGrpc862() {
    CancelContext ctx = Context.withCancel(Context.background());
    Go.go(() -> dialContext(ctx));
    Go.go(ctx::cancel);
  }
}
