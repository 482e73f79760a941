import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A power-grid operator's load balancer: reads substations' loads and sheds load where needed. */
public class LoadBalancer implements AutoCloseable {
  public record Substation(String id, double capacityMw) {}

  public interface Scada {
    double loadMw(String substation);
    void shed(String substation, double mw);
  }

  private final Scada scada;
  private final List<Substation> substations;
  private final Map<String, Double> loads = new ConcurrentHashMap<>();
  private final ReentrantLock dispatch = new ReentrantLock();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService readers = Executors.newFixedThreadPool(4);

  public LoadBalancer(Scada scada, List<Substation> substations) {
    this.scada = scada;
    this.substations = List.copyOf(substations);
  }

  /** Reads every substation, holding the dispatch lock so no shedding runs on stale data. */
  public void sampleBroken() throws InterruptedException {
    CountDownLatch read = new CountDownLatch(substations.size());
    dispatch.lock();
    try {
      for (Substation s : substations) {
        readers.execute(() -> {
          dispatch.lock();
          try {
            loads.put(s.id(), scada.loadMw(s.id()));
          } finally {
            dispatch.unlock();
            read.countDown();
          }
        });
      }
      // BUG(LatchAwaitHoldingLock): the readers need dispatch to record a load; this thread holds it while it waits
      read.await();
    } finally {
      dispatch.unlock();
    }
  }

  public void sample() throws InterruptedException {
    CountDownLatch read = new CountDownLatch(substations.size());
    for (Substation s : substations) {
      readers.execute(() -> {
        try {
          loads.put(s.id(), scada.loadMw(s.id()));
        } finally {
          read.countDown();
        }
      });
    }
    read.await();
    dispatch.lock();
    try {
      shedOverloads();
    } finally {
      dispatch.unlock();
    }
  }

  void shedOverloads() {
    for (Substation s : substations) {
      double over = loads.getOrDefault(s.id(), 0.0) - s.capacityMw();
      if (over > 0) {
        scada.shed(s.id(), over);
      }
    }
  }

  /** Emergency mode: sample every 2 s for the next minute, on a scheduler made for it. */
  public void emergencyBroken() {
    // BUG(ExecutorNotShutDown): a scheduler made per call and never shut down
    ScheduledExecutorService fast = Executors.newSingleThreadScheduledExecutor();
    // BUG(PeriodicTaskNeverCancelled): the 2 s sampling is never cancelled nor its scheduler shut down: emergency mode never ends
    fast.scheduleAtFixedRate(this::sampleQuietly, 0, 2, TimeUnit.SECONDS);
  }

  public void emergency() {
    ScheduledFuture<?> sampling = timer.scheduleAtFixedRate(this::sampleQuietly, 0, 2, TimeUnit.SECONDS);
    // OK(PeriodicTaskNeverCancelled): a one-shot task cancels the periodic one after a minute
    timer.schedule(() -> sampling.cancel(false), 1, TimeUnit.MINUTES);
  }

  private void sampleQuietly() {
    try {
      sample();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    // OK(ExecutorNotShutDown): both field executors are shut down by close()
    timer.shutdownNow();
    readers.shutdownNow();
  }
}
