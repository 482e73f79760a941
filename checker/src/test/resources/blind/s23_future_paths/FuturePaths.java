import java.util.concurrent.CompletableFuture;

class FuturePaths {
  static CompletableFuture<Integer> parse(String s) {
    // BUG(FutureNotCompletedOnAllPaths): a blank string leaves the future incomplete
    CompletableFuture<Integer> f = new CompletableFuture<>();
    if (s.isBlank()) {
      return f;
    }
    f.complete(Integer.parseInt(s.trim()));
    return f;
  }

  static CompletableFuture<Integer> parseComplete(String s) {
    // OK(FutureNotCompletedOnAllPaths): every path completes
    CompletableFuture<Integer> f = new CompletableFuture<>();
    try {
      f.complete(Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      f.completeExceptionally(e);
    }
    return f;
  }

  static CompletableFuture<String> factoryMethods(boolean cached) {
    // OK(FutureNotCompletedOnAllPaths): factory-made futures are complete or completed by their task
    return cached ? CompletableFuture.completedFuture("hit") : CompletableFuture.supplyAsync(() -> "miss");
  }
}
