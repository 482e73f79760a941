// Program: small cases of CompletableFutures completed on some paths only.
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

final class FuturePaths {
  static CompletableFuture<String> earlyReturn(Executor ex, String s) {
    // BUG(FutureNotCompletedOnAllPaths): the empty-input path returns without completing
    CompletableFuture<String> f = new CompletableFuture<>();
    ex.execute(() -> {
      if (s.isEmpty()) {
        return;
      }
      f.complete(s.trim());
    });
    return f;
  }

  static CompletableFuture<String> everyPath(Executor ex, String s) {
    // OK(FutureNotCompletedOnAllPaths): both branches complete it
    CompletableFuture<String> f = new CompletableFuture<>();
    ex.execute(() -> {
      if (s.isEmpty()) {
        f.completeExceptionally(new IllegalArgumentException("empty"));
        return;
      }
      f.complete(s.trim());
    });
    return f;
  }

  static CompletableFuture<Integer> viaSupplyAsync(Executor ex, String s) {
    // OK(FutureNotCompletedOnAllPaths): supplyAsync completes the future, exceptions included
    return CompletableFuture.supplyAsync(() -> Integer.parseInt(s), ex);
  }
}
