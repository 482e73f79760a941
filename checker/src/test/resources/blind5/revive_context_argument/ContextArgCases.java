import dev.goconc.Context;
import java.util.List;
import java.util.function.BiFunction;

/** Cases in the style of revive's context-as-argument test data. */
class ContextArgCases {
  // OK(ContextNotFirstParameter): context first
  void first(Context ctx, String name, int n) {}

  // OK(ContextNotFirstParameter): several leading contexts are fine
  void twoLeading(Context ctx, Context detached, String name) {}

  // BUG(ContextNotFirstParameter): the context is the second parameter
  void second(String name, Context ctx) {}

  // BUG(ContextNotFirstParameter): the context sits in the middle
  <T> T middle(List<T> items, Context ctx, int index) {
    return items.get(index);
  }

  // BUG(ContextNotFirstParameter): after a leading context, a later one is still misplaced
  void lateSecond(Context ctx, String name, Context other) {}

  static class Client {
    // BUG(ContextNotFirstParameter): constructors are judged like methods
    Client(String endpoint, Context ctx) {}

    // OK(ContextNotFirstParameter): constructor with the context first
    Client(Context ctx, String endpoint, int retries) {}
  }

  // OK(ContextNotFirstParameter): no context at all
  void none(String a, int b) {}

  void lambdas() {
    // OK(ContextNotFirstParameter): lambdas are not judged
    BiFunction<String, Context, Integer> f = (s, c) -> s.length();
    f.apply("x", Context.background());
  }

  // OK(ContextNotFirstParameter): varargs after the context
  void varargs(Context ctx, String... names) {}
}
