package mistakes;

import dev.goconc.Context;

/**
 * A context belongs to one call: it carries that call's deadline and cancellation. Stored in a
 * field, it outlives the call and is used by later calls it never belonged to — work continues
 * after the request that wanted it was cancelled, or every call fails at once because the first
 * request's deadline passed. Passing the context as the first parameter keeps its lifetime
 * visible in every signature.
 *
 * @goanalyzer containedctx
 */
public final class ContextInField {
  private ContextInField() {}

  /** Every {@code fetch} uses the context of the request that built the crawler. */
  static final class Mistake {
    private final Context ctx; // goconc: expect ContextInField

    Mistake(Context ctx) {
      this.ctx = ctx;
    }

    String fetch(String url) {
      return ctx.err() == null ? "fetched " + url : "cancelled";
    }
  }

  /** The context is the first parameter of the method that needs it. */
  static final class Fix {
    String fetch(Context ctx, String url) {
      return ctx.err() == null ? "fetched " + url : "cancelled";
    }
  }
}
