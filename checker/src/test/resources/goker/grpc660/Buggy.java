import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.concurrent.ThreadLocalRandom;

/**
 * grpc#660 (GoKer: blocking, Channel). Each round of the benchmark client's loop starts a call in
 * a goroutine and waits for its {@code done} signal or for {@code stop}. When {@code stop} wins,
 * the loop returns and the round's goroutine waits on its unbuffered send forever.
 */
final class BenchmarkClient {
  final Chan<Boolean> stop;

  BenchmarkClient(Chan<Boolean> stop) {
    this.stop = stop;
  }

  void doCloseLoopUnary() {
    while (true) {
      Chan<Boolean> done = Chan.make();
      Go.go(() -> {
        if (ThreadLocalRandom.current().nextInt(10) > 7) {
          // BUG (GoKer): once the loop returned on stop, nobody receives
          done.send(false);
          return;
        }
        // BUG (GoKer): once the loop returned on stop, nobody receives
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
