import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A toll-road plate reader: camera frames in, recognised plates out, to the billing queue. */
public class PlateReader {
  public record Frame(String gantry, long timestampMillis, byte[] jpeg) {}

  public record Plate(String gantry, String text, double confidence) {}

  private static final Pattern PLATE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z]{3}");

  private final Chan<Plate> plates = Chan.make(32);

  /** Wires the camera to the recogniser. */
  public PlateReader(Supplier<Frame> camera) {
    Go.go(() -> {
      // BUG(GoroutineLeak): the capture loop has no way out and watches no cancellation
      for (;;) {
        Frame f = camera.get();
        if (f != null) {
          ocr(f).ifPresent(plates::send);
        }
      }
    });
  }

  public RecvChan<Plate> plates() {
    return plates;
  }

  /** Billing side: takes plates until the shift's count is reached, then shuts the feed. */
  public static int bill(Chan<Plate> feed, int shiftQuota) {
    int billed = 0;
    for (Plate p : feed) {
      if (p.confidence() > 0.9) {
        billed++;
      }
      if (billed == shiftQuota) {
        // BUG(ReceiverSideClose): billing only receives from the feed; the recogniser's next send throws
        feed.close();
        break;
      }
    }
    return billed;
  }

  /** A stoppable capture loop. */
  public static void capture(Context ctx, Supplier<Frame> camera, Chan<Frame> out) {
    Go.go(() -> {
      // OK(GoroutineLeak): leaves when ctx is done
      for (;;) {
        Frame f = camera.get();
        if (f == null) {
          continue;
        }
        boolean sent = Select.<Boolean>select().send(out, f, () -> true).recv(ctx.done(), d -> false).run();
        if (!sent) {
          return;
        }
      }
    });
  }

  static Optional<Plate> ocr(Frame f) {
    String s = new String(f.jpeg(), java.nio.charset.StandardCharsets.ISO_8859_1);
    var m = PLATE.matcher(s);
    return m.find() ? Optional.of(new Plate(f.gantry(), m.group(), 0.95)) : Optional.empty();
  }
}
