package mistakes;

import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;

/**
 * {@code wg.await()} returns as soon as the counter is zero. When each goroutine adds itself,
 * the parent can reach {@code await()} before any goroutine has started, see zero, and return
 * while the work is still to come: results are read half-written, or the program exits early.
 * The race is rare on a quiet machine and common under load.
 *
 * @goanalyzer staticcheck SA2000
 */
public final class WaitGroupAddInGoroutine {
  private WaitGroupAddInGoroutine() {}

  static void process(String job) {
    if (job.isEmpty()) {
      throw new IllegalArgumentException("empty job");
    }
  }

  /** {@code await()} may run before any {@code add(1)} and return at once. */
  static final class Mistake {
    static void processAll(List<String> jobs) {
      WaitGroup wg = new WaitGroup();
      for (String job : jobs) {
        Go.go(
            () -> {
              wg.add(1); // goconc: expect WaitGroupAddInGoroutine
              try {
                process(job);
              } finally {
                wg.done();
              }
            });
      }
      wg.await();
    }
  }

  /** Add before the launch; or let {@code wg.go(...)} add, start and call {@code done}. */
  static final class Fix {
    static void processAll(List<String> jobs) {
      WaitGroup wg = new WaitGroup();
      for (String job : jobs) {
        wg.add(1);
        Go.go(
            () -> {
              try {
                process(job);
              } finally {
                wg.done();
              }
            });
      }
      wg.await();
    }
  }
}
