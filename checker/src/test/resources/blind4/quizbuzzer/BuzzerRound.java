import dev.goconc.*;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A quiz show's buzzer round: the first contestant to buzz within ten seconds answers. */
public class BuzzerRound {
  public record Buzz(String contestant, Instant at) {}

  public interface Console {
    String name();
    /** Blocks until the contestant presses, or returns empty when the console is reset. */
    Optional<Instant> awaitPress(Context ctx);
  }

  /** Every console reports into one buffered channel; the host reads the first buzz. */
  public static Optional<Buzz> round(Context parent, List<Console> consoles) {
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(10))) {
      // OK(GoroutineLeak): room for every console's buzz; the host only reads the first
      Chan<Buzz> buzzes = Chan.make(consoles.size());
      for (Console c : consoles) {
        Go.go(() -> c.awaitPress(ctx).ifPresent(at -> buzzes.send(new Buzz(c.name(), at))));
      }
      return Select.<Optional<Buzz>>select()
          .recv(buzzes, Optional::of)
          .recv(ctx.done(), d -> Optional.<Buzz>empty())
          .run();
    }
  }

  /** The scoreboard animation ticks while the round runs. */
  public static int animate(Context ctx, Runnable frame) {
    int frames = 0;
    // OK(TickerNotStopped): try-with-resources
    try (Ticker t = Time.newTicker(Duration.ofMillis(40))) {
      // OK(IgnoredCancellation): each tick's wait selects on ctx.done()
      while (Select.<Boolean>select().recv(t.c(), x -> true).recv(ctx.done(), d -> false).run()) {
        frame.run();
        frames++;
      }
    }
    return frames;
  }

  /** Runs a whole game: rounds in sequence, the animation alongside each one. */
  public static int game(Context ctx, List<Console> consoles, int rounds, Runnable frame) {
    int answered = 0;
    for (int i = 0; i < rounds && ctx.err() == null; i++) {
      try (CancelContext roundCtx = Context.withCancel(ctx)) {
        WaitGroup anim = new WaitGroup();
        anim.go(() -> animate(roundCtx, frame));
        if (round(roundCtx, consoles).isPresent()) {
          answered++;
        }
        roundCtx.cancel();
        // OK(WaitGroupAwaitInLaunchLoop): a fresh group per round, awaited after its single launch
        anim.await();
      }
    }
    return answered;
  }
}
