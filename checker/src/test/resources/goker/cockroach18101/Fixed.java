import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.SendChan;

/**
 * cockroach#18101, fixed as upstream: the producer sends in a select that also watches the
 * context, and stops when it is cancelled.
 */
final class Cockroach18101 {
  static final int CHAN_SIZE = 6;

  static boolean restore(Context ctx) {
    Chan<Boolean> readyForImportCh = Chan.make(CHAN_SIZE);
    Go.go(() -> {
      try {
        splitAndScatter(ctx, readyForImportCh);
      } finally {
        readyForImportCh.close();
      }
    });
    for (boolean readyForImportSpan : readyForImportCh) {
      return Select.<Boolean>select()
          .recv(ctx.done(), v -> readyForImportSpan)
          .run();
    }
    return true;
  }

  static void splitAndScatter(Context ctx, SendChan<Boolean> readyForImportCh) {
    for (int i = 0; i < CHAN_SIZE + 2; i++) {
      // FIX (GoKer): stop on cancellation
      boolean sent = Select.<Boolean>select()
          .send(readyForImportCh, false || i != 0, () -> true)
          .recv(ctx.done(), v -> false)
          .run();
      if (!sent) {
        return;
      }
    }
  }

  static void testCockroach18101() {
    CancelContext ctx = Context.withCancel(Context.background());
    Go.go(() -> restore(ctx));
    Go.go(ctx::cancel);
  }
}
