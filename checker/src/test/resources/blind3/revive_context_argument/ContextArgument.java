import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.util.List;
import java.util.function.BiFunction;

/** revive's context-as-argument shapes. */
class ContextArgument {
  // BUG(ContextNotFirstParameter): the context is last
  static int count(String table, Context ctx) {
    return ctx.err() == null ? table.length() : 0;
  }

  // BUG(ContextNotFirstParameter): a CancelContext is a context too
  static void flush(List<String> keys, CancelContext ctx) {
    ctx.cancel();
  }

  // BUG(ContextNotFirstParameter): varargs come after, but the context is still second
  static String join(String sep, Context ctx, String... parts) {
    return String.join(sep, parts);
  }

  // OK(ContextNotFirstParameter): the context is first
  static int countFixed(Context ctx, String table) {
    return ctx.err() == null ? table.length() : 0;
  }

  // OK(ContextNotFirstParameter): several leading contexts are fine
  static boolean both(Context request, Context server, String name) {
    return request.err() == null && server.err() == null && !name.isEmpty();
  }

  // OK(ContextNotFirstParameter): lambdas are not judged
  static final BiFunction<String, Context, Integer> COUNTER = (table, ctx) -> table.length();

  interface Handler {
    // BUG(ContextNotFirstParameter): an interface method is a method too
    void handle(String path, Context ctx);
  }
}
