package mistakes;

import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.Locale;

/**
 * A goroutine that blocks forever is never collected: its stack, and everything it references,
 * stays in memory for the life of the process. The classic shape is the abandoned sender: the
 * parent starts a goroutine to compute a result, waits for it with a timeout, and gives up. The
 * goroutine then sends on an unbuffered channel that nobody will ever receive from. Each timed
 * out request leaves one more parked virtual thread behind, until the service runs out of
 * memory. goleak finds such goroutines in tests; this rule finds the shape at compile time.
 *
 * @goanalyzer GCatch's blocking-misuse-of-channel detector (static); goleak (at run time)
 */
public final class GoroutineLeak {
  private GoroutineLeak() {}

  static String lookup(String key) {
    return key.toUpperCase(Locale.ROOT);
  }

  /**
   * After a second the parent returns "timed out"; the goroutine's send on the unbuffered
   * {@code result} then waits for a receiver that never comes.
   */
  static final class Mistake {
    static String fetchWithTimeout(String key) {
      Chan<String> result = Chan.make();
      Go.go(() -> result.send(lookup(key))); // goconc: expect GoroutineLeak
      return Select.<String>select()
          .recv(result, value -> value)
          .recv(Time.after(Duration.ofSeconds(1)), timeout -> "timed out")
          .run();
    }
  }

  /**
   * Give the channel room for every send ({@code Chan.make(1)}): the goroutine completes even
   * when nobody receives, and the channel is garbage like any other object. Where the goroutine
   * sends more than once, send inside a {@code select} that also has a {@code ctx.done()} case.
   */
  static final class Fix {
    static String fetchWithTimeout(String key) {
      Chan<String> result = Chan.make(1);
      Go.go(() -> result.send(lookup(key)));
      return Select.<String>select()
          .recv(result, value -> value)
          .recv(Time.after(Duration.ofSeconds(1)), timeout -> "timed out")
          .run();
    }
  }
}
