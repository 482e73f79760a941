import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Computes the sales tax of many invoices, at most `limit` calculations at a time. */
final class TaxBatch {
  record Invoice(String id, String jurisdiction, BigDecimal net) {}

  interface RateTable {
    BigDecimal rate(String jurisdiction);
  }

  static Map<String, BigDecimal> compute(List<Invoice> invoices, RateTable rates, int limit) {
    Map<String, BigDecimal> tax = new ConcurrentHashMap<>();
    Chan<Boolean> slots = Chan.make(limit);
    WaitGroup wg = new WaitGroup();
    for (Invoice inv : invoices) {
      // OK(GoroutineLeak): a counting semaphore: the send waits for a slot that a finishing goroutine frees
      slots.send(Boolean.TRUE);
      wg.add(1);
      Go.go(() -> {
        try {
          BigDecimal t = inv.net().multiply(rates.rate(inv.jurisdiction())).setScale(2, RoundingMode.HALF_EVEN);
          tax.put(inv.id(), t);
        } finally {
          slots.receive();
          // OK(WaitGroupDoneNotInFinally): in finally
          wg.done();
        }
      });
    }
    wg.await();
    return tax;
  }

  static BigDecimal total(Map<String, BigDecimal> tax) {
    return tax.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
