// Program: telemetry exporter on a ScheduledExecutorService; periodic export kept and cancelled, flush latch counted down in finally. Correct.
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

final class Exporter implements AutoCloseable {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ConcurrentLinkedQueue<String> spans = new ConcurrentLinkedQueue<>();
  private final Consumer<List<String>> backend;
  private ScheduledFuture<?> periodic;

  Exporter(Consumer<List<String>> backend) {
    this.backend = backend;
  }

  void start() {
    // OK(PeriodicTaskNeverCancelled): the future is kept and cancelled in close()
    periodic = scheduler.scheduleAtFixedRate(this::export, 5, 5, TimeUnit.SECONDS);
  }

  void record(String span) {
    spans.add(span);
  }

  private void export() {
    List<String> batch = new java.util.ArrayList<>();
    for (String s; (s = spans.poll()) != null; ) {
      batch.add(s);
    }
    if (!batch.isEmpty()) {
      backend.accept(batch);
    }
  }

  boolean flush(long millis) throws InterruptedException {
    CountDownLatch flushed = new CountDownLatch(1);
    scheduler.execute(() -> {
      try {
        export();
      } finally {
        // OK(CountDownNotInFinally): in finally
        flushed.countDown();
      }
    });
    return flushed.await(millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (periodic != null) {
      periodic.cancel(false);
    }
    // OK(ExecutorNotShutDown): shut down when the exporter closes
    scheduler.shutdown();
  }
}
