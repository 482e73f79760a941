package dev.goconc.checker.flow;

import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.goconc.checker.StrictRules;
import org.junit.jupiter.api.Test;

/**
 * The control-flow helper on its own: a probe reports every exit reachable from a call to {@code
 * start()} (or from the entry of a method named {@code fromEntry...}) without passing a call to
 * {@code release()}, at the exit (a method's end is reported at the method).
 */
final class ExitPathsTest {

  /** Reports the exits of each method that calls {@code start()}. */
  @BugPattern(summary = "exit probe", severity = ERROR)
  public static final class Probe extends BugChecker implements MethodTreeMatcher {
    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      MethodInvocationTree start = firstCall(tree, "start");
      boolean fromEntry = tree.getName().toString().startsWith("fromEntry");
      if (start == null && !fromEntry) {
        return Description.NO_MATCH;
      }
      ExitPaths.of(state.getPath(), state)
          .ifPresent(
              paths -> {
                for (ExitPaths.Exit exit :
                    fromEntry
                        ? paths.exitsFromEntryAvoiding(Probe::isRelease)
                        : paths.exitsAvoiding(start, Probe::isRelease)) {
                  Tree at = exit.tree() == null ? tree : exit.tree();
                  state.reportMatch(buildDescription(at).setMessage("exit " + exit.kind()).build());
                }
              });
      return Description.NO_MATCH;
    }

    private static boolean isRelease(Tree tree) {
      return tree instanceof MethodInvocationTree call
          && call.getMethodSelect() instanceof IdentifierTree id
          && id.getName().contentEquals("release");
    }

