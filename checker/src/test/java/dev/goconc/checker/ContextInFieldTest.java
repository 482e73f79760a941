package dev.goconc.checker;

import com.google.errorprone.CompilationTestHelper;
import dev.goconc.checker.api.GoconcApi;
import org.junit.jupiter.api.Test;

final class ContextInFieldTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(ContextInField.class, getClass());

  @Test
  void identification() {
    helper
        .addSourceLines(
            "Quiet.java",
            "import dev.goconc.CancelFunc;",
            "import dev.goconc.Context;",
            "import java.util.List;",
            "import java.util.function.Supplier;",
            "class Quiet {",
            "  // An owner keeping the power to cancel is Go's idiom.",
            "  private CancelFunc stop;",
            "  // Types that contain a context are not judged.",
            "  private List<Context> history;",
            "  private Supplier<Context> contexts;",
            "  void serve(Context ctx) {",
            "    Context local = ctx;",
            "    Runnable r = () -> System.out.println(local);",
            "  }",
            "}")
        .addSourceLines(
            "Server.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Context;",
            "class Server {",
            "  // BUG: Diagnostic contains: Context stored in field 'ctx'",
            "  private final Context ctx;",
            "  // BUG: Diagnostic contains: Context stored in field 'root'",
            "  static Context root = Context.background();",
            "  // BUG: Diagnostic contains: Context stored in field 'request'",
            "  private CancelContext request;",
            "  Server(Context ctx) {",
            "    this.ctx = ctx;",
            "  }",
            "}")
        .addSourceLines(
            "Job.java",
            "import dev.goconc.Context;",
            "// BUG: Diagnostic contains: Context stored in field 'ctx'",
            "record Job(Context ctx, String name) {}")
        .doTest();
  }

  @Test
  void quietInTestOnlyCode() {
    StrictRules.compilation(ContextInField.class, getClass(), "-XepCompilingTestOnlyCode")
        .addSourceLines(
            "Case.java",
            "import dev.goconc.Context;",
            "record Case(String name, Context ctx) {}")
        .doTest();
  }

  /**
   * The Java counterparts of containedctx's test data (testdata/src/a): its quiet structs, its
   * flagged struct, and its aliased import, plus the Go shapes containedctx reaches by walking
   * every struct type (local and anonymous types) and those it leaves alone by matching the
   * field's exact type (pointers, slices, maps, functions).
   */
  @Test
  void containedctxCounterparts() {
    helper
        .addSourceLines(
            "Ok.java",
            "import dev.goconc.Context;",
            "import java.util.Map;",
            "import java.util.concurrent.atomic.AtomicReference;",
            "import java.util.function.Supplier;",
            "// type ok struct { i int; s string }",
            "class Ok {",
            "  int i;",
            "  String s;",
            "}",
            "// type empty struct{}",
            "class Empty {}",
            "// A pointer, slice, map or func of a context is not a context: quiet, as there.",
            "class Holders {",
            "  AtomicReference<Context> pointer;",
            "  Context[] slice;",
            "  Map<String, Context> byName;",
            "  Supplier<Context> factory;",
            "}",
            "// An interface method returning a context is no struct field.",
            "interface Source {",
            "  Context context();",
            "}")
        .addSourceLines(
            "Ng.java",
            "import dev.goconc.Context;",
            "// type ng struct { ctx context.Context }",
            "class Ng {",
            "  // BUG: Diagnostic contains: Context stored in field 'ctx'",
            "  Context ctx;",
            "}")
        .addSourceLines(
            "NamedNg.java",
            "// import xcontext \"context\"; type namedng struct { ctx xcontext.Context }",
            "// Java has no import alias: the context's type is named another way.",
            "import dev.goconc.*;",
            "class NamedNg {",
            "  // BUG: Diagnostic contains: Context stored in field 'ctx'",
            "  Context ctx;",
            "  // BUG: Diagnostic contains: Context stored in field 'qualified'",
            "  dev.goconc.Context qualified;",
            "}")
        .addSourceLines(
            "Nested.java",
            "import dev.goconc.Context;",
            "class Nested {",
            "  // Struct types declared inside functions and anonymous structs are walked too.",
            "  void handle(Context ctx) {",
            "    // BUG: Diagnostic contains: Context stored in field 'ctx'",
            "    record Local(Context ctx, int attempt) {}",
            "    Object anonymous = new Object() {",
            "      // BUG: Diagnostic contains: Context stored in field 'held'",
            "      Context held = ctx;",
            "    };",
            "  }",
            "  static class Inner {",
            "    // BUG: Diagnostic contains: Context stored in field 'inner'",
            "    private final Context inner = Context.background();",
            "  }",
            "}")
        .doTest();
  }

  /**
   * Deliberate difference: a file that names the runtime only by fully qualified names is not
   * analysed (GoconcApi.mentionsRuntime), where containedctx would report the field.
   */
  @Test
  void fullyQualifiedOnlyFilesAreNotAnalysed() {
    helper
        .addSourceLines(
            "Qualified.java",
            "class Qualified {",
            "  dev.goconc.Context ctx;",
            "}")
        .doTest();
  }
}
