package dev.goconc.checker.metamorphic;

import java.util.List;

/**
 * One member of one test source: the rules its test is for, and how many findings of each rule
 * the test expects inside it (its {@code // BUG: Diagnostic contains:} markers; 0 = a negative
 * case). {@code fileIndex} and {@code memberIndex} find it again in a fresh parse.
 */
record RuleCase(
    RuleTestCompilation compilation, int fileIndex, int memberIndex, String member, int expectedFindings) {

  /** The rules the case is judged by: each must give {@code expectedFindings} findings in it. */
  List<String> rules() {
    return compilation.rules();
  }

  TestSource source() {
    return compilation.sources().get(fileIndex);
  }

  /** Stable across runs: {@code GoroutineLeakTest#identification Quiet.java:Quiet.withTimeout}. */
  String id() {
    return compilation.name() + " " + source().fileName() + ":" + member;
  }
}