    private static MethodInvocationTree firstCall(MethodTree method, String name) {
      MethodInvocationTree[] found = new MethodInvocationTree[1];
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitExpressionStatement(ExpressionStatementTree node, Void unused) {
          if (found[0] == null
              && node.getExpression() instanceof MethodInvocationTree call
              && call.getMethodSelect() instanceof IdentifierTree id
              && id.getName().contentEquals(name)) {
            found[0] = call;
          }
          return super.visitExpressionStatement(node, null);
        }
      }.scan(method.getBody(), null);
      return found[0];
    }
  }

  private final CompilationTestHelper helper =
      StrictRules.compilation(Probe.class, getClass());

  @Test
  void releasedOnEveryPath() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import java.util.List;
            abstract class Quiet {
              abstract void start();
              abstract void release();
              abstract boolean check();

              int finallyReleases(boolean a) {
                start();
                try {
                  if (a) { return 1; }
                  return 2;
                } finally {
                  release();
                }
              }

              void nestedFinally() {
                start();
                try {
                  try { if (check()) { return; } } finally { System.out.println("inner"); }
                } finally {
                  release();
                }
              }

              void switchFallsThroughToRelease(int k) {
                start();
                switch (k) {
                  case 0:
                    System.out.println("zero");
                  case 1:
                    release();
                    break;
                  default:
                    release();
                }
              }

              void caughtThrowReleases() {
                start();
                try {
                  if (check()) { throw new IllegalStateException(); }
                } catch (IllegalStateException e) {
                  release();
                  return;
                }
                release();
              }

              void infiniteLoop() {
                start();
                while (true) { check(); }
              }

              void lambdaReturnIsNotOurs() {
                start();
                Runnable r = () -> { return; };
                r.run();
                release();
              }

              void labeledContinueReleasesFirst(List<List<Integer>> rows) {
                start();
                outer:
                for (List<Integer> row : rows) {
                  for (int v : row) {
                    if (v < 0) { continue outer; }
                  }
                }
                release();
              }

              int switchExpression(int k) {
                start();
                int v = switch (k) {
                  case 0 -> { release(); yield 0; }
                  default -> { release(); yield 1; }
                };
                return v;
              }

              void synchronizedBlock() {
                start();
                synchronized (this) {
                  check();
                }
                release();
              }
            }
            """)
        .doTest();
  }

  @Test
  void reportsEachKindOfExit() {
    helper
        .addSourceLines(
            "Exits.java",
            """
            import java.util.List;
            abstract class Exits {
              abstract void start();
              abstract void release();
              abstract boolean check();

              int earlyReturn() {
                start();
                if (check()) {
                  // BUG: Diagnostic contains: exit RETURN
                  return 1;
                }
                release();
                return 2;
              }

              // BUG: Diagnostic contains: exit END_OF_BODY
              void endOfBody() {
                start();
                if (check()) { release(); }
              }

              void explicitThrow() {
                start();
                if (check()) {
                  // BUG: Diagnostic contains: exit THROW
                  throw new IllegalStateException();
                }
                release();
              }

              void halts() {
                start();
                if (check()) {
                  // BUG: Diagnostic contains: exit HALT
                  System.exit(2);
                }
                release();
              }

              void labeledBreakSkipsRelease(List<List<Integer>> rows) {
                start();
                outer:
                for (List<Integer> row : rows) {
                  for (int v : row) {
                    if (v < 0) { break outer; }
                    release();
                  }
                }
                // BUG: Diagnostic contains: exit RETURN
                return;
              }

              int tryWithResourcesReturn(java.io.StringReader in) {
                start();
                try (in) {
                  if (check()) {
                    // BUG: Diagnostic contains: exit RETURN
                    return 3;
                  }
                }
                release();
                return 4;
              }

              int startInFinallyIsWalkedOnEveryCopy() {
                try {
                  check();
                } finally {
                  start();
                }
                // BUG: Diagnostic contains: exit RETURN
                return 5;
              }

              void caughtThenReturns() {
                start();
                try {
                  throw new IllegalStateException();
                } catch (IllegalStateException e) {
                  // BUG: Diagnostic contains: exit RETURN
                  return;
                }
              }

              void fromEntryReleasedOnEveryPath() {
                if (check()) {
                  release();
                  return;
                }
                release();
              }

              int fromEntryMissesOnePath() {
                if (check()) {
                  // BUG: Diagnostic contains: exit RETURN
                  return 5;
                }
                release();
                return 6;
              }

              // BUG: Diagnostic contains: exit END_OF_BODY
              void doWhileMayLeave() {
                start();
                do {
                  if (check()) { break; }
                  release();
                } while (check());
              }
            }
            """)
        .doTest();
  }

  /**
   * Reports at each call to {@code mark()} of a method named {@code level...} the least count a
   * path from the entry reaches it with: {@code up()} adds one, {@code down()} takes one (not
   * below 0), and a path ends at {@code stop()}.
   */
  @BugPattern(summary = "level probe", severity = ERROR)
  public static final class LevelProbe extends BugChecker implements MethodTreeMatcher {
    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      if (!tree.getName().toString().startsWith("level") || tree.getBody() == null) {
        return Description.NO_MATCH;
      }
      ExitPaths.of(state.getPath(), state).ifPresent(paths -> {
        java.util.Map<Tree, Integer> least = paths.leastCountsFromEntry((t, count) ->
            switch (calls(t)) {
              case "up" -> count + 1;
              case "down" -> Math.max(0, count - 1);
              case "stop" -> ExitPaths.BLOCKS;
              default -> count;
            });
        least.entrySet().stream()
            .filter(e -> calls(e.getKey()).equals("mark"))
            .forEach(e -> state.reportMatch(
                buildDescription(e.getKey()).setMessage("least " + e.getValue()).build()));
      });
      return Description.NO_MATCH;
    }

    private static String calls(Tree tree) {
      return tree instanceof MethodInvocationTree call
              && call.getMethodSelect() instanceof IdentifierTree id
          ? id.getName().toString()
          : "";
    }
  }

  @Test
  void leastCountsAlongEveryPath() {
    StrictRules.compilation(LevelProbe.class, getClass())
        .addSourceLines(
            "Levels.java",
            """
            abstract class Levels {
              abstract void up();
              abstract void down();
              abstract void stop();
              abstract void mark();
              abstract boolean check();

              void levelBranchesTakeTheLeast() {
                up();
                up();
                if (check()) {
                  down();
                }
                // BUG: Diagnostic contains: least 1
                mark();
              }

              void levelInACatchBlock() {
                try {
                  throw new IllegalStateException();
                } catch (IllegalStateException e) {
                  up();
                  // BUG: Diagnostic contains: least 1
                  mark();
                }
              }

              void levelImplicitExceptionsAreNoPaths() {
                try {
                  up();
                  check();
                } catch (RuntimeException e) {
                  mark(); // no path reaches it
                }
              }

              void levelLoopsByTheirFirstRound() {
                while (check()) {
                  // BUG: Diagnostic contains: least 0
                  mark();
                  up();
                }
                // BUG: Diagnostic contains: least 0
                mark();
              }

              void levelSwitchArms(int k) {
                switch (k) {
                  case 0 -> {
                    up();
                    up();
                  }
                  default -> up();
                }
                // BUG: Diagnostic contains: least 1
                mark();
              }

              void levelStopEndsThePath() {
                up();
                if (check()) {
                  stop();
                  mark(); // no path goes on after stop()
                }
                // BUG: Diagnostic contains: least 1
                mark();
              }
            }
            """)
        .doTest();
  }
}
