import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/** A satellite ground-station scheduler: books antenna passes, downlinks during each pass. */
public final class PassScheduler {
  private static final Logger LOG = Logger.getLogger(PassScheduler.class.getName());

  public record Pass(String satellite, String antenna, Instant aos, Instant los) {
    Duration length() {
      return Duration.between(aos, los);
    }
  }

  public interface Antenna {
    void slew(Context ctx, double az, double el);

    byte[] downlink(Context ctx, String satellite);

    void stow(Context ctx);
  }

  private final Antenna antenna;
  private final List<String> audit = new ArrayList<>();

  public PassScheduler(Antenna antenna) {
    this.antenna = antenna;
  }

  /** Runs one pass: slew, downlink until LOS, always stow afterwards. */
  public byte[] runPass(Context ctx, Pass pass) {
    // OK(LostCancel): try-with-resources; the pass ends at loss of signal
    try (CancelContext passCtx = Context.withDeadline(ctx, pass.los())) {
      antenna.slew(passCtx, 180, 10);
      return antenna.downlink(passCtx, pass.satellite());
    } finally {
      // OK(BackgroundContextInsteadOfParameter): stowing must happen even after the pass context ended
      antenna.stow(Context.withoutCancel(ctx));
    }
  }

  /** Runs the night's passes, several antennas at once; the first failure stops the rest. */
  public Throwable runNight(Context ctx, List<Pass> passes) {
    ErrGroup g = ErrGroup.withContext(ctx);
    g.setLimit(3);
    passes.stream().sorted(Comparator.comparing(Pass::aos)).forEach(p -> g.go(() -> {
      waitUntil(g.context(), p.aos());
      byte[] data = runPass(g.context(), p);
      synchronized (audit) {
        audit.add(p.satellite() + " " + data.length + " bytes");
      }
    }));
    return g.await();
  }

  /** Sleeps until the instant, or until the context ends. */
  static void waitUntil(Context ctx, Instant when) {
    Duration d = Duration.between(Instant.now(), when);
    if (d.isNegative()) {
      return;
    }
    Select.<Void>select().recv(Time.after(d), t -> null).recv(ctx.done(), x -> null).run();
  }

  /** Asks the orbit service for the next pass, giving up after a budget. */
  public Pass nextPass(Context ctx, String satellite, java.util.function.Function<String, Pass> orbit) {
    // OK(GoroutineLeak): one slot for the one answer
    Chan<Pass> answer = Chan.make(1);
    Go.go(() -> answer.send(orbit.apply(satellite)));
    return Select.<Pass>select()
        .recv(answer, p -> p)
        .recv(ctx.done(), d -> null)
        .recv(Time.after(Duration.ofSeconds(2)), t -> {
          LOG.warning("orbit service slow for " + satellite);
          return null;
        })
        .run();
  }
}
