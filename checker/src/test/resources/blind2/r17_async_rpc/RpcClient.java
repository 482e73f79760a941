// Program: async RPC client built on CompletableFuture and a callback transport; the error callback path never completes the future.
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

final class RpcClient {
  interface Transport {
    void send(long id, String payload, Callback cb);
  }

  interface Callback {
    void onReply(String reply);
    void onError(Exception e);
  }

  private final Transport transport;
  private final Executor callbacks;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, String> lastReply = new ConcurrentHashMap<>();

  RpcClient(Transport transport, Executor callbacks) {
    this.transport = transport;
    this.callbacks = callbacks;
  }

  CompletableFuture<String> call(String payload) {
    // BUG(FutureNotCompletedOnAllPaths): onError only logs; callers of the returned future wait forever
    CompletableFuture<String> result = new CompletableFuture<>();
    long id = ids.incrementAndGet();
    transport.send(id, payload, new Callback() {
      @Override
      public void onReply(String reply) {
        lastReply.put(id, reply);
        result.complete(reply);
      }

      @Override
      public void onError(Exception e) {
        System.err.println("rpc " + id + " failed: " + e);
      }
    });
    return result;
  }

  CompletableFuture<String> lookup(String key) {
    // OK(FutureNotCompletedOnAllPaths): every path of the task completes the future
    CompletableFuture<String> f = new CompletableFuture<>();
    callbacks.execute(() -> {
      try {
        String v = lastReply.values().stream().filter(r -> r.startsWith(key)).findFirst().orElse(null);
        f.complete(v);
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  CompletableFuture<Integer> parse(String text) {
    // BUG(FutureNotCompletedOnAllPaths): a malformed number is swallowed without completing the future
    CompletableFuture<Integer> f = new CompletableFuture<>();
    callbacks.execute(() -> {
      try {
        f.complete(Integer.parseInt(text.strip()));
      } catch (NumberFormatException e) {
        System.err.println("bad number " + text);
      }
    });
    return f;
  }
}
