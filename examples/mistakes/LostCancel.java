package mistakes;

import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.time.Duration;

/**
 * A context made by {@code withCancel}, {@code withTimeout} or {@code withDeadline} stays
 * registered with its parent, and keeps its timer, until it is cancelled. A context nobody
 * cancels lives as long as its parent: in a server whose parent context lives for the process,
 * every request leaks a timer and a child registration. Cancelling on every path — with
 * try-with-resources, Go's {@code defer cancel()} — releases them as soon as the work is done.
 *
 * @goanalyzer go vet lostcancel
 */
public final class LostCancel {
  private LostCancel() {}

  static String download(Context ctx, String url) {
    return ctx.err() == null ? "body of " + url : "";
  }

  /** The timeout context is never cancelled: its timer runs for two seconds after the return. */
  static final class Mistake {
    static String fetch(Context parent, String url) {
      CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(2)); // goconc: expect LostCancel
      return download(ctx, url);
    }
  }

  /** try-with-resources cancels the context on every path out of the block. */
  static final class Fix {
    static String fetch(Context parent, String url) {
      try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(2))) {
        return download(ctx, url);
      }
    }
  }
}
