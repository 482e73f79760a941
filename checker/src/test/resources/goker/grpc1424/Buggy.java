import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.util.ArrayList;
import java.util.List;

/**
 * grpc#1424 (GoKer: blocking, Channel). {@code dialContext} starts a goroutine that starts the
 * balancer watcher and waits for it to signal, through {@code doneChan}, that it has finished.
 * The watcher returns when the balancer's address channel is closed, but never closes
 * {@code doneChan}: the waiting goroutine blocks forever.
 */
final class Grpc1424 {
  interface Balancer {
    RecvChan<Boolean> notifications();
  }

  static final class RoundRobin implements Balancer {
    final Chan<Boolean> addrCh = Chan.make();

    @Override
    public RecvChan<Boolean> notifications() {
      return addrCh;
    }
  }

  static final class AddrConn {
    synchronized void tearDown() {}
  }

  static final class ClientConn {
    final Balancer balancer;
    final List<AddrConn> conns = new ArrayList<>();

    ClientConn(Balancer balancer) {
      this.balancer = balancer;
    }

    void lbWatcher(Chan<Boolean> doneChan) {
      for (boolean addr : balancer.notifications()) {
        List<AddrConn> del = new ArrayList<>(conns);
        for (AddrConn c : del) {
          c.tearDown();
        }
      }
    }
  }

  static void dialContext() {
    ClientConn cc = new ClientConn(new RoundRobin());
    Chan<Exception> waitC = Chan.make(1);
    Go.go(() -> {
      try {
        RecvChan<Boolean> ch = cc.balancer.notifications();
        if (ch != null) {
          Chan<Boolean> doneChan = Chan.make();
          Go.go(() -> cc.lbWatcher(doneChan));
          // BUG (GoKer): lbWatcher returns without closing doneChan: this waits forever
          doneChan.receive();
        }
      } finally {
        waitC.close();
      }
    });
    ((RoundRobin) cc.balancer).addrCh.close();
  }

  static void testGrpc1424() {
    Go.go(Grpc1424::dialContext);
  }
}
