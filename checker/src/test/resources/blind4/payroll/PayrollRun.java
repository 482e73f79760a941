import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A monthly payroll run: computes every employee's net pay in parallel, then posts the batch. */
public class PayrollRun {
  public record Employee(String id, BigDecimal grossMonthly, int taxBand, boolean pension) {}
  public record Payslip(String employeeId, BigDecimal gross, BigDecimal tax, BigDecimal net) {}

  static Payslip compute(Employee e) {
    BigDecimal rate = switch (e.taxBand()) {
      case 0 -> BigDecimal.ZERO;
      case 1 -> new BigDecimal("0.20");
      case 2 -> new BigDecimal("0.40");
      default -> throw new IllegalArgumentException("unknown band " + e.taxBand());
    };
    BigDecimal tax = e.grossMonthly().multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal pension = e.pension() ? e.grossMonthly().multiply(new BigDecimal("0.05")) : BigDecimal.ZERO;
    return new Payslip(e.id(), e.grossMonthly(), tax, e.grossMonthly().subtract(tax).subtract(pension));
  }

  public Map<String, Payslip> runBroken(List<Employee> staff) throws InterruptedException {
    // BUG(ExecutorNotShutDown): a pool per run, never shut down: each monthly run leaves eight idle threads behind
    ExecutorService pool = Executors.newFixedThreadPool(8);
    Map<String, Payslip> slips = new ConcurrentHashMap<>();
    CountDownLatch done = new CountDownLatch(staff.size());
    for (Employee e : staff) {
      pool.execute(() -> {
        slips.put(e.id(), compute(e));
        // BUG(CountDownNotInFinally): an unknown tax band throws before the count-down and the await below hangs
        done.countDown();
      });
    }
    done.await();
    return slips;
  }

  public Map<String, Payslip> run(List<Employee> staff) throws InterruptedException {
    Map<String, Payslip> slips = new ConcurrentHashMap<>();
    // OK(ExecutorNotShutDown): try-with-resources closes the pool (Java 19+ ExecutorService is AutoCloseable)
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      CountDownLatch done = new CountDownLatch(staff.size());
      for (Employee e : staff) {
        pool.execute(() -> {
          try {
            slips.put(e.id(), compute(e));
          } finally {
            // OK(CountDownNotInFinally): counted down in finally
            done.countDown();
          }
        });
      }
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("payroll run did not finish");
      }
    }
    return slips;
  }

  /** Posting to the bank is sequential, on a single background thread shut down when done. */
  public void post(List<Payslip> slips, java.util.function.Consumer<Payslip> bank) throws InterruptedException {
    ExecutorService poster = Executors.newSingleThreadExecutor();
    try {
      slips.forEach(s -> poster.execute(() -> bank.accept(s)));
    } finally {
      // OK(ExecutorNotShutDown): shut down in finally
      poster.shutdown();
    }
    poster.awaitTermination(1, TimeUnit.HOURS);
  }
}
