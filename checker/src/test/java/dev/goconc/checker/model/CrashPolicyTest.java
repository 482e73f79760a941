package dev.goconc.checker.model;

import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodTree;
import dev.goconc.checker.StrictRules;
import org.junit.jupiter.api.Test;

/** A rule whose analysis crashes: quiet for users, a loud failure in strict mode. */
final class CrashPolicyTest {
  /** A rule that reports one method, then crashes on the method named {@code odd}. */
  @BugPattern(summary = "crashes on odd methods", severity = ERROR)
  public static final class CrashesOnOdd extends BugChecker implements MethodTreeMatcher {
    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      return CrashPolicy.describe(state, () -> {
        if (tree.getName().contentEquals("odd")) {
          throw new IllegalStateException("model cannot read odd");
        }
        return tree.getName().contentEquals("flagged") ? describeMatch(tree) : Description.NO_MATCH;
      });
    }
  }

  private static final String SOURCE = """
      class Sample {
        // BUG: Diagnostic contains: crashes on odd methods
        void flagged() {}

        void odd() {}
      }
      """;

  @Test
  void aCrashIsNoFindingAndTheCompileGoesOn() {
    CompilationTestHelper.newInstance(CrashesOnOdd.class, getClass())
        .addSourceLines("Sample.java", SOURCE)
        .doTest();
  }

  @Test
  void strictModeFailsLoudlyNamingTheCause() {
    Throwable thrown = assertThrows(Throwable.class, () ->
        CompilationTestHelper.newInstance(CrashesOnOdd.class, getClass())
            .setArgs(StrictRules.STRICT)
            .addSourceLines("Sample.java", SOURCE)
            .doTest());
    assertTrue(String.valueOf(thrown).contains("model cannot read odd")
            || String.valueOf(thrown.getCause()).contains("model cannot read odd"),
        () -> "the failure names the crash: " + thrown);
  }
}
