import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A planetarium show controller: cues the dome projectors, audio and house lights in sync. */
public final class ShowController {
  public sealed interface Cue permits Cue.Projector, Cue.Audio, Cue.Lights {
    Duration at();

    record Projector(Duration at, String clip) implements Cue {}

    record Audio(Duration at, String track, double gain) implements Cue {}

    record Lights(Duration at, int percent) implements Cue {}
  }

  public interface Devices {
    void play(Context ctx, Cue cue);
  }

  private final Devices devices;
  private final AtomicReference<CancelFunc> running = new AtomicReference<>();

  public ShowController(Devices devices) {
    this.devices = devices;
  }

  /** Starts a show in the background; {@link #abort} ends it. */
  public void start(Context parent, List<Cue> cues) {
    CancelContext show = Context.withCancel(parent);
    // OK(LostCancel): stored where abort() and the show's own end cancel it
    CancelFunc previous = running.getAndSet(show.cancelFunc());
    if (previous != null) {
      previous.cancel();
    }
    Go.go(() -> {
      try {
        run(show, cues);
      } finally {
        show.cancel();
      }
    });
  }

  private void run(Context ctx, List<Cue> cues) {
    Chan<Cue> cueLine = Chan.make(cues.size());
    cues.forEach(cueLine::send);
    cueLine.close();
    WaitGroup wg = new WaitGroup();
    Duration elapsed = Duration.ZERO;
    // OK(TickerNotStopped): try-with-resources
    try (Ticker clock = Time.newTicker(Duration.ofMillis(100))) {
      for (Cue c : cueLine) {
        while (elapsed.compareTo(c.at()) < 0) {
          boolean on = Select.<Boolean>select().recv(clock.c(), t -> true).recv(ctx.done(), d -> false).run();
          if (!on) {
            return;
          }
          elapsed = elapsed.plusMillis(100);
        }
        // OK(WaitGroupAddInGoroutine): wg.go in the show goroutine, awaited by the same goroutine
        wg.go(() -> devices.play(ctx, c));
      }
    } finally {
      wg.await();
    }
  }

  public void abort() {
    CancelFunc f = running.getAndSet(null);
    if (f != null) {
      f.cancel();
    }
  }
}
