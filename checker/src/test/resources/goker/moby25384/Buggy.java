import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;

/**
 * moby#25384 (GoKer: blocking, Misuse WaitGroup). The plugin manager counts every plugin before
 * its loop, starts one goroutine per plugin, and waits inside the loop: the first wait needs all
 * the goroutines, but only one has been started.
 */
final class Moby25384 {
  static final class Plugin {}

  static final class Manager {
    final List<Plugin> plugins;

    Manager(List<Plugin> plugins) {
      this.plugins = plugins;
    }

    void init() {
      WaitGroup group = new WaitGroup();
      group.add(plugins.size());
      for (Plugin p : plugins) {
        Go.go(() -> group.done());
        // BUG (GoKer): waits for every plugin's goroutine while only this round's has started
        group.await();
      }
    }
  }

  static void testMoby25384() {
    Plugin p1 = new Plugin();
    Plugin p2 = new Plugin();
    Manager pm = new Manager(List.of(p1, p2));
    Go.go(pm::init);
  }
}
