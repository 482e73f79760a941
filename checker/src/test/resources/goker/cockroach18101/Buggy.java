import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.SendChan;

/**
 * cockroach#18101 (GoKer: blocking, Channel & Context). {@code restore} reads spans that a
 * goroutine produces into a buffered channel, and returns when its context is cancelled. The
 * producer does not watch the context: once the buffer is full it blocks on its next send
 * forever.
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
      // BUG (GoKer): restore has returned on cancellation: the buffer fills and this blocks
      readyForImportCh.send(false || i != 0);
    }
  }

  static void testCockroach18101() {
    CancelContext ctx = Context.withCancel(Context.background());
    Go.go(() -> restore(ctx));
    Go.go(ctx::cancel);
  }
}
