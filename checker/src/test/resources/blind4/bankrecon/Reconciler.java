import dev.goconc.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reconciles a bank statement with the ledger: loads both sides concurrently, then matches. */
public class Reconciler {
  public record Txn(String ref, BigDecimal amount, String date) {}
  public record Report(List<Txn> unmatchedBank, List<Txn> unmatchedLedger, List<String> amountMismatches) {}

  public interface Source {
    List<Txn> load(Context ctx) throws Exception;
  }

  public Report reconcile(Context ctx, Source bank, Source ledger) {
    List<Txn> bankSide = new ArrayList<>();
    List<Txn> ledgerSide = new ArrayList<>();
    ErrGroup g = ErrGroup.withContext(ctx);
    g.go(() -> bankSide.addAll(bank.load(g.context())));
    g.go(() -> ledgerSide.addAll(ledger.load(g.context())));
    Throwable err = g.await();
    if (err != null) {
      throw new IllegalStateException("could not load both sides", err);
    }
    return match(bankSide, ledgerSide);
  }

  static Report match(List<Txn> bank, List<Txn> ledger) {
    Map<String, Txn> byRef = new HashMap<>();
    ledger.forEach(t -> byRef.put(t.ref(), t));
    List<Txn> onlyBank = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    for (Txn b : bank) {
      Txn l = byRef.remove(b.ref());
      if (l == null) {
        onlyBank.add(b);
      } else if (b.amount().compareTo(l.amount()) != 0) {
        mismatches.add(b.ref() + ": bank " + b.amount() + " vs ledger " + l.amount());
      }
    }
    return new Report(onlyBank, new ArrayList<>(byRef.values()), mismatches);
  }

  /** Streams statement lines through a checksum stage; the stage closes its output when done. */
  public static RecvChan<Txn> verified(Context ctx, RecvChan<Txn> lines) {
    Chan<Txn> out = Chan.make();
    Go.go(() -> {
      try {
        // OK(IgnoredCancellation): a for-each over a channel ends when it closes; the send also watches ctx
        for (Txn t : lines) {
          if (Objects.requireNonNull(t.amount()).scale() > 2) {
            continue;
          }
          boolean stop = Select.<Boolean>select().send(out, t, () -> false).recv(ctx.done(), d -> true).run();
          if (stop) {
            return;
          }
        }
      } finally {
        // OK(UnclosedChannel): the single sender closes out in finally
        out.close();
      }
    });
    return out;
  }

  public static BigDecimal total(RecvChan<Txn> verified) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Txn t : verified) {
      sum = sum.add(t.amount());
    }
    return sum;
  }
}
