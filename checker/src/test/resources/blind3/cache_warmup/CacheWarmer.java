import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.function.Function;

/** Warms a product-page cache before a sale opens, in waves: every key of a wave before the next. */
final class CacheWarmer {
  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private final Function<String, String> loader;

  CacheWarmer(Function<String, String> loader) {
    this.loader = loader;
  }

  int warm(List<List<String>> waves) {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (List<String> wave : waves) {
        Phaser phaser = new Phaser(1);
        for (String key : wave) {
          // OK(RegisterInsideTask): registered by the submitter before the task starts
          phaser.register();
          pool.execute(() -> {
            try {
              cache.put(key, loader.apply(key));
            } finally {
              phaser.arriveAndDeregister();
            }
          });
        }
        phaser.arriveAndAwaitAdvance();
      }
    }
    return cache.size();
  }

  String get(String key) {
    return cache.computeIfAbsent(key, loader);
  }
}
