import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.util.function.BiFunction;

class Args {
  // BUG(ContextNotFirstParameter): context after the name
  static String lookup(String name, Context ctx) {
    return ctx.err() == null ? name : "";
  }

  // BUG(ContextNotFirstParameter): a CancelContext second is misplaced too
  static void run(int n, CancelContext ctx) {
    ctx.cancel();
  }

  // BUG(ContextNotFirstParameter): only the first misplaced context is reported
  static void two(String a, Context c1, Context c2) {}

  // OK(ContextNotFirstParameter): several leading contexts are fine
  static void leading(Context parent, Context child, String what) {}

  // OK(ContextNotFirstParameter): context first
  static void first(Context ctx, String a, int b) {}

  // OK(ContextNotFirstParameter): no context at all
  static void none(String a, int b) {}

  static final class Client {
    private final String base;

    // BUG(ContextNotFirstParameter): constructors are judged like methods
    Client(String base, Context ctx) {
      this.base = base + (ctx.err() == null ? "" : "?");
    }

    String base() {
      return base;
    }
  }

  static String viaLambda() {
    // OK(ContextNotFirstParameter): lambdas are not judged
    BiFunction<String, Context, String> f = (s, c) -> s + c.err();
    return f.apply("x", Context.background());
  }
}
