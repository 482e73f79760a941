import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits a long recording into chunks, transcribes them in parallel, stitches the text back. */
public class ChunkTranscriber {
  public record Chunk(int index, byte[] pcm) {}
  public record Text(int index, String words) {}

  public interface Engine {
    Optional<String> transcribe(Context ctx, Chunk c);
  }

  private final Engine engine;

  public ChunkTranscriber(Engine engine) {
    this.engine = engine;
  }

  /** Chunker: emits fixed-size chunks of the recording. */
  static RecvChan<Chunk> chunks(byte[] pcm, int size) {
    Chan<Chunk> out = Chan.make(2);
    Go.go(() -> {
      for (int i = 0, idx = 0; i < pcm.length; i += size, idx++) {
        out.send(new Chunk(idx, java.util.Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + size))));
      }
      // OK(UnclosedChannel): the only sender closes after the last chunk
      out.close();
    });
    return out;
  }

  /** Transcribes with three workers; the texts channel is closed by nobody. */
  public String transcribeBroken(Context ctx, byte[] pcm) {
    RecvChan<Chunk> in = chunks(pcm, 16_000 * 30);
    Chan<Text> texts = Chan.make(3);
    for (int w = 0; w < 3; w++) {
      Go.go(() -> {
        for (Chunk c : in) {
          engine.transcribe(ctx, c).ifPresent(t -> texts.send(new Text(c.index(), t)));
        }
      });
    }
    List<Text> all = new ArrayList<>();
    // BUG(UnclosedChannel): three workers send on texts, none closes it and no closer exists: this loop never ends
    for (Text t : texts) {
      all.add(t);
    }
    return stitch(all);
  }

  public String transcribe(Context ctx, byte[] pcm) {
    RecvChan<Chunk> in = chunks(pcm, 16_000 * 30);
    Chan<Text> texts = Chan.make(3);
    WaitGroup workers = new WaitGroup();
    for (int w = 0; w < 3; w++) {
      workers.go(() -> {
        for (Chunk c : in) {
          engine.transcribe(ctx, c).ifPresent(t -> texts.send(new Text(c.index(), t)));
        }
      });
    }
    Go.go(() -> {
      workers.await();
      texts.close();
    });
    List<Text> all = new ArrayList<>();
    // OK(UnclosedChannel): the closer goroutine closes texts after the workers
    for (Text t : texts) {
      all.add(t);
    }
    return stitch(all);
  }

  static String stitch(List<Text> parts) {
    return parts.stream()
        .sorted(java.util.Comparator.comparingInt(Text::index))
        .map(Text::words)
        .reduce((a, b) -> a + " " + b)
        .orElse("");
  }
}
