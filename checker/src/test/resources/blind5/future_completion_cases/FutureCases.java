import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Cases in the style of Java tools' test data for futures that are never completed. */
class FutureCases {
  CompletableFuture<String> swallowed(Executor ex, Supplier<String> s) {
    // BUG(FutureNotCompletedOnAllPaths): the catch path logs and leaves it pending
    CompletableFuture<String> f = new CompletableFuture<>();
    ex.execute(() -> {
      try {
        f.complete(s.get());
      } catch (RuntimeException e) {
        System.err.println(e);
      }
    });
    return f;
  }

  CompletableFuture<Integer> earlyReturn(Executor ex, String input) {
    // BUG(FutureNotCompletedOnAllPaths): the blank-input return leaves it pending
    CompletableFuture<Integer> f = new CompletableFuture<>();
    ex.execute(() -> {
      if (input.isBlank()) {
        return;
      }
      f.complete(input.length());
    });
    return f;
  }

  CompletableFuture<String> bothPaths(Executor ex, Supplier<String> s) {
    // OK(FutureNotCompletedOnAllPaths): completed on success and on failure
    CompletableFuture<String> f = new CompletableFuture<>();
    ex.execute(() -> {
      try {
        f.complete(s.get());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return f;
  }

  CompletableFuture<Integer> earlyReturnCompleted(Executor ex, String input) {
    // OK(FutureNotCompletedOnAllPaths): the early return completes it first
    CompletableFuture<Integer> f = new CompletableFuture<>();
    ex.execute(() -> {
      if (input.isBlank()) {
        f.complete(0);
        return;
      }
      f.complete(input.length());
    });
    return f;
  }

  CompletableFuture<String> supplyAsync(Executor ex, Supplier<String> s) {
    // OK(FutureNotCompletedOnAllPaths): supplyAsync completes it, exceptions included
    return CompletableFuture.supplyAsync(s, ex);
  }
}
