import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reconciles the bank's statement against the internal ledger, streaming both sides. */
final class Reconciler {
  record Entry(String txId, BigDecimal amount) {}

  record Mismatch(String txId, BigDecimal ours, BigDecimal theirs) {}

  interface Source {
    List<Entry> page(Context ctx, int page);
  }

  private static Throwable pump(Context ctx, Source source, Chan<Entry> out) {
    try {
      for (int page = 0; ; page++) {
        List<Entry> entries = source.page(ctx, page);
        if (entries.isEmpty()) {
          return null;
        }
        for (Entry e : entries) {
          boolean sent = Select.<Boolean>select()
              .send(out, e, () -> true)
              .recv(ctx.done(), x -> false)
              .run();
          if (!sent) {
            return ctx.err();
          }
        }
      }
    } finally {
      // OK(UnclosedChannel): the pump is out's only sender and closes it on every way out
      out.close();
    }
  }

  static List<Mismatch> reconcile(Context parent, Source ledger, Source bank) {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withCancel(parent)) {
      ErrGroup g = ErrGroup.withContext(ctx);
      Chan<Entry> ours = Chan.make(128);
      Chan<Entry> theirs = Chan.make(128);
      g.go(() -> {
        Throwable t = pump(g.context(), ledger, ours);
        if (t != null) {
          throw new IllegalStateException(t);
        }
      });
      g.go(() -> {
        Throwable t = pump(g.context(), bank, theirs);
        if (t != null) {
          throw new IllegalStateException(t);
        }
      });
      Map<String, BigDecimal> pending = new HashMap<>();
      drain(ours, pending, true);
      List<Mismatch> mismatches = new java.util.ArrayList<>();
      for (Entry e : theirs) {
        BigDecimal mine = pending.remove(e.txId());
        if (mine == null || mine.compareTo(e.amount()) != 0) {
          mismatches.add(new Mismatch(e.txId(), mine, e.amount()));
        }
      }
      pending.forEach((id, amt) -> mismatches.add(new Mismatch(id, amt, null)));
      Throwable err = g.await();
      if (err != null) {
        throw new IllegalStateException("reconciliation aborted", err);
      }
      return mismatches;
    }
  }

  private static void drain(RecvChan<Entry> in, Map<String, BigDecimal> into, boolean ours) {
    for (Entry e : in) {
      into.merge(e.txId(), e.amount(), BigDecimal::add);
    }
  }
}
