import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.concurrent.ThreadLocalRandom;

/**
 * grpc#660, fixed: the round's goroutine no longer depends on the loop receiving its signal; the
 * {@code done} channel has room for it.
 */
final class BenchmarkClient {
  final Chan<Boolean> stop;

  BenchmarkClient(Chan<Boolean> stop) {
    this.stop = stop;
  }

  void doCloseLoopUnary() {
    while (true) {
      // FIX (GoKer): one slot for the round's one signal
      Chan<Boolean> done = Chan.make(1);
      Go.go(() -> {
        if (ThreadLocalRandom.current().nextInt(10) > 7) {
          done.send(false);
          return;
        }
        done.send(true);
      });
      boolean stopped = Select.<Boolean>select()
          .recv(stop, v -> true)
          .recv(done, ok -> false)
          .run();
      if (stopped) {
        return;
      }
    }
  }
}

final class Grpc660 {
  static void testGrpc660() {
    BenchmarkClient bc = new BenchmarkClient(Chan.make());
    Go.go(bc::doCloseLoopUnary);
    Go.go(() -> bc.stop.send(true));
  }
}
