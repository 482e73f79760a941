package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.goconc.checker.model.CrashPolicy;

/**
 * The test helpers every rule test uses, in strict mode: a crash inside a rule fails the test
 * instead of passing as "no finding" (see {@link CrashPolicy}).
 */
public final class StrictRules {
  private StrictRules() {}

  /** The flag that turns the crash policy's quiet into a loud failure. */
  public static final String STRICT = "-XepOpt:" + CrashPolicy.STRICT_FLAG + "=true";

  public static CompilationTestHelper compilation(
      Class<? extends BugChecker> rule, Class<?> test, String... moreArgs) {
    return CompilationTestHelper.newInstance(rule, test).setArgs(args(moreArgs));
  }

  public static BugCheckerRefactoringTestHelper refactoring(
      Class<? extends BugChecker> rule, Class<?> test, String... moreArgs) {
    return BugCheckerRefactoringTestHelper.newInstance(rule, test).setArgs(args(moreArgs));
  }

  private static String[] args(String... more) {
    String[] all = new String[more.length + 1];
    all[0] = STRICT;
    System.arraycopy(more, 0, all, 1, more.length);
    return all;
  }
}
