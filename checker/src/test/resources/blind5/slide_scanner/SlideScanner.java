import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A microscope slide scanner: captures tiles in a serpentine, stitches them as they arrive. */
public final class SlideScanner {
  public record Tile(int row, int col, byte[] pixels) {}

  public interface Stage {
    void moveTo(Context ctx, int row, int col);

    byte[] capture(Context ctx);
  }

  private final Stage stage;

  public SlideScanner(Stage stage) {
    this.stage = stage;
  }

  /** Scans a slide; the stitcher runs beside the capture and both stop on the first error. */
  public List<Tile> scan(Context parent, int rows, int cols) throws Exception {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withCancel(parent)) {
      ErrGroup g = ErrGroup.withContext(ctx);
      Chan<Tile> tiles = Chan.make(cols);
      List<Tile> stitched = new ArrayList<>();
      g.go(() -> capture(g.context(), rows, cols, tiles));
      g.go(() -> stitch(tiles, stitched));
      Throwable err = g.await();
      if (err != null) {
        throw new Exception("scan failed", err);
      }
      return stitched;
    }
  }

  private void capture(Context ctx, int rows, int cols, Chan<Tile> out) {
    try {
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < cols; i++) {
          int c = r % 2 == 0 ? i : cols - 1 - i;
          stage.moveTo(ctx, r, c);
          settle(ctx);
          Tile t = new Tile(r, c, stage.capture(ctx));
          // OK(IgnoredCancellation): the send is raced against ctx.done()
          boolean sent = Select.<Boolean>select().send(out, t, () -> true).recv(ctx.done(), d -> false).run();
          if (!sent) {
            return;
          }
        }
      }
    } finally {
      // OK(UnclosedChannel): capture is the only sender; it closes on every exit
      out.close();
    }
  }

  private static void stitch(RecvChan<Tile> in, List<Tile> into) {
    for (Tile t : in) {
      into.add(t);
    }
  }

  /** Waits for vibration to settle after a move; stops the timer if cancelled. */
  private static void settle(Context ctx) {
    // OK(TickerNotStopped): stopped in finally when the select leaves by ctx.done()
    Timer t = Time.newTimer(Duration.ofMillis(40));
    try {
      Select.<Void>select().recv(t.c(), x -> null).recv(ctx.done(), d -> null).run();
    } finally {
      t.stop();
    }
  }
}
