import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;

/**
 * moby#33781 (GoKer: blocking, Channel & Context). The health monitor runs each probe in a
 * goroutine that sends its result on an unbuffered channel. When {@code stop} arrives while a
 * probe runs, the monitor cancels the probe and returns without draining {@code results}: the
 * probe's send blocks forever.
 */
final class Moby33781 {
  static void monitor(Chan<Boolean> stop) {
    Duration probeInterval = Duration.ofNanos(50);
    Duration probeTimeout = Duration.ofNanos(50);
    while (true) {
      boolean stopped = Select.<Boolean>select()
          .recv(stop, v -> true)
          .recv(Time.after(probeInterval), t -> false)
          .run();
      if (stopped) {
        return;
      }
      Chan<Boolean> results = Chan.make();
      CancelContext ctx = Context.withTimeout(Context.background(), probeTimeout);
      Go.go(() -> {
        // BUG (GoKer): the monitor may have returned on stop without draining results
        results.send(true);
        results.close();
      });
      boolean stopWhileProbing = Select.<Boolean>select()
          .recv(stop, v -> {
            ctx.cancel();
            return true;
          })
          .recv(results, ok -> {
            ctx.cancel();
            return false;
          })
          .recv(ctx.done(), v -> {
            ctx.cancel();
            results.receive();
            return false;
          })
          .run();
      if (stopWhileProbing) {
        return;
      }
    }
  }

  static void testMoby33781() {
    Chan<Boolean> stop = Chan.make();
    Go.go(() -> monitor(stop));
    Go.go(() -> {
      try {
        Thread.sleep(Duration.ofNanos(50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      stop.send(true);
    });
  }
}
