import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.function.Supplier;

/**
 * moby#4395 (GoKer: blocking, Channel). {@code go(f)} runs {@code f} in a goroutine and hands its
 * error back on an unbuffered channel. A caller that does not care about the error never receives
 * it, and the goroutine waits on its send forever.
 */
final class Moby4395 {
  static Chan<Exception> go(Supplier<Exception> f) {
    Chan<Exception> ch = Chan.make();
    Go.go(() -> {
      // BUG (GoKer): nobody receives the error, so this send blocks forever
      ch.send(f.get());
    });
    return ch;
  }

  static void testMoby4395() {
    // BUG (GoKer): the caller drops the only channel the goroutine's send can be received from
    go(() -> new Exception(""));
  }
}
