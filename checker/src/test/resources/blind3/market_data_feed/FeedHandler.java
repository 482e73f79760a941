import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/** Applies market-data ticks from a socket reader's queue to a price book. */
class FeedHandler {
  record Tick(String symbol, long priceMicros, long seq) {}

  private final BlockingQueue<Tick> inbound = new LinkedBlockingQueue<>(100_000);
  private final Map<String, Tick> book = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  boolean offer(Tick t) {
    return inbound.offer(t);
  }

  Future<?> start(ExecutorService pool) {
    return pool.submit(() -> {
      // BUG(InterruptIgnoredInTaskLoop): the interrupt from cancel(true) is swallowed and the loop keeps going
      while (running) {
        try {
          Tick t = inbound.take();
          book.merge(t.symbol(), t, (a, b) -> b.seq() > a.seq() ? b : a);
        } catch (InterruptedException e) {
          System.err.println("feed interrupted, continuing");
        }
      }
    });
  }

  Future<?> startFixed(ExecutorService pool) {
    return pool.submit(() -> {
      // OK(InterruptIgnoredInTaskLoop): the interrupt ends the loop and the flag is restored
      while (running) {
        try {
          Tick t = inbound.take();
          book.merge(t.symbol(), t, (a, b) -> b.seq() > a.seq() ? b : a);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    });
  }

  void stop() {
    running = false;
  }

  Tick last(String symbol) {
    return book.get(symbol);
  }
}
