import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.util.concurrent.ThreadLocalRandom;

/** moby#33293, fixed: the returned channel has room for the early error. */
final class Moby33293 {
  static Exception mayReturnError() {
    if (ThreadLocalRandom.current().nextInt(2) >= 1) {
      return new Exception("Error");
    }
    return null;
  }

  static RecvChan<Exception> containerWait() {
    // FIX (GoKer): one slot
    Chan<Exception> errC = Chan.make(1);
    Exception err = mayReturnError();
    if (err != null) {
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
