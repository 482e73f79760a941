import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Extracts candidate frames from a video and keeps the first few that are sharp enough. */
final class Thumbnailer {
  record Frame(Duration at, double sharpness, byte[] jpeg) {}

  interface Decoder {
    Frame frameAt(Duration at);
  }

  /** Frames every `step`, until the video ends or ctx is cancelled. */
  static RecvChan<Frame> frames(Context ctx, Decoder decoder, Duration length, Duration step) {
    Chan<Frame> out = Chan.make();
    Go.go(() -> {
      try {
        for (Duration at = Duration.ZERO; at.compareTo(length) < 0; at = at.plus(step)) {
          Frame f = decoder.frameAt(at);
          // OK(GoroutineLeak): the send sits in a select with ctx.done()
          boolean sent = Select.<Boolean>select()
              .send(out, f, () -> true)
              .recv(ctx.done(), x -> false)
              .run();
          if (!sent) {
            return;
          }
        }
      } finally {
        // OK(UnclosedChannel): closed in finally by the single sender
        out.close();
      }
    });
    return out.recvOnly();
  }

  static List<Frame> pick(Context parent, Decoder decoder, Duration length, int wanted, double minSharpness) {
    List<Frame> chosen = new ArrayList<>();
    // OK(LostCancel): try-with-resources; leaving the block stops the decoder goroutine too
    try (CancelContext ctx = Context.withCancel(parent)) {
      for (Frame f : frames(ctx, decoder, length, Duration.ofSeconds(2))) {
        if (f.sharpness() >= minSharpness) {
          chosen.add(f);
        }
        if (chosen.size() == wanted) {
          break;
        }
      }
    }
    return chosen;
  }
}
