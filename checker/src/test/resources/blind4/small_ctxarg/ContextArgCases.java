import dev.goconc.*;
import java.util.function.BiFunction;

/** Small cases in the style of revive's context-as-argument. */
public class ContextArgCases {
  // BUG(ContextNotFirstParameter): the context comes second
  static String fetch(String url, Context ctx) {
    return ctx.err() == null ? url : "";
  }

  // BUG(ContextNotFirstParameter): the context is last after varargs-like arrays
  static int sum(int[] xs, int offset, Context ctx) {
    return ctx.err() == null ? xs.length + offset : 0;
  }

  // OK(ContextNotFirstParameter): the context first
  static String fetchOk(Context ctx, String url) {
    return ctx.err() == null ? url : "";
  }

  // OK(ContextNotFirstParameter): several leading contexts are fine
  static boolean both(Context request, Context server, String what) {
    return request.err() == null && server.err() == null && !what.isEmpty();
  }

  // OK(ContextNotFirstParameter): no context at all
  static String plain(String a, int b) {
    return a + b;
  }

  // OK(ContextNotFirstParameter): lambdas are not judged
  static final BiFunction<String, Context, String> LOOKUP = (key, ctx) -> ctx.err() == null ? key : null;

  static final class Client {
    private final String base;

    // BUG(ContextNotFirstParameter): a constructor with the context after another parameter
    Client(String base, Context ctx) {
      this.base = ctx.err() == null ? base : "";
    }

    // OK(ContextNotFirstParameter): first parameter of the varargs method
    String get(Context ctx, String... parts) {
      return base + String.join("/", parts) + (ctx.err() == null ? "" : "!");
    }
  }
}
