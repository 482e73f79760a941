import dev.goconc.Chan;
import dev.goconc.WaitGroup;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Downloads queued URIs on a few workers; close() is supposed to wait for them to finish. */
public class DownloadManager implements AutoCloseable {
  private final Chan<URI> queue = Chan.make(64);
  private final WaitGroup workers = new WaitGroup();
  private final Map<URI, Long> sizes = new ConcurrentHashMap<>();

  public DownloadManager(int n) {
    for (int i = 0; i < n; i++) {
      workers.go(this::work);
    }
  }

  private void work() {
    // BUG(UnclosedChannel): no method ever closes queue, so the workers' loops never end and close() hangs
    for (URI u : queue) {
      sizes.put(u, (long) u.toString().length() * 100);
    }
  }

  public void enqueue(URI u) {
    queue.send(u);
  }

  public Map<URI, Long> sizes() {
    return Map.copyOf(sizes);
  }

  @Override
  public void close() {
    workers.await();
  }
}
