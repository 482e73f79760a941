// Program: small cases of executors created locally and never shut down, and the ways ownership ends correctly.
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

final class ExecutorLifecycle {
  static int sumAll(List<Callable<Integer>> tasks) throws Exception {
    // BUG(ExecutorNotShutDown): never shut down; the pool's threads keep the JVM alive
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int s = 0;
    for (Future<Integer> f : pool.invokeAll(tasks)) {
      s += f.get();
    }
    return s;
  }

  static void fireAndForget(Runnable r) {
    // BUG(ExecutorNotShutDown): a single-thread executor per call, never shut down
    Executors.newSingleThreadExecutor().execute(r);
  }

  static ExecutorService make() {
    // OK(ExecutorNotShutDown): returned to the caller
    ExecutorService pool = Executors.newCachedThreadPool();
    return pool;
  }

  static int sumAllFixed(List<Callable<Integer>> tasks) throws Exception {
    // OK(ExecutorNotShutDown): shut down in finally
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int s = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        s += f.get();
      }
      return s;
    } finally {
      pool.shutdownNow();
    }
  }
}
