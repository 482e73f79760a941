import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;

/**
 * cockroach#13755 (GoKer: blocking, Channel & Context). A query's rows start a goroutine that
 * waits for the rows' context to end, then closes them. The rows keep the power to cancel that
 * context, but nothing ever uses it: closing the rows does not cancel, and the test never closes
 * them. The goroutine waits forever.
 */
final class Rows {
  // BUG (GoKer): the rows keep their context's cancel, and no path ever calls it
  private CancelFunc cancel;

  void initContextClose(Context ctx) {
    CancelContext rowsCtx = Context.withCancel(ctx);
    cancel = rowsCtx.cancelFunc();
    Go.go(() -> awaitDone(rowsCtx));
  }

  void awaitDone(Context ctx) {
    // BUG (GoKer): nothing cancels the context this waits for
    ctx.done().receive();
    close(ctx.err());
  }

  void close(Exception err) {}
}

final class Cockroach13755 {
  static void testCockroach13755() {
    Rows rs = new Rows();
    rs.initContextClose(Context.background());
  }
}
