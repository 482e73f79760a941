import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Archives tide-gauge readings: a collector thread queues readings, a writer batches them to disk. */
public class TideArchiver implements AutoCloseable {
  public record Reading(String gauge, Instant at, double levelM) {}

  public interface Gauge {
    String id();
    double level();
  }

  public interface Store {
    void append(List<Reading> batch);
  }

  private static final Reading POISON = new Reading("", Instant.EPOCH, 0);

  private final BlockingQueue<Reading> queue = new ArrayBlockingQueue<>(1024);
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final CountDownLatch writerDone = new CountDownLatch(1);
  private final ScheduledFuture<?> sampling;

  public TideArchiver(List<Gauge> gauges, Store store) {
    // OK(PeriodicTaskNeverCancelled): kept in a field and cancelled by close(), which also shuts the scheduler down
    this.sampling = sampler.scheduleAtFixedRate(() -> {
      for (Gauge g : gauges) {
        queue.offer(new Reading(g.id(), Instant.now(), g.level()));
      }
    }, 0, 6, TimeUnit.MINUTES);
    writer.execute(() -> {
      try {
        List<Reading> batch = new ArrayList<>();
        while (true) {
          Reading r = queue.poll(1, TimeUnit.MINUTES);
          if (r == POISON) {
            break;
          }
          if (r != null) {
            batch.add(r);
          }
          if (batch.size() >= 100 || (r == null && !batch.isEmpty())) {
            store.append(List.copyOf(batch));
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          store.append(batch);
        }
      } catch (InterruptedException e) {
        // OK(InterruptIgnoredInTaskLoop): the loop is left and the flag restored
        Thread.currentThread().interrupt();
      } finally {
        // OK(CountDownNotInFinally): counted down in finally
        writerDone.countDown();
      }
    });
  }

  @Override
  public void close() throws InterruptedException {
    sampling.cancel(false);
    sampler.shutdown();
    queue.put(POISON);
    writerDone.await(1, TimeUnit.MINUTES);
    // OK(ExecutorNotShutDown): both executors are fields shut down here
    writer.shutdown();
  }
}
