import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Cases in the style of Java tools' test data for executors that are never shut down. */
class ExecutorCases {
  private final ExecutorService shared = Executors.newCachedThreadPool();

  int neverShutDown(List<Callable<Integer>> tasks) throws InterruptedException, ExecutionException {
    // BUG(ExecutorNotShutDown): a local pool that is never shut down
    ExecutorService pool = Executors.newFixedThreadPool(4);
    int sum = 0;
    for (Future<Integer> f : pool.invokeAll(tasks)) {
      sum += f.get();
    }
    return sum;
  }

  void shutDownOnlyWhenBusy(List<Runnable> jobs) {
    // BUG(ExecutorNotShutDown): the empty-list return skips the shutdown
    ExecutorService pool = Executors.newSingleThreadExecutor();
    if (jobs.isEmpty()) {
      return;
    }
    jobs.forEach(pool::execute);
    pool.shutdown();
  }

  void scheduledNeverShutDown(Runnable ping) {
    // BUG(ExecutorNotShutDown): the scheduler's thread keeps the JVM alive
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
    s.schedule(ping, 5, TimeUnit.SECONDS);
  }

  int tryWithResources(List<Callable<Integer>> tasks) throws InterruptedException, ExecutionException {
    // OK(ExecutorNotShutDown): try-with-resources closes it
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      int sum = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        sum += f.get();
      }
      return sum;
    }
  }

  void finallyShutdown(List<Runnable> jobs) throws InterruptedException {
    // OK(ExecutorNotShutDown): shut down in finally
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      jobs.forEach(pool::execute);
    } finally {
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  ExecutorService returned() {
    // OK(ExecutorNotShutDown): returned: the caller owns it
    ExecutorService pool = Executors.newFixedThreadPool(2);
    return pool;
  }

  void usesShared(Runnable r) {
    // OK(ExecutorNotShutDown): the shared field pool is shut down by close()
    shared.execute(r);
  }

  void close() {
    shared.shutdownNow();
  }
}
