package mistakes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@code CompletableFuture} made with {@code new} completes only when some code calls {@code
 * complete} or {@code completeExceptionally} on it. A task that completes it after a call that can
 * throw leaves it pending forever when the call throws: the exception ends the task, nobody sees
 * it, and every caller of {@code join()} or {@code get()}, and every stage chained on the future,
 * waits forever. Completing it exceptionally when the task fails (or letting {@code
 * CompletableFuture.supplyAsync} make the future, which does so itself) hands the failure to the
 * waiters instead.
 *
 * @goanalyzer None (Go has no futures); the same hang in Go is a result channel that its sender
 *     leaves unsent on an error path, GoroutineLeak's and UnclosedChannel's domain
 */
public final class FutureNotCompletedOnAllPaths {
  private FutureNotCompletedOnAllPaths() {}

  /** {@code fetch} throws on an empty key, and {@code result} never completes. */
  static final class Mistake {
    static CompletableFuture<String> lookup(Executor executor, String key) {
      CompletableFuture<String> result = new CompletableFuture<>(); // goconc: expect FutureNotCompletedOnAllPaths
      executor.execute(() -> {
        String value = fetch(key);
        result.complete(value);
      });
      return result;
    }
  }

  /**
   * A failure completes the future exceptionally, so {@code join()} throws instead of hanging
   * ({@code CompletableFuture.supplyAsync(() -> fetch(key), executor)} does the same in one line).
   */
  static final class Fix {
    static CompletableFuture<String> lookup(Executor executor, String key) {
      CompletableFuture<String> result = new CompletableFuture<>();
      executor.execute(() -> {
        try {
          String value = fetch(key);
          result.complete(value);
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      });
      return result;
    }
  }

  static String fetch(String key) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("empty key");
    }
    return key.toUpperCase();
  }
}
