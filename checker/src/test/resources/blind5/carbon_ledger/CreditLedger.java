import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/** A carbon-credit ledger: retirements are verified by the registry before they are booked. */
public class CreditLedger {
  public record Retirement(String serial, String owner, BigDecimal tonnes) {}

  public record Verification(String serial, boolean valid, String registryRef) {}

  public interface Registry {
    Verification verify(Retirement r);
  }

  private final ExecutorService io;
  private final Registry registry;
  private final Map<String, BigDecimal> retiredByOwner = new ConcurrentHashMap<>();

  public CreditLedger(ExecutorService io, Registry registry) {
    this.io = io;
    this.registry = registry;
  }

  /** Books a retirement if the registry confirms it within a second. */
  public Optional<Verification> retire(Retirement r) throws InterruptedException {
    BlockingQueue<Verification> handoff = new SynchronousQueue<>();
    io.execute(() -> {
      Verification v = registry.verify(r);
      try {
        // BUG(QueueHandoffLeak): after the poll times out nobody takes, and this put blocks the pool thread forever
        handoff.put(v);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Verification v = handoff.poll(1, TimeUnit.SECONDS);
    if (v == null || !v.valid()) {
      return Optional.empty();
    }
    retiredByOwner.merge(r.owner(), r.tonnes(), BigDecimal::add);
    return Optional.of(v);
  }

  /** The fixed handoff: a one-slot queue and a non-blocking offer. */
  public Optional<Verification> retireFixed(Retirement r) throws InterruptedException {
    BlockingQueue<Verification> handoff = new ArrayBlockingQueue<>(1);
    io.execute(() -> {
      // OK(QueueHandoffLeak): one slot for the one result, and offer never blocks
      handoff.offer(registry.verify(r));
    });
    Verification v = handoff.poll(1, TimeUnit.SECONDS);
    if (v == null || !v.valid()) {
      return Optional.empty();
    }
    retiredByOwner.merge(r.owner(), r.tonnes(), BigDecimal::add);
    return Optional.of(v);
  }

  public BigDecimal retiredBy(String owner) {
    return retiredByOwner.getOrDefault(owner, BigDecimal.ZERO);
  }
}
