import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.RecvChan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** A water-meter billing run: readings in, tiered bills out. */
public final class MeterBilling {
  public record Reading(String account, long previousLitres, long currentLitres) {
    long used() {
      return Math.max(0, currentLitres - previousLitres);
    }
  }

  public record Bill(String account, BigDecimal amount) {}

  public enum Tier {
    LIFELINE(6_000, "0.00"), STANDARD(20_000, "1.85"), HIGH(Long.MAX_VALUE, "3.40");

    final long upToLitres;
    final BigDecimal perKilolitre;

    Tier(long upTo, String price) {
      this.upToLitres = upTo;
      this.perKilolitre = new BigDecimal(price);
    }
  }

  public List<Bill> run(Context parent, List<Reading> readings) {
    List<Bill> bills = new ArrayList<>();
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withCancel(parent)) {
      RecvChan<Reading> in = Pipes.emit(ctx, readings);
      RecvChan<Bill> out = Pipes.parallelMap(ctx, in, 4, MeterBilling::bill);
      for (Bill b : out) {
        bills.add(b);
      }
    }
    return bills;
  }

  static Bill bill(Reading r) {
    long left = r.used();
    long floor = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (Tier t : Tier.values()) {
      long inTier = Math.min(left, t.upToLitres - floor);
      total = total.add(t.perKilolitre.multiply(BigDecimal.valueOf(inTier)).divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP));
      left -= inTier;
      floor = t.upToLitres;
      if (left <= 0) {
        break;
      }
    }
    return new Bill(r.account(), total);
  }
}
