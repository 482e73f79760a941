import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * kubernetes#5316, fixed as upstream: each channel has room for its one value, so the goroutine
 * ends whether or not the parent still waits.
 */
final class Kubernetes5316 {
  static void finishRequest(Duration timeout, Callable<Object> fn) {
    // FIX (GoKer): one slot each
    Chan<Boolean> ch = Chan.make(1);
    Chan<Exception> errCh = Chan.make(1);
    Go.go(() -> {
      try {
        fn.call();
      } catch (Exception err) {
        errCh.send(err);
        return;
      }
      ch.send(true);
    });

    Select.<Void>select()
        .recv(ch, ok -> null)
        .recv(errCh, err -> null)
        .recv(Time.after(timeout), t -> null)
        .run();
  }

  static void testKubernetes5316() {
    Callable<Object> fn = () -> {
      Thread.sleep(2);
      if (ThreadLocalRandom.current().nextInt(10) > 5) {
        throw new Exception("Error");
      }
      return null;
    };
    Go.go(() -> finishRequest(Duration.ofMillis(1), fn));
  }
}
