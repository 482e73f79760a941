// Program: small cases after revive's context-as-argument.
import dev.goconc.*;

final class CtxFirst {
  // BUG(ContextNotFirstParameter): a constructor with the context second
  CtxFirst(String name, Context ctx) {
    System.out.println(name + ctx.err());
  }

  // BUG(ContextNotFirstParameter): context last
  static void save(String key, byte[] value, Context ctx) {}

  // OK(ContextNotFirstParameter): several leading contexts are fine
  static void merge(Context a, Context b, String why) {}

  // OK(ContextNotFirstParameter): the only parameter
  static void ping(Context ctx) {}

  static void lambdas() {
    // OK(ContextNotFirstParameter): lambdas are not judged
    java.util.function.BiConsumer<String, Context> f = (s, c) -> save(s, new byte[0], c);
    f.accept("k", Context.background());
  }
}
