import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * kubernetes#5316 (GoKer: blocking, Channel). {@code finishRequest} runs the request in a goroutine
 * and waits for its result, its error or a timeout. When the timeout wins, the goroutine's send
 * on the unbuffered result or error channel has no receiver any more.
 */
final class Kubernetes5316 {
  static void finishRequest(Duration timeout, Callable<Object> fn) {
    Chan<Boolean> ch = Chan.make();
    Chan<Exception> errCh = Chan.make();
    Go.go(() -> {
      try {
        fn.call();
      } catch (Exception err) {
        // BUG (GoKer): after the timeout nobody receives the error
        errCh.send(err);
        return;
      }
      // BUG (GoKer): after the timeout nobody receives the result
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
