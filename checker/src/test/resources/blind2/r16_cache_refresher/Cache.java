// Program: cache with a background refresher and a CancelFunc field; the field is never called (refresh keeps running after close).
import dev.goconc.*;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

final class Cache<K, V> implements AutoCloseable {
  private final Map<K, V> entries = new ConcurrentHashMap<>();
  private final Function<K, V> loader;
  // BUG(LostCancel): no method ever calls stopRefresh; close() forgets it
  private final CancelFunc stopRefresh;

  Cache(Function<K, V> loader, Duration every) {
    this.loader = loader;
    CancelContext ctx = Context.withCancel(Context.background());
    this.stopRefresh = ctx.cancelFunc();
    Go.go(() -> refreshLoop(ctx, every));
  }

  private void refreshLoop(Context ctx, Duration every) {
    try (Ticker t = Time.newTicker(every)) {
      while (true) {
        boolean more = Select.<Boolean>select()
            .recv(t.c(), now -> {
              entries.replaceAll((k, v) -> loader.apply(k));
              return true;
            })
            .recv(ctx.done(), d -> false)
            .run();
        if (!more) {
          return;
        }
      }
    }
  }

  V get(K key) {
    return entries.computeIfAbsent(key, loader);
  }

  @Override
  public void close() {
    entries.clear();
  }
}
