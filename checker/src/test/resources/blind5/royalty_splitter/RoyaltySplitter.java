import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A music-rights royalty splitter: each track's revenue split among its rights holders. */
public final class RoyaltySplitter {
  public record Share(String holder, BigDecimal fraction) {}

  public record Track(String isrc, BigDecimal revenue, List<Share> shares) {}

  private final Map<String, BigDecimal> ledger = new ConcurrentHashMap<>();

  /** Splits a statement on a pool sized for the machine; the pool ends with the call. */
  public Map<String, BigDecimal> split(List<Track> statement) throws InterruptedException {
    // OK(ExecutorNotShutDown): try-with-resources closes (shuts down and awaits) the pool
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      CountDownLatch remaining = new CountDownLatch(statement.size());
      for (Track t : statement) {
        pool.execute(() -> {
          try {
            credit(t);
          } finally {
            // OK(CountDownNotInFinally): counted down in finally
            remaining.countDown();
          }
        });
      }
      remaining.await();
    }
    return Map.copyOf(ledger);
  }

  /** Same split with futures; a holder lookup may be slow, and we bound it. */
  public BigDecimal totalFor(String holder, List<Track> statement) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    try {
      List<CompletableFuture<BigDecimal>> parts = statement.stream()
          .map(t -> CompletableFuture.supplyAsync(() -> shareOf(holder, t), pool))
          .toList();
      return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
          .thenApply(v -> parts.stream().map(CompletableFuture::join).reduce(BigDecimal.ZERO, BigDecimal::add))
          .get();
    } finally {
      // OK(ExecutorNotShutDown): shut down in finally
      pool.shutdown();
    }
  }

  /** Asks the collecting society for an advance, giving up after a second. */
  public BigDecimal advance(ExecutorService io, String holder) throws InterruptedException {
    Future<BigDecimal> f = io.submit(() -> lookupAdvance(holder));
    try {
      // OK(TimedGetWithoutCancel): the timeout path cancels the lookup
      return f.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return BigDecimal.ZERO;
    } catch (ExecutionException e) {
      return BigDecimal.ZERO;
    }
  }

  private void credit(Track t) {
    for (Share s : t.shares()) {
      ledger.merge(s.holder(), t.revenue().multiply(s.fraction()).setScale(2, RoundingMode.HALF_EVEN), BigDecimal::add);
    }
  }

  private static BigDecimal shareOf(String holder, Track t) {
    return t.shares().stream()
        .filter(s -> s.holder().equals(holder))
        .map(s -> t.revenue().multiply(s.fraction()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal lookupAdvance(String holder) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(holder.length() * 10L);
    return BigDecimal.TEN;
  }
}
