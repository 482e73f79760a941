import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Polls a flag service and keeps a local copy of the flags. */
class FlagPoller {
  interface FlagService {
    Map<String, Boolean> fetch(Context ctx);
  }

  private final Map<String, Boolean> flags = new ConcurrentHashMap<>();
  // BUG(ContextInField): the poller keeps a request-scoped context in a field
  private final Context requestCtx;
  // BUG(LostCancel): no method of the class ever calls this cancel function
  private final CancelFunc stopPolling;

  FlagPoller(Context ctx, FlagService service, Duration every) {
    this.requestCtx = ctx;
    CancelContext pollCtx = Context.withCancel(ctx);
    this.stopPolling = pollCtx.cancelFunc();
    Go.go(() -> {
      while (pollCtx.err() == null) {
        flags.putAll(service.fetch(pollCtx));
        Select.<Void>select()
            .recv(Time.after(every), t -> null)
            .recv(pollCtx.done(), x -> null)
            .run();
      }
    });
  }

  boolean enabled(String flag) {
    return requestCtx.err() == null && flags.getOrDefault(flag, false);
  }

  /** The same poller done right: the owner can stop it. */
  static final class Stoppable implements AutoCloseable {
    private final Map<String, Boolean> flags = new ConcurrentHashMap<>();
    // OK(LostCancel): close() calls it
    private final CancelFunc stopPolling;

    Stoppable(Context ctx, FlagService service, Duration every) {
      // OK(LostCancel): its cancel function is stored in a field that close() calls
      CancelContext pollCtx = Context.withCancel(ctx);
      this.stopPolling = pollCtx.cancelFunc();
      Go.go(() -> {
        while (pollCtx.err() == null) {
          flags.putAll(service.fetch(pollCtx));
          Select.<Void>select()
              .recv(Time.after(every), t -> null)
              .recv(pollCtx.done(), x -> null)
              .run();
        }
      });
    }

    boolean enabled(String flag) {
      return flags.getOrDefault(flag, false);
    }

    @Override
    public void close() {
      stopPolling.cancel();
    }
  }
}
