import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A self-service photo printing kiosk: previews, crops, prints an order. */
public class PrintKiosk {
  public enum Size { P4X6, P5X7, P8X10 }

  public record Photo(String file, int widthPx, int heightPx) {}

  public record Print(Photo photo, Size size, byte[] rendered) {}

  private final Map<String, byte[]> previews = new ConcurrentHashMap<>();

  /** A preview, or a placeholder if rendering takes longer than the screen can wait. */
  public byte[] preview(Photo p) {
    Chan<byte[]> rendered = Chan.make();
    Go.go(() -> {
      byte[] px = render(p, 320);
      // BUG(GoroutineLeak): the screen's timer may win and nobody receives this preview
      rendered.send(px);
    });
    // OK(TickerNotStopped): stopped in finally
    Timer screen = Time.newTimer(Duration.ofMillis(150));
    try {
      return Select.<byte[]>select().recv(rendered, b -> b).recv(screen.c(), t -> new byte[0]).run();
    } finally {
      screen.stop();
    }
  }

  /** The fixed preview: the renderer can always leave its result. */
  public byte[] previewFixed(Photo p) {
    // OK(GoroutineLeak): one slot
    Chan<byte[]> rendered = Chan.make(1);
    Go.go(() -> rendered.send(previews.computeIfAbsent(p.file(), f -> render(p, 320))));
    return Select.<byte[]>select().recv(rendered, b -> b).recv(Time.after(Duration.ofMillis(150)), t -> new byte[0]).run();
  }

  /** Prints a whole order, one goroutine per photo. */
  public int printOrder(List<Photo> order, Size size) {
    Chan<Print> done = Chan.make(order.size());
    WaitGroup wg = new WaitGroup();
    order.forEach(p -> {
      wg.add(1);
      Go.go(() -> {
        done.send(new Print(p, size, render(p, dpi(size))));
        // BUG(WaitGroupDoneNotInFinally): a render failure skips this done; the order never finishes
        wg.done();
      });
    });
    Go.go(() -> {
      wg.await();
      done.close();
    });
    int printed = 0;
    Received<Print> r;
    // OK(UnclosedChannel): the closer goroutine closes done after the renderers
    do {
      r = done.receiveOk();
      if (r.ok()) {
        printed++;
      }
    } while (r.ok());
    return printed;
  }

  /** Prints an order from a receipt scanner: the scanner sends photos and forgets to close. */
  public int printScanned(List<Photo> scanned, Size size) {
    Chan<Photo> queue = Chan.make(4);
    Go.go(() -> {
      for (Photo p : scanned) {
        queue.send(p);
      }
    });
    int printed = 0;
    Received<Photo> r;
    // BUG(UnclosedChannel): the scanner goroutine never closes queue, so ok never turns false
    do {
      r = queue.receiveOk();
      if (r.ok()) {
        render(r.value(), dpi(size));
        printed++;
      }
    } while (r.ok());
    return printed;
  }

  static int dpi(Size s) {
    return switch (s) {
      case P4X6 -> 300;
      case P5X7 -> 300;
      case P8X10 -> 240;
    };
  }

  static byte[] render(Photo p, int dpi) {
    if (p.widthPx() <= 0) {
      throw new IllegalArgumentException("bad photo " + p.file());
    }
    return new byte[Math.min(1 << 16, p.widthPx() * dpi / 100)];
  }
}
