import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;

/**
 * kubernetes#25331, fixed: the goroutine no longer cancels the context itself (GoKer notes that the
 * upstream fix removed that call), and it sends the result in a select that also watches the
 * context, which {@code stop()} cancels.
 */
final class WatchChan {
  // The watch's lifetime context: kept in the watcher on purpose, as kubernetes does.
  @SuppressWarnings("ContextInField")
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
          // FIX (GoKer): no cancel here; give up on the send when stopped
          return Select.<Void>select()
              .send(resultChan, errResult, () -> null)
              .recv(ctx.done(), v -> null)
              .run();
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
