import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.function.Supplier;

/** moby#4395, fixed as upstream: the channel has room for the one error, so the send never waits. */
final class Moby4395 {
  static Chan<Exception> go(Supplier<Exception> f) {
    // FIX (GoKer): one slot
    Chan<Exception> ch = Chan.make(1);
    Go.go(() -> {
      ch.send(f.get());
    });
    return ch;
  }

  static void testMoby4395() {
    go(() -> new Exception(""));
  }
}
