import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** An archive (zip) extractor pool: entries are written out in parallel. */
public class ExtractorPool {
  private final AtomicLong bytesWritten = new AtomicLong();

  /** Extracts every entry of an archive into {@code target}. */
  public long extract(Path archive, Path target) throws IOException, InterruptedException {
    // BUG(ExecutorNotShutDown): a new pool per archive, never shut down; its threads outlive the call
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      List<? extends ZipEntry> entries = zip.stream().filter(e -> !e.isDirectory()).toList();
      CountDownLatch left = new CountDownLatch(entries.size());
      for (ZipEntry e : entries) {
        pool.submit(() -> {
          writeEntry(zip, e, target);
          // BUG(CountDownNotInFinally): an IOException in writeEntry skips this, await hangs
          left.countDown();
        });
      }
      left.await();
    }
    return bytesWritten.get();
  }

  /** The fixed extractor. */
  public long extractSafely(Path archive, Path target) throws IOException, InterruptedException {
    // OK(ExecutorNotShutDown): closed by try-with-resources
    try (ExecutorService pool = Executors.newFixedThreadPool(3);
        ZipFile zip = new ZipFile(archive.toFile())) {
      List<? extends ZipEntry> entries = zip.stream().filter(e -> !e.isDirectory()).toList();
      CountDownLatch left = new CountDownLatch(entries.size());
      for (ZipEntry e : entries) {
        pool.submit(() -> {
          try {
            writeEntry(zip, e, target);
          } finally {
            // OK(CountDownNotInFinally): in finally
            left.countDown();
          }
        });
      }
      left.await();
    }
    return bytesWritten.get();
  }

  private void writeEntry(ZipFile zip, ZipEntry e, Path target) {
    Path out = target.resolve(e.getName()).normalize();
    if (!out.startsWith(target)) {
      throw new IllegalArgumentException("zip slip: " + e.getName());
    }
    try (InputStream in = zip.getInputStream(e)) {
      Files.createDirectories(out.getParent());
      bytesWritten.addAndGet(Files.copy(in, out));
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
  }
}
