import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;

/**
 * cockroach#13197 (GoKer: blocking, Channel & Context). {@code begin} starts a goroutine that waits
 * for the transaction's context to end; only rolling back (or committing) the transaction
 * cancels it. The test begins a transaction and drops it: the goroutine waits forever.
 */
final class Cockroach13197 {
  static final class Db {
    Tx begin(Context ctx) {
      CancelContext txCtx = Context.withCancel(ctx);
      Tx tx = new Tx(txCtx, txCtx.cancelFunc());
      Go.go(tx::awaitDone);
      return tx;
    }
  }

  static final class Tx {
    private final Context ctx;
    private final CancelFunc cancel;

    Tx(Context ctx, CancelFunc cancel) {
      this.ctx = ctx;
      this.cancel = cancel;
    }

    void awaitDone() {
      // BUG (GoKer): the transaction is never rolled back, so nothing cancels its context
      ctx.done().receive();
    }

    void rollback() {
      close();
    }

    private void close() {
      cancel.cancel();
    }
  }

  static void testCockroach13197() {
    Db db = new Db();
    // BUG (GoKer): the transaction is dropped without a rollback
    db.begin(Context.background());
  }
}
