// Program: job scheduler on a ScheduledExecutorService; a periodic heartbeat never cancelled, a local executor never shut down, and a correct twin.
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

final class JobScheduler {
  // BUG(ExecutorNotShutDown): no method ever shuts this scheduler down; its thread outlives the object
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong beats = new AtomicLong();
  private ScheduledFuture<?> cleanup;

  void start() {
    // BUG(PeriodicTaskNeverCancelled): the heartbeat's future is dropped and stop() never shuts the scheduler down
    timer.scheduleAtFixedRate(beats::incrementAndGet, 0, 1, TimeUnit.SECONDS);
    // OK(PeriodicTaskNeverCancelled): kept and cancelled in stop()
    cleanup = timer.scheduleWithFixedDelay(() -> {}, 1, 1, TimeUnit.MINUTES);
  }

  void stop() {
    cleanup.cancel(false);
  }

  static long runBatch(List<Runnable> jobs) throws Exception {
    // BUG(ExecutorNotShutDown): the pool is neither shut down nor returned; its threads outlive the batch
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long done = 0;
    for (Runnable j : jobs) {
      Future<?> f = pool.submit(j);
      f.get();
      done++;
    }
    return done;
  }

  static long runBatchFixed(List<Runnable> jobs) throws Exception {
    // OK(ExecutorNotShutDown): try-with-resources closes the executor (Java 19+)
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      jobs.forEach(pool::submit);
    }
    return jobs.size();
  }
}
