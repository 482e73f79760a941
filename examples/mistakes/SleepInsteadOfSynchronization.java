package mistakes;

import dev.goconc.Go;
import dev.goconc.WaitGroup;

/**
 * Sleeping "long enough" for goroutines to finish is a guess. On a loaded machine, or with
 * more work, the goroutine is still running when the sleep ends: its output is lost or read
 * half-written. On a quiet machine the sleep wastes its whole duration. A {@code WaitGroup},
 * a channel receive or an {@code ErrGroup} waits exactly as long as the work takes.
 *
 * @goanalyzer None; the sleep Go tutorials mark as a HACK ({@code time.Sleep} before exit)
 */
public final class SleepInsteadOfSynchronization {
  private SleepInsteadOfSynchronization() {}

  /** The greeting may print after "Done", or not at all if the program exits first. */
  static final class Mistake {
    static void greet() throws InterruptedException {
      Go.go(() -> System.out.println("Hello, Async!"));
      Thread.sleep(100); // goconc: expect SleepInsteadOfSynchronization
      System.out.println("Done");
    }
  }

  /** The method waits for exactly the goroutine it started. */
  static final class Fix {
    static void greet() {
      WaitGroup wg = new WaitGroup();
      wg.go(() -> System.out.println("Hello, Async!"));
      wg.await();
      System.out.println("Done");
    }
  }
}
