import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;

/**
 * kubernetes#25331 (GoKer: blocking, Channel & Context). The watch goroutine waits for an error or
 * for its context to end; on an error it cancels the context itself and sends the result on the
 * unbuffered {@code resultChan}. When the error comes from {@code stop()}, nobody reads results
 * any more, and the cancellation that {@code stop()} adds cannot reach a plain send.
 */
final class WatchChan {
  private final Context ctx;
  private final CancelFunc cancel;
  private final Chan<Boolean> resultChan = Chan.make();
  private final Chan<Exception> errChan = Chan.make();

  WatchChan() {
    CancelContext watchCtx = Context.withCancel(Context.background());
    this.ctx = watchCtx;
    this.cancel = watchCtx.cancelFunc();
  }

  void stop() {
    errChan.send(new Exception("Error"));
    cancel.cancel();
  }

  void run() {
    Select.<Void>select()
        .recv(errChan, err -> {
          boolean errResult = !err.getMessage().isEmpty();
          cancel.cancel();
          // BUG (GoKer): nobody receives results after stop(), and this send ignores ctx
          resultChan.send(errResult);
          return null;
        })
        .recv(ctx.done(), v -> null)
        .run();
  }
}

final class Kubernetes25331 {
  static void testKubernetes25331() {
    WatchChan wc = new WatchChan();
    Go.go(wc::run);
    Go.go(wc::stop);
  }
}
