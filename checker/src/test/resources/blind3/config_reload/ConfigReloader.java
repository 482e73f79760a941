import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** Reloads configuration fragments from disk and swaps in the merged result. */
class ConfigReloader {
  interface Loader {
    Properties load(Path fragment);
  }

  private final Loader loader;
  private volatile Map<String, String> active = Map.of();

  ConfigReloader(Loader loader) {
    this.loader = loader;
  }

  Map<String, String> reload(List<Path> fragments) throws InterruptedException {
    Map<String, String> merged = new ConcurrentHashMap<>();
    for (Path f : fragments) {
      Go.go(() -> loader.load(f).forEach((k, v) -> merged.put(k.toString(), v.toString())));
    }
    // BUG(SleepInsteadOfSynchronization): sleeps hoping the loaders are done instead of waiting for them
    Thread.sleep(250);
    active = Map.copyOf(merged);
    return active;
  }

  Map<String, String> reloadFixed(List<Path> fragments) {
    Map<String, String> merged = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (Path f : fragments) {
      wg.go(() -> loader.load(f).forEach((k, v) -> merged.put(k.toString(), v.toString())));
    }
    wg.await();
    active = Map.copyOf(merged);
    return active;
  }

  /** Retries a fragment a few times: the sleep is a backoff, not a wait for goroutines. */
  Properties loadWithRetry(Path fragment) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return loader.load(fragment);
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
        // OK(SleepInsteadOfSynchronization): a backoff between retries; this method starts no goroutine
        Thread.sleep(100L * attempt);
      }
    }
  }

  String get(String key) {
    return active.get(key);
  }
}
