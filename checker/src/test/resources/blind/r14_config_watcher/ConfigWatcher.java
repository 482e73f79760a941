import dev.goconc.Go;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Reloads a configuration file whenever its modification time changes. */
final class ConfigWatcher {
  private final Path file;
  private final AtomicReference<String> config = new AtomicReference<>("");
  private long lastModified = -1;

  ConfigWatcher(Path file) {
    this.file = file;
  }

  void start() {
    Go.go(
        () -> {
          Ticker t = Time.newTicker(Duration.ofSeconds(2));
          // BUG(GoroutineLeak): polls forever; no exit, no context, no done channel: the watcher outlives its owner
          for (;;) {
            t.c().receive();
            reloadIfChanged();
          }
        });
  }

  private void reloadIfChanged() {
    try {
      long m = Files.getLastModifiedTime(file).toMillis();
      if (m != lastModified) {
        lastModified = m;
        config.set(Files.readString(file));
      }
    } catch (java.io.IOException e) {
      System.err.println("reload failed: " + e.getMessage());
    }
  }

  String current() {
    return config.get();
  }
}
