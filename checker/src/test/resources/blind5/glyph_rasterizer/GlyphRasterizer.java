import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A font glyph rasterizer: renders glyph bitmaps at several sizes on a bounded pool. */
public final class GlyphRasterizer implements AutoCloseable {
  public record GlyphKey(int codepoint, int pixelSize) {}

  public record Bitmap(int width, int height, byte[] alpha) {}

  private final Map<GlyphKey, Bitmap> cache = new ConcurrentHashMap<>();
  private final ExecutorService pool;

  public GlyphRasterizer(int threads) {
    ThreadFactory daemons = r -> {
      Thread t = new Thread(r, "glyph-raster");
      t.setDaemon(true);
      return t;
    };
    // OK(ExecutorNotShutDown): owned by the rasterizer and shut down in close()
    this.pool = Executors.newFixedThreadPool(threads, daemons);
  }

  /** Renders the glyphs of a string; a glyph that takes too long falls back to a box. */
  public List<Bitmap> render(String text, int size) throws InterruptedException {
    List<Future<Bitmap>> pending = new ArrayList<>();
    text.codePoints().forEach(cp -> pending.add(pool.submit(rasterTask(new GlyphKey(cp, size)))));
    List<Bitmap> out = new ArrayList<>(pending.size());
    for (Future<Bitmap> f : pending) {
      try {
        // OK(TimedGetWithoutCancel): cancelled on timeout
        out.add(f.get(50, TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        f.cancel(true);
        out.add(box(size));
      } catch (ExecutionException e) {
        out.add(box(size));
      }
    }
    return out;
  }

  private Callable<Bitmap> rasterTask(GlyphKey key) {
    return () -> cache.computeIfAbsent(key, k -> {
      int w = Math.max(1, k.pixelSize() * 3 / 5);
      byte[] alpha = new byte[w * k.pixelSize()];
      for (int i = 0; i < alpha.length; i++) {
        alpha[i] = (byte) ((k.codepoint() * 31 + i) % 256);
      }
      return new Bitmap(w, k.pixelSize(), alpha);
    });
  }

  private static Bitmap box(int size) {
    return new Bitmap(size / 2, size, new byte[size / 2 * size]);
  }

  /** Warms the cache for a whole code range with a throwaway pool. */
  public static int warm(GlyphRasterizer r, int from, int to, int size) throws InterruptedException {
    // OK(ExecutorNotShutDown): shut down and awaited in finally
    ExecutorService warmers = Executors.newCachedThreadPool();
    try {
      for (int cp = from; cp < to; cp++) {
        warmers.submit(r.rasterTask(new GlyphKey(cp, size)));
      }
    } finally {
      warmers.shutdown();
      warmers.awaitTermination(1, TimeUnit.MINUTES);
    }
    return r.cache.size();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
