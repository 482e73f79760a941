import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/** Asks a pricing engine for an insurance quote, giving up after a deadline. */
class QuoteService {
  record Applicant(String id, int age, String postcode) {}

  interface Engine {
    BigDecimal price(Applicant a);
  }

  private final ExecutorService pool;
  private final Engine engine;

  QuoteService(ExecutorService pool, Engine engine) {
    this.pool = pool;
    this.engine = engine;
  }

  Optional<BigDecimal> quote(Applicant a, long millis) throws InterruptedException {
    BlockingQueue<BigDecimal> handoff = new SynchronousQueue<>();
    pool.execute(() -> {
      try {
        // BUG(QueueHandoffLeak): put() on a SynchronousQueue waits for a taker; after a timed-out poll there is none
        handoff.put(engine.price(a));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return Optional.ofNullable(handoff.poll(millis, TimeUnit.MILLISECONDS));
  }

  Optional<BigDecimal> quoteFixed(Applicant a, long millis) throws InterruptedException {
    BlockingQueue<BigDecimal> handoff = new ArrayBlockingQueue<>(1);
    pool.execute(() -> {
      try {
        // OK(QueueHandoffLeak): one slot for the one result: put never waits
        handoff.put(engine.price(a));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return Optional.ofNullable(handoff.poll(millis, TimeUnit.MILLISECONDS));
  }
}
