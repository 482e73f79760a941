package dev.goconc.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class ContextInFieldTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ContextInField.class, getClass());

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
    helper
        .setArgs("-XepCompilingTestOnlyCode")
        .addSourceLines(
            "Case.java",
            "import dev.goconc.Context;",
            "record Case(String name, Context ctx) {}")
        .doTest();
  }
}
