import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Computes and submits a month's payroll to the payments provider under one deadline. */
class PayrollRun {
  record Employee(String id, BigDecimal gross, String iban) {}

  record Payslip(String employeeId, BigDecimal net) {}

  static final class ProviderDown extends Exception {
    ProviderDown(String msg) {
      super(msg);
    }
  }

  interface Provider {
    void submit(Context ctx, List<Payslip> slips) throws ProviderDown;
  }

  private final Provider provider;

  PayrollRun(Provider provider) {
    this.provider = provider;
  }

  static BigDecimal net(BigDecimal gross) {
    return gross.multiply(new BigDecimal("0.72"));
  }

  boolean run(Context parent, List<Employee> staff) {
    // BUG(LostCancel): the catch path returns without cancelling
    CancelContext ctx = Context.withTimeout(parent, Duration.ofMinutes(5));
    List<Payslip> slips = new ArrayList<>();
    for (Employee e : staff) {
      slips.add(new Payslip(e.id(), net(e.gross())));
    }
    try {
      provider.submit(ctx, slips);
    } catch (ProviderDown down) {
      System.err.println("payroll deferred: " + down.getMessage());
      return false;
    }
    ctx.cancel();
    return true;
  }

  boolean runFixed(Context parent, List<Employee> staff) {
    // OK(LostCancel): cancelled in finally
    CancelContext ctx = Context.withTimeout(parent, Duration.ofMinutes(5));
    try {
      List<Payslip> slips = staff.stream().map(e -> new Payslip(e.id(), net(e.gross()))).toList();
      provider.submit(ctx, slips);
      return true;
    } catch (ProviderDown down) {
      System.err.println("payroll deferred: " + down.getMessage());
      return false;
    } finally {
      ctx.cancel();
    }
  }

  void runOrDie(Context parent, List<Employee> staff) {
    // OK(LostCancel): the only path that skips cancel() ends in a throw
    CancelContext ctx = Context.withTimeout(parent, Duration.ofMinutes(5));
    try {
      provider.submit(ctx, staff.stream().map(e -> new Payslip(e.id(), net(e.gross()))).toList());
    } catch (ProviderDown down) {
      throw new IllegalStateException("payroll failed", down);
    }
    ctx.cancel();
  }
}
