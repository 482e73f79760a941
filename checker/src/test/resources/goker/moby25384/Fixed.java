import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;

/** moby#25384, fixed as upstream: the manager waits once, after the loop has started them all. */
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
      }
      // FIX (GoKer): after the loop
      group.await();
    }
  }

  static void testMoby25384() {
    Plugin p1 = new Plugin();
    Plugin p2 = new Plugin();
    Manager pm = new Manager(List.of(p1, p2));
    Go.go(pm::init);
  }
}
