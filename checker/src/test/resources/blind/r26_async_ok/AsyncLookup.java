import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

final class AsyncLookup {
  interface Directory {
    void find(String user, BiConsumer<Optional<String>, Throwable> callback);
  }

  private final Directory dir;
  private final Executor executor;

  AsyncLookup(Directory dir, Executor executor) {
    this.dir = dir;
    this.executor = executor;
  }

  CompletableFuture<Optional<String>> email(String user) {
    // OK(FutureNotCompletedOnAllPaths): every branch completes the future
    CompletableFuture<Optional<String>> f = new CompletableFuture<>();
    dir.find(
        user,
        (email, error) -> {
          if (error != null) {
            f.completeExceptionally(error);
          } else if (email.isEmpty()) {
            f.complete(Optional.empty());
          } else {
            f.complete(email.map(String::toLowerCase));
          }
        });
    return f;
  }

  CompletableFuture<Integer> score(String user) {
    // OK(FutureNotCompletedOnAllPaths): complete in try, completeExceptionally in catch
    CompletableFuture<Integer> f = new CompletableFuture<>();
    executor.execute(
        () -> {
          try {
            f.complete(user.chars().sum() % 100);
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        });
    return f;
  }

  CompletableFuture<String> greeting(String user) {
    return email(user).thenApply(e -> e.map(x -> "hi " + x).orElse("hi stranger"));
  }
}
