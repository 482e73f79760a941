import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/** A photo EXIF stripper: removes APP1 segments from JPEGs before publishing. */
public final class ExifStripper {
  public record Result(Path file, int bytesRemoved) {}

  /** Strips a folder's photos on a pool; results are taken as they complete. */
  public List<Result> stripAll(List<Path> photos) throws InterruptedException {
    List<Result> results = new ArrayList<>();
    // OK(ExecutorNotShutDown): try-with-resources
    try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
      CompletionService<Result> cs = new ExecutorCompletionService<>(pool);
      photos.forEach(p -> cs.submit(() -> strip(p)));
      for (int i = 0; i < photos.size(); i++) {
        Future<Result> f = cs.take();
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          System.err.println("skipped: " + e.getCause());
        }
      }
    }
    return results;
  }

  /** A long-lived upload watcher: strips each photo dropped into the inbox queue. */
  public static Runnable inboxWorker(BlockingQueue<Path> inbox, List<Result> published) {
    return () -> {
      // OK(InterruptIgnoredInTaskLoop): an interrupt restores the flag and ends the loop
      while (true) {
        Path p;
        try {
          p = inbox.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        try {
          Result r = strip(p);
          synchronized (published) {
            published.add(r);
          }
        } catch (IOException e) {
          System.err.println("could not strip " + p + ": " + e.getMessage());
        }
      }
    };
  }

  public static BlockingQueue<Path> newInbox() {
    return new LinkedBlockingQueue<>(256);
  }

  static Result strip(Path file) throws IOException {
    byte[] in = Files.readAllBytes(file);
    byte[] out = new byte[in.length];
    int o = 0;
    int removed = 0;
    for (int i = 0; i < in.length; i++) {
      if (i + 3 < in.length && (in[i] & 0xFF) == 0xFF && (in[i + 1] & 0xFF) == 0xE1) {
        int len = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
        i += 1 + len;
        removed += 2 + len;
        continue;
      }
      out[o++] = in[i];
    }
    Files.write(file, Arrays.copyOf(out, o));
    return new Result(file, removed);
  }
}
