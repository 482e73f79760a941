import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/** Asks a slow pricing engine for a quote; falls back to a cached price after 200 ms. */
public class QuoteService {
  public interface Engine {
    double price(String symbol);
  }

  private final ExecutorService executor;
  private final Engine engine;
  private final java.util.Map<String, Double> cache = new java.util.concurrent.ConcurrentHashMap<>();

  public QuoteService(ExecutorService executor, Engine engine) {
    this.executor = executor;
    this.engine = engine;
  }

  public double quote(String symbol) throws InterruptedException {
    SynchronousQueue<Double> answer = new SynchronousQueue<>();
    executor.execute(
        () -> {
          double p = engine.price(symbol);
          cache.put(symbol, p);
          try {
            // BUG(QueueHandoffLeak): after the caller's poll times out nobody takes from the queue; put blocks this pool thread forever
            answer.put(p);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    Double p = answer.poll(200, TimeUnit.MILLISECONDS);
    return p != null ? p : cache.getOrDefault(symbol, Double.NaN);
  }
}
