import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Accrues and redeems loyalty points; balance lookups go to a remote ledger. */
class PointsLedger {
  record Purchase(String memberId, long cents, String tier) {}

  interface RemoteLedger {
    long balance(String memberId) throws Exception;
  }

  private final Executor io;
  private final RemoteLedger remote;
  private final Map<String, Long> cache = new ConcurrentHashMap<>();

  PointsLedger(Executor io, RemoteLedger remote) {
    this.io = io;
    this.remote = remote;
  }

  static long points(Purchase p) {
    return switch (p.tier()) {
      case "GOLD" -> p.cents() / 50;
      case "SILVER" -> p.cents() / 75;
      default -> p.cents() / 100;
    };
  }

  CompletableFuture<Long> balance(String memberId) {
    CompletableFuture<Long> result = new CompletableFuture<>();
    io.execute(() -> {
      Long cached = cache.get(memberId);
      if (cached != null) {
        result.complete(cached);
        return;
      }
      try {
        long b = remote.balance(memberId);
        cache.put(memberId, b);
        result.complete(b);
      } catch (Exception e) {
        // BUG(FutureNotCompletedOnAllPaths): the failure is logged but the future is never completed; callers wait for ever
        System.err.println("balance lookup failed for " + memberId + ": " + e);
      }
    });
    return result;
  }

  CompletableFuture<Long> balanceFixed(String memberId) {
    CompletableFuture<Long> result = new CompletableFuture<>();
    io.execute(() -> {
      Long cached = cache.get(memberId);
      if (cached != null) {
        result.complete(cached);
        return;
      }
      try {
        long b = remote.balance(memberId);
        cache.put(memberId, b);
        result.complete(b);
      } catch (Exception e) {
        // OK(FutureNotCompletedOnAllPaths): completed exceptionally on the failure path
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  long balanceOrZero(String memberId) throws InterruptedException, ExecutionException {
    CompletableFuture<Long> f = balanceFixed(memberId);
    try {
      return f.get(300, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // BUG(TimedGetWithoutCancel): the slow lookup is abandoned but never cancelled
      return 0L;
    }
  }

  Map<String, Long> recompute(Iterable<Purchase> purchases) throws InterruptedException {
    // BUG(ExecutorNotShutDown): the pool is neither shut down nor closed
    ExecutorService pool = Executors.newWorkStealingPool();
    Map<String, Long> totals = new ConcurrentHashMap<>();
    for (Purchase p : purchases) {
      pool.execute(() -> totals.merge(p.memberId(), points(p), Long::sum));
    }
    pool.awaitTermination(10, TimeUnit.SECONDS);
    return totals;
  }

  Map<String, Long> recomputeFixed(Iterable<Purchase> purchases) throws InterruptedException {
    ExecutorService pool = Executors.newWorkStealingPool();
    try {
      Map<String, Long> totals = new ConcurrentHashMap<>();
      for (Purchase p : purchases) {
        pool.execute(() -> totals.merge(p.memberId(), points(p), Long::sum));
      }
      return totals;
    } finally {
      // OK(ExecutorNotShutDown): shut down in finally, then waited for
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
