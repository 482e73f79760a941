import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Fetches a price with a time budget; on timeout returns the last known price. */
public final class PriceFeed {
  public interface Exchange {
    double fetch(String symbol) throws Exception;
  }

  private final ExecutorService io;
  private final Exchange exchange;
  private volatile double lastKnown = Double.NaN;

  public PriceFeed(ExecutorService io, Exchange exchange) {
    this.io = io;
    this.exchange = exchange;
  }

  public double price(String symbol) throws InterruptedException {
    Future<Double> f = io.submit(() -> exchange.fetch(symbol));
    try {
      double p = f.get(300, TimeUnit.MILLISECONDS);
      lastKnown = p;
      return p;
    } catch (TimeoutException e) {
      // BUG(TimedGetWithoutCancel): the timed-out fetch keeps running and holding an io thread; the future is never cancelled
      return lastKnown;
    } catch (ExecutionException e) {
      throw new IllegalStateException("fetch failed for " + symbol, e.getCause());
    }
  }
}
