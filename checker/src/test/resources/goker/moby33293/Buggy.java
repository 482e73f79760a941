import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.util.concurrent.ThreadLocalRandom;

/**
 * moby#33293 (GoKer: blocking, Channel). {@code containerWait} reports an early error on the
 * channel it returns, but it sends before returning it: on the unbuffered channel nobody can be
 * receiving yet, so the method itself blocks forever.
 */
final class Moby33293 {
  static Exception mayReturnError() {
    if (ThreadLocalRandom.current().nextInt(2) >= 1) {
      return new Exception("Error");
    }
    return null;
  }

  static RecvChan<Exception> containerWait() {
    Chan<Exception> errC = Chan.make();
    Exception err = mayReturnError();
    if (err != null) {
      // BUG (GoKer): the caller gets the channel only after this send, which therefore never ends
      errC.send(err);
      return errC;
    }
    return errC;
  }

  static void testMoby33293() {
    Go.go(() -> {
      RecvChan<Exception> err = containerWait();
      if (err != null) {
        return;
      }
    });
  }
}
