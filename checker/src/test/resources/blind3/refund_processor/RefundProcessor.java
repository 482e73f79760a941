import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Issues refunds for a cancelled order, one goroutine per original charge. */
class RefundProcessor {
  record Charge(String id, BigDecimal amount) {}

  record Refund(String chargeId, String refundId) {}

  interface Gateway {
    String refund(Context ctx, Charge c);
  }

  private final Gateway gateway;

  RefundProcessor(Gateway gateway) {
    this.gateway = gateway;
  }

  List<Refund> refundAll(Context ctx, List<Charge> charges) {
    Chan<Refund> done = Chan.make();
    WaitGroup wg = new WaitGroup();
    // BUG(IgnoredCancellation): the launch loop blocks in wg.await() and never looks at ctx
    for (Charge c : charges) {
      wg.add(1);
      Go.go(() -> {
        try {
          // BUG(GoroutineLeak): nobody receives while the loop waits, and after it only tryReceive runs: this send can block for ever
          done.send(new Refund(c.id(), gateway.refund(ctx, c)));
        } finally {
          wg.done();
        }
      });
      // BUG(WaitGroupAwaitInLaunchLoop): waits inside the launch loop; the goroutine's send is only received after the loop, so this never returns
      wg.await();
    }
    List<Refund> out = new ArrayList<>();
    for (var r = done.tryReceive(); r.isPresent(); r = done.tryReceive()) {
      out.add(r.get().value());
    }
    return out;
  }

  List<Refund> refundAllFixed(Context ctx, List<Charge> charges) {
    Chan<Refund> done = Chan.make(charges.size());
    WaitGroup wg = new WaitGroup();
    for (Charge c : charges) {
      wg.add(1);
      Go.go(() -> {
        try {
          done.send(new Refund(c.id(), gateway.refund(ctx, c)));
        } finally {
          wg.done();
        }
      });
    }
    // OK(WaitGroupAwaitInLaunchLoop): awaited once, after the launch loop
    wg.await();
    List<Refund> out = new ArrayList<>();
    for (var r = done.tryReceive(); r.isPresent(); r = done.tryReceive()) {
      out.add(r.get().value());
    }
    return out;
  }
}
