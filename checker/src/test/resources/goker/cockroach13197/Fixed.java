import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;

/** cockroach#13197, fixed: the test rolls back the transaction it began. */
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
    // The transaction's lifetime context, kept on purpose as database/sql keeps it.
    @SuppressWarnings("ContextInField")
    private final Context ctx;
    private final CancelFunc cancel;

    Tx(Context ctx, CancelFunc cancel) {
      this.ctx = ctx;
      this.cancel = cancel;
    }

    void awaitDone() {
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
    Tx tx = db.begin(Context.background());
    // FIX (GoKer): end the transaction
    tx.rollback();
  }
}
