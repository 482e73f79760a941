package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import dev.goconc.checker.model.Calls;
import org.junit.jupiter.api.Test;

final class ContextNotFirstParameterTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(ContextNotFirstParameter.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(ContextNotFirstParameter.class, getClass());

  @Test
  void identification() {
    helper
        .addSourceLines(
            "Quiet.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Context;",
            "import java.util.List;",
            "import java.util.function.BiFunction;",
            "abstract class Quiet {",
            "  // Go's convention: the context leads.",
            "  void fetch(Context ctx, String url, int retries) {}",
            "  // Several leading contexts are fine.",
            "  void merge(Context parent, CancelContext child, String name) {}",
            "  // A context alone, or no context at all.",
            "  void only(Context ctx) {}",
            "  void none(String a, int b) {}",
            "  // A type that merely contains a context is not a context.",
            "  void batch(String name, List<Context> contexts) {}",
            "  // Lambdas are not judged.",
            "  BiFunction<String, Context, String> f = (name, ctx) -> name;",
            "  Quiet(Context ctx, String name) {}",
            "  // Varargs of contexts are an array, not a context.",
            "  void all(String name, Context... contexts) {}",
            "  abstract void declared(Context ctx, long id);",
            "}")
        .addSourceLines(
            "Handler.java",
            "import dev.goconc.Context;",
            "import java.util.function.BiConsumer;",
            "// The signature of accept is fixed by the JDK's interface.",
            "class Handler implements BiConsumer<String, Context> {",
            "  @Override",
            "  public void accept(String name, Context ctx) {}",
            "}")
        .addSourceLines(
            "Call.java",
            "import dev.goconc.Context;",
            "// A record's canonical constructor follows its header.",
            "record Call(String method, Context ctx) {",
            "  Call {",
            "    java.util.Objects.requireNonNull(method);",
            "  }",
            "}")
        .addSourceLines(
            "NoRuntime.java",
            "// No goconc import: not analysed.",
            "class NoRuntime {",
            "  void f(String a, java.util.concurrent.Callable<String> ctx) {}",
            "}")
        .addSourceLines(
            "Service.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Context;",
            "abstract class Service {",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' of 'fetch' comes after 'url'",
            "  void fetch(String url, Context ctx) {}",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' of 'retry' comes after 'times'",
            "  public void retry(String url, int times, Context ctx) {}",
            "  // BUG: Diagnostic contains: Context parameter 'child' of 'derived' comes after 'id'",
            "  static void derived(long id, CancelContext child) {}",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' of the constructor of Service",
            "  Service(String name, Context ctx) {}",
            "  // BUG: Diagnostic contains: Context parameter 'late' of 'twice' comes after 'name'",
            "  void twice(Context ctx, String name, Context late, Context later) {}",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' of 'declared' comes after 'id'",
            "  abstract void declared(long id, Context ctx);",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' of 'generic'",
            "  <T> T generic(Class<T> type, Context ctx) { return null; }",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' of 'annotated'",
            "  void annotated(@Deprecated String s, final Context ctx) {}",
            "  interface Store {",
            "    // BUG: Diagnostic contains: Context parameter 'ctx' of 'get' comes after 'key'",
            "    String get(String key, Context ctx);",
            "  }",
            "  // The override is quiet: Store.get above is the place to fix.",
            "  static final class Memory implements Store {",
            "    @Override",
            "    public String get(String key, Context ctx) { return key; }",
            "  }",
            "  void local() {",
            "    class Worker {",
            "      // BUG: Diagnostic contains: Context parameter 'ctx' of 'run' comes after 'n'",
            "      void run(int n, Context ctx) {}",
            "    }",
            "  }",
            "}")
        .addSourceLines(
            "Pair.java",
            "import dev.goconc.Context;",
            "// BUG: Diagnostic contains: Context parameter 'ctx' of 'with' comes after 'name'",
            "record Pair(String name, int n) { Pair with(String name, Context ctx) { return this; } }")
        .doTest();
  }

  @Test
  void allowedBeforeLetsConfiguredTypesLead() {
    StrictRules.compilation(ContextNotFirstParameter.class, getClass(), "-XepOpt:ContextNotFirstParameter:AllowedBefore=java.lang.Thread, StringBuilder")
        .addSourceLines(
            "Probe.java",
            "import dev.goconc.Context;",
            "class Probe {",
            "  void check(Thread handle, Context ctx, String name) {}",
            "  void both(StringBuilder out, Thread handle, Context ctx) {}",
            "  // BUG: Diagnostic contains: Context parameter 'ctx' of 'other' comes after 'name'",
            "  void other(Thread handle, String name, Context ctx) {}",
            "}")
        .doTest();
  }

  @Test
  void fixMovesTheContextFirstInAPrivateMethodAndEveryCall() {
    refactoring
        .addInputLines(
            "Worker.java",
            "import dev.goconc.Context;",
            "class Worker {",
            "  void run(Context ctx) {",
            "    process(\"a\", 1, ctx);",
            "    process(\"b\" + 2, compute(3), Context.background());",
            "  }",
            "  private int compute(int x) { return x; }",
            "  private void process(String name, int n, final Context ctx) {",
            "    System.out.println(name + n);",
            "  }",
            "}")
        .addOutputLines(
            "Worker.java",
            "import dev.goconc.Context;",
            "class Worker {",
            "  void run(Context ctx) {",
            "    process(ctx, \"a\", 1);",
            "    process(Context.background(), \"b\" + 2, compute(3));",
            "  }",
            "  private int compute(int x) { return x; }",
            "  private void process(final Context ctx, String name, int n) {",
            "    System.out.println(name + n);",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixReordersPrivateConstructorAndThisCall() {
    refactoring
        .addInputLines(
            "Job.java",
            "import dev.goconc.Context;",
            "class Job {",
            "  private Job(String name, Context ctx) {}",
            "  Job(Context ctx) {",
            "    this(\"default\", ctx);",
            "  }",
            "  static Job of(Context ctx) {",
            "    return new Job(\"x\", ctx);",
            "  }",
            "}")
        .addOutputLines(
            "Job.java",
            "import dev.goconc.Context;",
            "class Job {",
            "  private Job(Context ctx, String name) {}",
            "  Job(Context ctx) {",
            "    this(ctx, \"default\");",
            "  }",
            "  static Job of(Context ctx) {",
            "    return new Job(ctx, \"x\");",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhereCodeOutsideTheUnitMayCall() {
    refactoring
        .addInputLines(
            "Api.java",
            "import dev.goconc.Context;",
            "import java.util.function.BiConsumer;",
            "class Api {",
            "  // Package-private: another file of the package may call it.",
            "  void open(String name, Context ctx) {}",
            "  // Named by a method reference: reordering would break the reference.",
            "  private void close(String name, Context ctx) {}",
            "  BiConsumer<String, Context> closer = this::close;",
            "  // Calls nested in each other's arguments.",
            "  private String echo(String s, Context ctx) { return s; }",
            "  String twice(Context ctx) { return echo(echo(\"a\", ctx), ctx); }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}
