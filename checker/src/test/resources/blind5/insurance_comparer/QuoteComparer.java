import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An insurance quote comparer: asks each insurer's API, shows the quotes that came in time. */
public class QuoteComparer {
  public record Applicant(String name, int age, String postcode, int claimsLastFiveYears) {}

  public record Quote(String insurer, BigDecimal annualPremium) {}

  public interface Insurer {
    String name();

    Quote quote(Applicant a) throws Exception;
  }

  private final ExecutorService io;
  private final List<Insurer> insurers;

  public QuoteComparer(ExecutorService io, List<Insurer> insurers) {
    this.io = io;
    this.insurers = insurers;
  }

  /** Waits two seconds per insurer; a slow insurer's request keeps running after we give up. */
  public List<Quote> compare(Applicant a) throws InterruptedException {
    List<Quote> quotes = new ArrayList<>();
    for (Insurer ins : insurers) {
      Future<Quote> f = io.submit(() -> ins.quote(a));
      try {
        // BUG(TimedGetWithoutCancel): on timeout the request is abandoned but never cancelled
        quotes.add(f.get(2, TimeUnit.SECONDS));
      } catch (TimeoutException | ExecutionException e) {
        System.err.println(ins.name() + " skipped: " + e);
      }
    }
    return quotes;
  }

  /** Same comparison; a timed-out request is cancelled. */
  public List<Quote> compareFixed(Applicant a) throws InterruptedException {
    List<Quote> quotes = new ArrayList<>();
    for (Insurer ins : insurers) {
      Future<Quote> f = io.submit(() -> ins.quote(a));
      try {
        // OK(TimedGetWithoutCancel): cancelled in finally if it has not finished
        quotes.add(f.get(2, TimeUnit.SECONDS));
      } catch (TimeoutException | ExecutionException e) {
        System.err.println(ins.name() + " skipped: " + e);
      } finally {
        f.cancel(true);
      }
    }
    return quotes;
  }

  /** A bridge from the callback-style broker API. */
  public CompletableFuture<Quote> brokerQuote(Insurer broker, Applicant a) {
    // BUG(FutureNotCompletedOnAllPaths): the declined and the failed paths leave it pending forever
    CompletableFuture<Quote> result = new CompletableFuture<>();
    io.execute(() -> {
      try {
        Quote q = broker.quote(a);
        if (q.annualPremium().signum() > 0) {
          result.complete(q);
        }
      } catch (Exception e) {
        System.err.println("broker failed: " + e.getMessage());
      }
    });
    return result;
  }

  /** The bridge completing on every path. */
  public CompletableFuture<Optional<Quote>> brokerQuoteFixed(Insurer broker, Applicant a) {
    // OK(FutureNotCompletedOnAllPaths): completed normally, empty, or exceptionally on every path
    CompletableFuture<Optional<Quote>> result = new CompletableFuture<>();
    io.execute(() -> {
      try {
        Quote q = broker.quote(a);
        result.complete(q.annualPremium().signum() > 0 ? Optional.of(q) : Optional.empty());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }
}
