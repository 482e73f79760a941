// Program: bounded parallel map over a list with streams, CompletableFuture and an executor in try-with-resources. Correct.
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

final class ParallelMap {
  static <A, B> List<B> map(List<A> in, Function<A, B> f, int limit) {
    Semaphore permits = new Semaphore(limit);
    // OK(ExecutorNotShutDown): closed by try-with-resources
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<B>> futures = in.stream()
          .map(a -> CompletableFuture.supplyAsync(() -> {
            permits.acquireUninterruptibly();
            try {
              return f.apply(a);
            } finally {
              permits.release();
            }
          }, pool))
          .toList();
      return futures.stream().map(CompletableFuture::join).toList();
    }
  }
}
