import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Batches CDN purge requests and flushes them to the edge API every few seconds. */
public class CdnPurger implements AutoCloseable {
  public interface EdgeApi {
    void purge(List<String> paths);
  }

  private final ScheduledExecutorService scheduler;
  private final EdgeApi edge;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private ScheduledFuture<?> flusher;

  /** The scheduler is shared with the rest of the edge agent, so this class must not shut it down. */
  public CdnPurger(ScheduledExecutorService scheduler, EdgeApi edge) {
    this.scheduler = scheduler;
    this.edge = edge;
  }

  public void start() {
    // OK(PeriodicTaskNeverCancelled): the future is kept and cancelled by close()
    flusher = scheduler.scheduleWithFixedDelay(this::flush, 5, 5, TimeUnit.SECONDS);
  }

  public void request(String path) {
    pending.add(path);
  }

  void flush() {
    List<String> batch = new ArrayList<>(pending);
    if (batch.isEmpty()) {
      return;
    }
    pending.removeAll(batch);
    edge.purge(batch);
  }

  @Override
  public void close() {
    if (flusher != null) {
      flusher.cancel(false);
    }
    flush();
  }

  /** A per-tenant purger added later: its periodic stats report is never cancelled. */
  public static final class TenantPurger implements AutoCloseable {
    private final CdnPurger inner;
    private final String tenant;
    private int purged;

    public TenantPurger(ScheduledExecutorService shared, EdgeApi edge, String tenant) {
      this.tenant = tenant;
      this.inner = new CdnPurger(shared, paths -> {
        purged += paths.size();
        edge.purge(paths);
      });
      inner.start();
      // BUG(PeriodicTaskNeverCancelled): the report keeps running on the shared scheduler after close(): its future is dropped
      shared.scheduleAtFixedRate(() -> System.out.println(tenant + " purged " + purged), 1, 1, TimeUnit.MINUTES);
    }

    public void request(String path) {
      inner.request("/" + tenant + path);
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
