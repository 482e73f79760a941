import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Renews due subscriptions: charges each, with bounded parallelism and an overall deadline. */
final class BillingRun {
  record Subscription(String id, String customer, BigDecimal monthly, LocalDate renewsOn) {}

  enum ChargeResult { CHARGED, DECLINED, ERROR }

  interface PaymentApi {
    ChargeResult charge(String customer, BigDecimal amount);
  }

  private final PaymentApi api;

  BillingRun(PaymentApi api) {
    this.api = api;
  }

  List<ChargeResult> renew(List<Subscription> due) {
    // OK(ExecutorNotShutDown): closed by try-with-resources
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<CompletableFuture<ChargeResult>> futures = new ArrayList<>();
      for (Subscription s : due) {
        futures.add(CompletableFuture.supplyAsync(() -> api.charge(s.customer(), s.monthly()), pool)
            .completeOnTimeout(ChargeResult.ERROR, 30, TimeUnit.SECONDS)
            .exceptionally(t -> ChargeResult.ERROR));
      }
      return futures.stream().map(CompletableFuture::join).toList();
    }
  }

  int renewCounting(ExecutorService pool, List<Subscription> due) throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(due.size());
    AtomicInteger charged = new AtomicInteger();
    for (Subscription s : due) {
      pool.execute(() -> {
        try {
          if (api.charge(s.customer(), s.monthly()) == ChargeResult.CHARGED) {
            charged.incrementAndGet();
          }
        } finally {
          // OK(CountDownNotInFinally): in finally
          finished.countDown();
        }
      });
    }
    finished.await();
    return charged.get();
  }

  CompletableFuture<ChargeResult> renewOne(ExecutorService pool, Subscription s) {
    CompletableFuture<ChargeResult> f = new CompletableFuture<>();
    pool.execute(() -> {
      try {
        f.complete(s.monthly().signum() == 0 ? ChargeResult.CHARGED : api.charge(s.customer(), s.monthly()));
      } catch (Throwable t) {
        // OK(FutureNotCompletedOnAllPaths): every path completes it
        f.completeExceptionally(t);
      }
    });
    return f;
  }
}
