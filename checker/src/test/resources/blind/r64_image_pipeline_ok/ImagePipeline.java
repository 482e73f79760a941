import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Decodes, resizes and encodes images with CompletableFuture stages on a bounded pool. */
public final class ImagePipeline implements AutoCloseable {
  public record Image(String name, int width, int height) {}

  private final ExecutorService cpu = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());

  public List<String> process(List<String> names, int maxWidth) {
    List<CompletableFuture<String>> jobs =
        names.stream()
            .map(n -> CompletableFuture.supplyAsync(() -> decode(n), cpu))
            .map(f -> f.thenApplyAsync(img -> resize(img, maxWidth), cpu))
            .map(f -> f.thenApply(ImagePipeline::encode))
            .collect(Collectors.toList());
    // OK(TimedGetWithoutCancel): no timed get: orTimeout fails the stage, and the join waits for all
    CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    return jobs.stream().map(CompletableFuture::join).toList();
  }

  private static Image decode(String name) {
    return new Image(name, 4000, 3000);
  }

  private static Image resize(Image img, int maxWidth) {
    if (img.width() <= maxWidth) {
      return img;
    }
    return new Image(img.name(), maxWidth, img.height() * maxWidth / img.width());
  }

  private static String encode(Image img) {
    return img.name() + "@" + img.width() + "x" + img.height();
  }

  @Override
  public void close() {
    // OK(ExecutorNotShutDown): the pool field is shut down here
    cpu.shutdown();
  }

  public static void main(String[] args) {
    try (ImagePipeline p = new ImagePipeline()) {
      System.out.println(p.process(List.of("a.jpg", "b.jpg"), 800));
    }
  }
}
