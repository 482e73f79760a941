package dev.goconc.checker.metamorphic;

import java.util.List;

/**
 * The sources one {@code doTest()} of a {@code CompilationTestHelper} compiles together, and the
 * rules it checks them with (one, or each rule of a loop over a list of rules).
 */
record RuleTestCompilation(
    List<String> rules, String testClass, String testMethod, List<TestSource> sources) {
  String name() {
    return testClass + "#" + testMethod;
  }
}
