import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class Thumbnails {
  private final ExecutorService pool;

  Thumbnails(ExecutorService pool) {
    this.pool = pool;
  }

  Optional<byte[]> thumbnail(byte[] image) throws InterruptedException {
    Future<byte[]> f = pool.submit(() -> scale(image));
    try {
      // OK(TimedGetWithoutCancel): cancelled on timeout
      return Optional.of(f.get(1, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      f.cancel(true);
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  byte[] thumbnailOrOriginal(byte[] image) {
    CompletableFuture<byte[]> f = CompletableFuture.supplyAsync(() -> scale(image), pool);
    try {
      return f.get(500, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return image;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return image;
    } finally {
      // OK(TimedGetWithoutCancel): cancel in finally covers the timeout (a no-op once done)
      f.cancel(true);
    }
  }

  private static byte[] scale(byte[] image) {
    byte[] out = new byte[Math.max(1, image.length / 4)];
    System.arraycopy(image, 0, out, 0, out.length);
    return out;
  }
}
