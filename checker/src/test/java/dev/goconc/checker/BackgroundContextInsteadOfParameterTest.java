package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class BackgroundContextInsteadOfParameterTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(BackgroundContextInsteadOfParameter.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(
          BackgroundContextInsteadOfParameter.class, getClass());

  private static final String[] WORK = {
    "import dev.goconc.Context;",
    "import java.time.Duration;",
    "class Work {",
    "  static void fetch(Context ctx, String url) {}",
    "  static void shutdown(Context ctx) {}",
    "  static Duration d = Duration.ofSeconds(1);",
    "}"
  };

  @Test
  void identification() {
    helper
        .addSourceLines("Work.java", WORK)
        .addSourceLines(
            "Quiet.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Context;",
            "import dev.goconc.Select;",
            "import java.util.Objects;",
            "class Quiet {",
            "  // The entry point makes the root.",
            "  public static void main(String[] args) {",
            "    try (CancelContext ctx = Context.withTimeout(Context.background(), Work.d)) {",
            "      Work.fetch(ctx, \"a\");",
            "      Work.fetch(Context.background(), \"b\");",
            "    }",
            "  }",
            "  // Initialisers and fields are entry points, or ContextInField's domain.",
            "  static final Context ROOT;",
            "  static {",
            "    ROOT = Context.background();",
            "    Work.fetch(Context.background(), \"init\");",
            "  }",
            "  private Context root = Context.todo();",
            "  void keep(Context ctx) {",
            "    this.root = Context.background();",
            "  }",
            "  // The correct idiom: pass the context on.",
            "  void propagate(Context ctx) {",
            "    Work.fetch(ctx, \"c\");",
            "  }",
            "  // The documented way to detach.",
            "  void detach(Context ctx) {",
            "    Work.fetch(Context.withoutCancel(ctx), \"audit\");",
            "  }",
            "  // Null fallbacks.",
            "  void fallback(Context ctx) {",
            "    Work.fetch(ctx != null ? ctx : Context.background(), \"d\");",
            "    Work.fetch(Objects.requireNonNullElse(ctx, Context.todo()), \"e\");",
            "    if (ctx == null) {",
            "      ctx = Context.background();",
            "    }",
            "  }",
            "  // Cleanup in finally must run even though ctx is cancelled.",
            "  void cleanup(Context ctx) {",
            "    try {",
            "      Work.fetch(ctx, \"f\");",
            "    } finally {",
            "      Work.shutdown(Context.background());",
            "    }",
            "  }",
            "  // Graceful shutdown after ctx.done() fired.",
            "  void serve(Context ctx) {",
            "    ctx.done().receive();",
            "    try (CancelContext grace = Context.withTimeout(Context.background(), Work.d)) {",
            "      Work.shutdown(grace);",
            "    }",
            "  }",
            "  void serveSelect(Context ctx) {",
            "    Select.<Void>select()",
            "        .recv(ctx.done(), v -> { Work.shutdown(Context.background()); return null; })",
            "        .run();",
            "  }",
            "  void serveErr(Context ctx) {",
            "    if (ctx.err() != null) {",
            "      Work.shutdown(Context.background());",
            "    }",
            "  }",
            "  // An object that carries a context is not a Context in scope.",
            "  record Request(String url) { Context context() { return null; } }",
            "  void handle(Request req) {",
            "    Work.fetch(Context.background(), req.url());",
            "  }",
            "  // A context this method made itself from the root is not the caller's.",
            "  void batch() {",
            "    Context root = Context.background();",
            "    CancelContext child = Context.withCancel(root);",
            "    Work.fetch(Context.background(), \"g\");",
            "  }",
            "  // Discarded, compared or asked a question: nothing is handed to work.",
            "  void discard(Context ctx) {",
            "    Context.background();",
            "    boolean root = ctx == Context.background();",
            "    System.out.println(Context.background().deadline());",
            "  }",
            "  @org.junit.jupiter.api.Test",
            "  void aTest() {",
            "    Context ctx = Context.background();",
            "    Runnable r = () -> Work.fetch(Context.background(), \"h\");",
            "  }",
            "}")
        .addSourceLines(
            "Service.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Context;",
            "import dev.goconc.ErrGroup;",
            "import dev.goconc.Go;",
            "import java.util.function.BiConsumer;",
            "class Service {",
            "  void fetch(Context ctx) {",
            "    // BUG: Diagnostic contains: Context.background() drops the cancellation and"
                + " deadline of 'ctx'",
            "    Work.fetch(Context.background(), \"a\");",
            "  }",
            "  void todo(Context ctx) {",
            "    // BUG: Diagnostic contains: Context.todo() drops the cancellation",
            "    Work.fetch(Context.todo(), \"b\");",
            "  }",
            "  void wrapped(Context ctx) {",
            "    // BUG: Diagnostic contains: deadline of 'ctx'",
            "    try (CancelContext c = Context.withTimeout(Context.background(), Work.d)) {",
            "      Work.fetch(c, \"c\");",
            "    }",
            "  }",
            "  void lambda(Context ctx) {",
            "    // BUG: Diagnostic contains: deadline of 'ctx'",
            "    Runnable r = () -> Work.fetch(Context.background(), \"d\");",
            "  }",
            "  void goroutine(Context ctx) {",
            "    // BUG: Diagnostic contains: deadline of 'ctx'",
            "    Go.go(() -> Work.fetch(Context.background(), \"e\"));",
            "  }",
            "  BiConsumer<Context, String> handler =",
            "      // BUG: Diagnostic contains: deadline of 'requestCtx'",
            "      (requestCtx, url) -> Work.fetch(Context.background(), url);",
            "  void localFromRequest(Quiet.Request req) {",
            "    Context rctx = req.context();",
            "    // BUG: Diagnostic contains: deadline of 'rctx'",
            "    Context bg = Context.background();",
            "    Work.fetch(bg, \"f\");",
            "  }",
            "  Context pick(Context ctx) {",
            "    // BUG: Diagnostic contains: deadline of 'ctx'",
            "    return Context.background();",
            "  }",
            "  void anonymous(Context ctx) {",
            "    new Thread() {",
            "      @Override public void run() {",
            "        // BUG: Diagnostic contains: deadline of 'ctx'",
            "        Work.fetch(Context.background(), \"g\");",
            "      }",
            "    }.start();",
            "  }",
            "  void group(Context ctx) {",
            "    ErrGroup g = ErrGroup.withContext(ctx);",
            "    // BUG: Diagnostic contains: deadline of 'ctx'",
            "    g.go(() -> Work.fetch(Context.background(), \"h\"));",
            "  }",
            "  void cancelParam(CancelContext job) {",
            "    // BUG: Diagnostic contains: deadline of 'job'",
            "    Work.fetch(Context.background(), \"i\");",
            "  }",
            "  void innermost(Context ctx) {",
            "    try (CancelContext child = Context.withTimeout(ctx, Work.d)) {",
            "      // BUG: Diagnostic contains: deadline of 'child'",
            "      Work.fetch(Context.background(), \"j\");",
            "    }",
            "  }",
            "  void notInFinally(Context ctx) {",
            "    try {",
            "      // BUG: Diagnostic contains: deadline of 'ctx'",
            "      Work.fetch(Context.background(), \"k\");",
            "    } finally {",
            "      Work.shutdown(ctx);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /** The root reaches the work through a switch expression's arm or a {@code yield}. */
  @Test
  void valuesThroughSwitchExpressions() {
    helper
        .addSourceLines("Work.java", WORK)
        .addSourceLines(
            "Switches.java",
            "import dev.goconc.Context;",
            "class Switches {",
            "  private Context fallback;",
            "  // Stored in a field: ContextInField's domain, not this rule's.",
            "  void stores(Context ctx, int mode) {",
            "    fallback = switch (mode) {",
            "      case 0 -> ctx;",
            "      default -> Context.background();",
            "    };",
            "  }",
            "  void arrowArm(Context ctx, int mode) {",
            "    Work.fetch(switch (mode) {",
            "      case 0 -> ctx;",
            "      // BUG: Diagnostic contains: drops the cancellation and deadline of 'ctx'",
            "      default -> Context.background();",
            "    }, \"a\");",
            "  }",
            "  void yieldArm(Context ctx, int mode) {",
            "    Context chosen = switch (mode) {",
            "      case 0 -> ctx;",
            "      default -> {",
            "        System.out.println(mode);",
            "        // BUG: Diagnostic contains: drops the cancellation and deadline of 'ctx'",
            "        yield Context.background();",
            "      }",
            "    };",
            "    Work.fetch(chosen, \"b\");",
            "  }",
            "}")
        .doTest();
  }

  /**
   * A local declared without a value and assigned on branches is not offered as the context in
   * scope (which value it holds at the point, if any, is not read): the parameter is.
   */
  @Test
  void localsAssignedOnBranches() {
    helper
        .addSourceLines("Work.java", WORK)
        .addSourceLines(
            "Branches.java",
            "import dev.goconc.Context;",
            "class Branches {",
            "  // The caller's context on one branch; the other branch's root is flagged against",
            "  // the parameter, not against the local being assigned.",
            "  void oneBranchPasses(Context ctx, boolean detached) {",
            "    Context chosen;",
            "    if (detached) {",
            "      // BUG: Diagnostic contains: deadline of 'ctx'",
            "      chosen = Context.background();",
            "    } else {",
            "      chosen = ctx;",
            "    }",
            "    Work.fetch(chosen, \"a\");",
            "  }",
            "  void bothBranchesRoot(Context ctx, boolean fast) {",
            "    Context chosen;",
            "    if (fast) {",
            "      // BUG: Diagnostic contains: deadline of 'ctx', which is in scope",
            "      chosen = Context.background();",
            "    } else {",
            "      // BUG: Diagnostic contains: deadline of 'ctx', which is in scope",
            "      chosen = Context.todo();",
            "    }",
            "    Work.fetch(chosen, \"b\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void handlerLambdaInsideAnEntryPointIsJudged() {
    helper
        .addSourceLines("Work.java", WORK)
        .addSourceLines(
            "Main.java",
            "import dev.goconc.Context;",
            "import java.util.function.BiConsumer;",
            "class Main {",
            "  static BiConsumer<Context, String> handler;",
            "  public static void main(String[] args) {",
            "    Work.fetch(Context.background(), \"startup\");",
            "    // BUG: Diagnostic contains: deadline of 'ctx'",
            "    handler = (ctx, url) -> Work.fetch(Context.background(), url);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void quietInTestOnlyCode() {
    StrictRules.compilation(BackgroundContextInsteadOfParameter.class, getClass(), "-XepCompilingTestOnlyCode")
        .addSourceLines("Work.java", WORK)
        .addSourceLines(
            "Fixture.java",
            "import dev.goconc.Context;",
            "class Fixture {",
            "  void run(Context ctx) {",
            "    Work.fetch(Context.background(), \"a\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fixPassesTheContextInScope() {
    refactoring
        .addInputLines("Work.java", WORK)
        .expectUnchanged()
        .addInputLines(
            "Service.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Context;",
            "import dev.goconc.Go;",
            "class Service {",
            "  void fetch(Context ctx) {",
            "    Work.fetch(Context.background(), \"a\");",
            "    Go.go(() -> Work.fetch(Context.todo(), \"b\"));",
            "    try (CancelContext child = Context.withTimeout(ctx, Work.d)) {",
            "      Work.fetch(Context.background(), \"c\");",
            "    }",
            "  }",
            "}")
        .addOutputLines(
            "Service.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Context;",
            "import dev.goconc.Go;",
            "class Service {",
            "  void fetch(Context ctx) {",
            "    Work.fetch(ctx, \"a\");",
            "    Go.go(() -> Work.fetch(ctx, \"b\"));",
            "    try (CancelContext child = Context.withTimeout(ctx, Work.d)) {",
            "      Work.fetch(child, \"c\");",
            "    }",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheCapturedContextIsReassigned() {
    refactoring
        .addInputLines("Work.java", WORK)
        .expectUnchanged()
        .addInputLines(
            "Service.java",
            "import dev.goconc.Context;",
            "import dev.goconc.Go;",
            "class Service {",
            "  void fetch(Context ctx, Context other) {",
            "    ctx = other;",
            "    Go.go(() -> Work.fetch(Context.background(), \"a\"));",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}
