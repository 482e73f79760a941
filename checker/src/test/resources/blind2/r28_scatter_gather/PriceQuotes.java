// Program: scatter-gather of price quotes with CompletableFuture and a per-quote timeout; executor owned and shut down. Correct.
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

final class PriceQuotes implements AutoCloseable {
  record Quote(String vendor, BigDecimal price) {}

  // OK(ExecutorNotShutDown): a field shut down in close()
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  Optional<Quote> best(List<Supplier<Quote>> vendors, Duration timeout) {
    List<CompletableFuture<Quote>> futures = vendors.stream()
        .map(v -> CompletableFuture.supplyAsync(v, pool)
            .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(e -> null))
        .toList();
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    return futures.stream()
        .map(CompletableFuture::join)
        .filter(q -> q != null)
        .min(Comparator.comparing(Quote::price));
  }

  static Optional<Quote> once(List<Supplier<Quote>> vendors) {
    // OK(ExecutorNotShutDown): shut down in finally
    ExecutorService local = Executors.newCachedThreadPool();
    try {
      return vendors.stream()
          .map(v -> CompletableFuture.supplyAsync(v, local))
          .map(CompletableFuture::join)
          .min(Comparator.comparing(Quote::price));
    } finally {
      local.shutdown();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
