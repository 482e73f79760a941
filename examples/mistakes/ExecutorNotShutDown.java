package mistakes;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A thread pool lives until it is shut down. A method that makes one and returns without
 * {@code shutdown()} leaves its worker threads idle for the life of the process; they are
 * non-daemon, so the program cannot even exit, and every call of the method adds more. Shutting
 * it down in {@code finally} (or, since JDK 19, closing it with try-with-resources, which also
 * waits for its tasks) releases the threads on every path — the plain-Java counterpart of Go's
 * {@code defer}.
 *
 * @goanalyzer None (Go's goroutines need no pool); go vet's lostcancel idea, that every path
 *     releases what it made, applied to pools
 */
public final class ExecutorNotShutDown {
  private ExecutorNotShutDown() {}

  /** A new pool per call, never shut down: four more idle threads after every call. */
  static final class Mistake {
    static int totalLength(List<String> words) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(4); // goconc: expect ExecutorNotShutDown
      int total = 0;
      for (String word : words) {
        Future<Integer> length = pool.submit(word::length);
        total += length.get();
      }
      return total;
    }
  }

  /** {@code shutdown()} in {@code finally}: the threads end on every path out of the method. */
  static final class Fix {
    static int totalLength(List<String> words) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        int total = 0;
        for (String word : words) {
          Future<Integer> length = pool.submit(word::length);
          total += length.get();
        }
        return total;
      } finally {
        pool.shutdown();
      }
    }
  }
}
