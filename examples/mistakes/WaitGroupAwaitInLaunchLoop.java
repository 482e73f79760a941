package mistakes;

import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;

/**
 * A WaitGroup's count says how many goroutines {@code await()} waits for. When the count for every
 * goroutine of a loop is added before the loop and the await sits inside it, the first round
 * waits for goroutines that later rounds have not started: the count never reaches zero and the
 * method hangs (moby#25384, where plugin loading hung this way). Await once, after the loop that
 * starts them all.
 *
 * @goanalyzer None; GoKer's moby#25384 kernel
 */
public final class WaitGroupAwaitInLaunchLoop {
  private WaitGroupAwaitInLaunchLoop() {}

  /** Hangs in the first round whenever there is more than one plugin. */
  static final class Mistake {
    static void loadAll(List<String> plugins) {
      WaitGroup wg = new WaitGroup();
      wg.add(plugins.size());
      for (String plugin : plugins) {
        Go.go(
            () -> {
              try {
                load(plugin);
              } finally {
                wg.done();
              }
            });
        wg.await(); // goconc: expect WaitGroupAwaitInLaunchLoop
      }
    }
  }

  /** Starts every goroutine, then waits for all of them. */
  static final class Fix {
    static void loadAll(List<String> plugins) {
      WaitGroup wg = new WaitGroup();
      wg.add(plugins.size());
      for (String plugin : plugins) {
        Go.go(
            () -> {
              try {
                load(plugin);
              } finally {
                wg.done();
              }
            });
      }
      wg.await();
    }
  }

  static void load(String plugin) {
    System.out.println("loaded " + plugin);
  }
}
