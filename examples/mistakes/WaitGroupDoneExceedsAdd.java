package mistakes;

import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Set;

/**
 * A WaitGroup's count says how many times {@code done()} will be called. A goroutine counted once
 * that calls {@code done()} on an early path and again in its {@code finally} calls it twice on
 * that path: the counter goes below zero, {@code done()} throws {@code IllegalStateException} (Go
 * panics with "negative WaitGroup counter"), and before that {@code await()} can return while
 * other goroutines still run (kubernetes#13058, where a test's handler called {@code Done} more
 * times than {@code Add} had counted). Let the {@code finally} count the goroutine, alone.
 *
 * @goanalyzer None; GoKer's kubernetes#13058 kernel (a negative WaitGroup counter)
 */
public final class WaitGroupDoneExceedsAdd {
  private WaitGroupDoneExceedsAdd() {}

  static final Set<String> CACHED = Set.of("index.html");

  /** A cached page calls {@code done()} twice: the counter goes negative and the wait ends early. */
  static final class Mistake {
    static void mirror(List<String> pages) {
      WaitGroup wg = new WaitGroup();
      for (String page : pages) {
        wg.add(1);
        Go.go(
            () -> {
              try {
                if (CACHED.contains(page)) {
                  wg.done(); // goconc: expect WaitGroupDoneExceedsAdd
                  return;
                }
                fetch(page);
              } finally {
                wg.done();
              }
            });
      }
      wg.await();
    }
  }

  /** The {@code finally} alone counts the goroutine down, on every path. */
  static final class Fix {
    static void mirror(List<String> pages) {
      WaitGroup wg = new WaitGroup();
      for (String page : pages) {
        wg.add(1);
        Go.go(
            () -> {
              try {
                if (CACHED.contains(page)) {
                  return;
                }
                fetch(page);
              } finally {
                wg.done();
              }
            });
      }
      wg.await();
    }
  }

  static void fetch(String page) {
    System.out.println("fetched " + page);
  }
}
