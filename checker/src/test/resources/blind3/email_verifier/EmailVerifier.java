import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Verifies sign-up e-mail addresses (syntax, MX record, mailbox probe) in bulk. */
class EmailVerifier {
  enum Verdict { VALID, INVALID, UNKNOWN }

  record Checked(String address, Verdict verdict) {}

  interface Probe {
    Verdict check(Context ctx, String address);
  }

  private final Probe probe;

  EmailVerifier(Probe probe) {
    this.probe = probe;
  }

  List<Checked> verifyAll(Context ctx, List<String> addresses) {
    Chan<Checked> results = Chan.make(addresses.size());
    Queue<String> errors = new ConcurrentLinkedQueue<>();
    WaitGroup wg = new WaitGroup();
    for (String a : addresses) {
      wg.go(() -> {
        try {
          results.send(new Checked(a, probe.check(ctx, a)));
        } catch (RuntimeException e) {
          errors.add(a);
        }
      });
    }
    Go.go(() -> {
      wg.await();
      if (errors.isEmpty()) {
        results.close();
      }
    });
    List<Checked> out = new ArrayList<>();
    // BUG(UnclosedChannel): when any probe failed, the closer skips close() and this loop waits for ever
    for (Checked c : results) {
      out.add(c);
    }
    return out;
  }

  List<Checked> verifyAllFixed(Context ctx, List<String> addresses) {
    Chan<Checked> results = Chan.make(addresses.size());
    WaitGroup wg = new WaitGroup();
    for (String a : addresses) {
      wg.go(() -> {
        Verdict v;
        try {
          v = probe.check(ctx, a);
        } catch (RuntimeException e) {
          v = Verdict.UNKNOWN;
        }
        results.send(new Checked(a, v));
      });
    }
    Go.go(() -> {
      wg.await();
      results.close();
    });
    List<Checked> out = new ArrayList<>();
    // OK(UnclosedChannel): the closer closes unconditionally after await
    for (Checked c : results) {
      out.add(c);
    }
    return out;
  }

  Verdict quick(Context ctx, String address) {
    Chan<Verdict> v = Chan.make();
    Go.go(() -> {
      Verdict got = probe.check(ctx, address);
      // BUG(GoroutineLeak): the caller's select may take ctx.done() and leave; this send then blocks for ever
      v.send(got);
    });
    return Select.<Verdict>select().recv(v, x -> x).recv(ctx.done(), x -> Verdict.UNKNOWN).run();
  }
}
