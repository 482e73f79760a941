import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks several carriers for a shipping rate and returns the cheapest that answered in time. */
public class RateQuoter implements AutoCloseable {
  public record Parcel(String fromZip, String toZip, int grams) {}
  public record Rate(String carrier, BigDecimal price, int days) {}

  public interface Carrier {
    String name();
    Rate quote(Parcel p) throws Exception;
  }

  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final List<Carrier> carriers;

  public RateQuoter(List<Carrier> carriers) {
    this.carriers = List.copyOf(carriers);
  }

  public Optional<Rate> cheapestBroken(Parcel p) throws InterruptedException {
    List<Rate> rates = new ArrayList<>();
    for (Carrier c : carriers) {
      Future<Rate> f = pool.submit(() -> c.quote(p));
      try {
        rates.add(f.get(2, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        System.err.println(c.name() + " failed: " + e.getCause());
      } catch (TimeoutException e) {
        // BUG(TimedGetWithoutCancel): a slow carrier's request keeps a pool thread after we stopped waiting
        System.err.println(c.name() + " too slow");
      }
    }
    return rates.stream().min(Comparator.comparing(Rate::price));
  }

  public Optional<Rate> cheapest(Parcel p) throws InterruptedException {
    List<Future<Rate>> pending = new ArrayList<>();
    for (Carrier c : carriers) {
      pending.add(pool.submit(() -> c.quote(p)));
    }
    List<Rate> rates = new ArrayList<>();
    for (Future<Rate> f : pending) {
      try {
        rates.add(f.get(2, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        continue;
      } catch (TimeoutException e) {
        // OK(TimedGetWithoutCancel): the slow request is cancelled
        f.cancel(true);
      }
    }
    return rates.stream().min(Comparator.comparing(Rate::price));
  }

  /** Adapts a callback-style carrier SDK to a future. */
  public CompletableFuture<Rate> viaSdkBroken(Carrier c, Parcel p) {
    CompletableFuture<Rate> result = new CompletableFuture<>();
    pool.execute(() -> {
      try {
        Rate r = c.quote(p);
        result.complete(r);
      } catch (Exception e) {
        // BUG(FutureNotCompletedOnAllPaths): a failing quote leaves the future pending forever
        System.err.println("quote failed: " + e);
      }
    });
    return result;
  }

  public CompletableFuture<Rate> viaSdk(Carrier c, Parcel p) {
    CompletableFuture<Rate> result = new CompletableFuture<>();
    pool.execute(() -> {
      try {
        result.complete(c.quote(p));
      } catch (Exception e) {
        // OK(FutureNotCompletedOnAllPaths): the failure completes the future exceptionally
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  @Override
  public void close() {
    // OK(ExecutorNotShutDown): the pool is a field shut down by close()
    pool.shutdown();
  }
}
