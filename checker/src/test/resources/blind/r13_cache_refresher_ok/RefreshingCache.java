import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A cache whose snapshot a goroutine refreshes on a ticker until close(). */
public final class RefreshingCache<K, V> implements AutoCloseable {
  private final AtomicReference<Map<K, V>> current;
  private final Supplier<Map<K, V>> loader;
  private final Chan<Boolean> quit = Chan.make();

  public RefreshingCache(Supplier<Map<K, V>> loader, Duration every) {
    this.loader = loader;
    this.current = new AtomicReference<>(loader.get());
    Go.go(() -> refresh(every));
  }

  private void refresh(Duration every) {
    // OK(TickerNotStopped): try-with-resources stops the ticker on every path
    try (Ticker ticker = Time.newTicker(every)) {
      // OK(GoroutineLeak): the loop leaves when quit is closed
      while (true) {
        boolean more =
            Select.<Boolean>select()
                .recv(ticker.c(), t -> true)
                .recv(quit, q -> false)
                .run();
        if (!more) {
          return;
        }
        current.set(loader.get());
      }
    }
  }

  public V get(K key) {
    return current.get().get(key);
  }

  @Override
  public void close() {
    quit.close();
  }
}
