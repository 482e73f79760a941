import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Indexes documents; owns a long-lived pool that close() shuts down. */
final class Indexer implements AutoCloseable {
  // OK(ExecutorNotShutDown): a field pool shut down in close()
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final Map<String, Integer> index = new ConcurrentHashMap<>();

  void submit(String doc) {
    pool.execute(() -> index.merge(doc.split(" ")[0], 1, Integer::sum));
  }

  /** One-shot parallel work: the pool is closed by try-with-resources (Java 19+). */
  static long countWords(List<String> docs) {
    // OK(ExecutorNotShutDown): try-with-resources closes the executor
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
      return docs.stream()
          .map(d -> ex.submit(() -> (long) d.split("\\s+").length))
          .toList()
          .stream()
          .mapToLong(
              f -> {
                try {
                  return f.get();
                } catch (Exception e) {
                  return 0L;
                }
              })
          .sum();
    }
  }

  static int parallelMax(List<Integer> xs) throws InterruptedException {
    // OK(ExecutorNotShutDown): shut down in finally
    ExecutorService ex = Executors.newCachedThreadPool();
    try {
      var f = ex.submit(() -> xs.stream().mapToInt(Integer::intValue).max().orElse(0));
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      ex.shutdown();
    }
  }

  Map<String, Integer> snapshot() {
    return Map.copyOf(index);
  }

  @Override
  public void close() throws InterruptedException {
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }
}
