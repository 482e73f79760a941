import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A mortgage amortization batch: schedules for a loan book, a nightly rate refresh. */
public final class AmortizationService implements AutoCloseable {
  public record Loan(String id, BigDecimal principal, BigDecimal annualRate, int months) {}

  public record Installment(int month, BigDecimal interest, BigDecimal principal, BigDecimal balance) {}

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService workers = Executors.newWorkStealingPool(4);
  private volatile BigDecimal baseRate = new BigDecimal("0.035");
  // OK(PeriodicTaskNeverCancelled): cancelled in close()
  private final ScheduledFuture<?> rateRefresh;

  public AmortizationService() {
    rateRefresh = timer.scheduleAtFixedRate(this::refreshRate, 1, 24, TimeUnit.HOURS);
  }

  private void refreshRate() {
    baseRate = baseRate.add(new BigDecimal("0.0001"));
  }

  /** Schedules for the whole book; one bad loan does not stall the batch. */
  public List<List<Installment>> runBook(List<Loan> book) throws InterruptedException {
    List<List<Installment>> out = new ArrayList<>();
    for (int i = 0; i < book.size(); i++) {
      out.add(List.of());
    }
    CountDownLatch done = new CountDownLatch(book.size());
    for (int i = 0; i < book.size(); i++) {
      int idx = i;
      workers.execute(() -> {
        try {
          List<Installment> s = schedule(book.get(idx));
          synchronized (out) {
            out.set(idx, s);
          }
        } finally {
          // OK(CountDownNotInFinally): finally
          done.countDown();
        }
      });
    }
    done.await();
    return out;
  }

  /** One loan, asynchronously; the future fails if the loan is invalid. */
  public CompletableFuture<List<Installment>> scheduleAsync(Loan loan) {
    CompletableFuture<List<Installment>> f = new CompletableFuture<>();
    workers.execute(() -> {
      try {
        // OK(FutureNotCompletedOnAllPaths): both outcomes complete it
        f.complete(schedule(loan));
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return f;
  }

  static List<Installment> schedule(Loan loan) {
    if (loan.months() <= 0) {
      throw new IllegalArgumentException("loan " + loan.id() + " has no term");
    }
    MathContext mc = MathContext.DECIMAL64;
    BigDecimal r = loan.annualRate().divide(BigDecimal.valueOf(12), mc);
    BigDecimal pow = BigDecimal.ONE.add(r).pow(loan.months(), mc);
    BigDecimal payment = loan.principal().multiply(r).multiply(pow).divide(pow.subtract(BigDecimal.ONE), mc);
    List<Installment> out = new ArrayList<>();
    BigDecimal balance = loan.principal();
    for (int m = 1; m <= loan.months(); m++) {
      BigDecimal interest = balance.multiply(r, mc);
      BigDecimal princ = payment.subtract(interest);
      balance = balance.subtract(princ);
      out.add(new Installment(m, interest.setScale(2, RoundingMode.HALF_EVEN), princ.setScale(2, RoundingMode.HALF_EVEN), balance.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN)));
    }
    return out;
  }

  @Override
  public void close() {
    rateRefresh.cancel(false);
    timer.shutdown();
    // OK(ExecutorNotShutDown): both pools end with the service
    workers.shutdown();
  }
}
