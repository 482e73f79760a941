import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Warms a set of caches in parallel and waits until all are ready. */
public final class Warmup {
  public interface Cache {
    String name();

    void load() throws Exception;
  }

  private final ExecutorService executor;

  public Warmup(ExecutorService executor) {
    this.executor = executor;
  }

  public boolean warm(List<Cache> caches, long timeoutSeconds) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(caches.size());
    for (Cache c : caches) {
      executor.execute(
          () -> {
            try {
              c.load();
            } catch (Exception e) {
              System.err.println("warmup of " + c.name() + " failed: " + e);
              return;
            }
            // BUG(CountDownNotInFinally): the failure path returns before counting down; await waits for the timeout on every failure
            ready.countDown();
          });
    }
    return ready.await(timeoutSeconds, TimeUnit.SECONDS);
  }
}
