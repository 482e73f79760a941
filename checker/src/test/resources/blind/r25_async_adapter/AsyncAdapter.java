import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** Adapts a callback-style client to CompletableFuture. */
public final class AsyncAdapter {
  public interface CallbackClient {
    void get(String key, BiConsumer<String, Throwable> callback);
  }

  private final CallbackClient client;

  public AsyncAdapter(CallbackClient client) {
    this.client = client;
  }

  public CompletableFuture<String> get(String key) {
    // BUG(FutureNotCompletedOnAllPaths): when the reply is a tombstone the callback returns without completing the future; callers wait forever
    CompletableFuture<String> result = new CompletableFuture<>();
    client.get(
        key,
        (value, error) -> {
          if (error != null) {
            result.completeExceptionally(error);
            return;
          }
          if (value.startsWith("tombstone:")) {
            System.err.println("deleted key " + key);
            return;
          }
          result.complete(value);
        });
    return result;
  }
}
