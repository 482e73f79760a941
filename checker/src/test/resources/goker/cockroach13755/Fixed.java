import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;

/**
 * cockroach#13755, fixed as upstream: closing the rows cancels their context, and the test closes
 * the rows it opened.
 */
final class Rows {
  private CancelFunc cancel;

  void initContextClose(Context ctx) {
    CancelContext rowsCtx = Context.withCancel(ctx);
    cancel = rowsCtx.cancelFunc();
    Go.go(() -> awaitDone(rowsCtx));
  }

  void awaitDone(Context ctx) {
    ctx.done().receive();
    close(ctx.err());
  }

  void close(Exception err) {
    // FIX (GoKer): end the context
    cancel.cancel();
  }
}

final class Cockroach13755 {
  static void testCockroach13755() {
    Rows rs = new Rows();
    rs.initContextClose(Context.background());
    // FIX (GoKer): close the rows
    rs.close(null);
  }
}
