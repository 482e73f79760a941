import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Encodes the recorded frames of a match replay into segments in parallel, then stitches them. */
final class ReplayEncoder {
  record Frame(int tick, byte[] state) {}

  record Segment(int firstTick, byte[] bytes) {}

  interface Codec {
    Segment encode(List<Frame> frames);

    byte[] stitch(List<Segment> segments);
  }

  static byte[] encode(Codec codec, List<Frame> frames, int perSegment) {
    // OK(ExecutorNotShutDown): try-with-resources
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<Segment>> parts = new ArrayList<>();
      for (int i = 0; i < frames.size(); i += perSegment) {
        List<Frame> slice = frames.subList(i, Math.min(frames.size(), i + perSegment));
        parts.add(CompletableFuture.supplyAsync(() -> codec.encode(slice), pool).orTimeout(1, TimeUnit.MINUTES));
      }
      CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
      return codec.stitch(parts.stream().map(CompletableFuture::join).toList());
    }
  }
}
