package mistakes;

import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;

/**
 * {@code wg.await()} returns only when every goroutine has called {@code done()}. A goroutine
 * that throws before it reaches {@code done()} never calls it, and the waiter hangs forever —
 * the exception is printed on a virtual thread nobody watches, and the program simply stops.
 * Go writes {@code defer wg.Done()} first thing in the goroutine; in Java, {@code done()} goes
 * in {@code finally}, or {@code wg.go(...)} does it.
 *
 * @goanalyzer None; Go's idiom {@code defer wg.Done()}
 */
public final class WaitGroupDoneNotInFinally {
  private WaitGroupDoneNotInFinally() {}

  static void resize(String image) {
    if (!image.endsWith(".png")) {
      throw new IllegalArgumentException("not a PNG: " + image);
    }
  }

  /** One image that is not a PNG throws before {@code done()}, and {@code await()} hangs. */
  static final class Mistake {
    static void resizeAll(List<String> images) {
      WaitGroup wg = new WaitGroup();
      for (String image : images) {
        wg.add(1);
        Go.go(
            () -> {
              resize(image);
              wg.done(); // goconc: expect WaitGroupDoneNotInFinally
            });
      }
      wg.await();
    }
  }

  /** {@code done()} in {@code finally} runs on every path; {@code wg.go(...)} does the same. */
  static final class Fix {
    static void resizeAll(List<String> images) {
      WaitGroup wg = new WaitGroup();
      for (String image : images) {
        wg.add(1);
        Go.go(
            () -> {
              try {
                resize(image);
              } finally {
                wg.done();
              }
            });
      }
      wg.await();
    }
  }
}
