package dev.goconc.checker.metamorphic;

import java.util.List;
import java.util.Optional;

/**
 * Variants the suite does not judge because, for that one case, the transformation changes the
 * case's meaning (or cannot be written): each is named, with the reason. Keep it short; a
 * transformation that is wrong for many cases needs a tighter precondition instead.
 */
final class Exclusions {
  record Exclusion(String caseId, String transformation, String reason) {}

  // The method is a goroutine body launched as this::work; moved, it stays as a delegate, and
  // the catalog does not judge an add or done one call away from the goroutine.
  private static final String ONE_CALL_AWAY =
      "the kept delegate puts the add/done one call away from the goroutine, which the catalog"
          + " leaves unjudged";

  static final List<Exclusion> ALL =
      List.of(
          new Exclusion("WaitGroupAddInGoroutineTest#flagsEachShape Shapes.java:Shapes.work", "BodyIntoInnerClass", ONE_CALL_AWAY),
          new Exclusion("WaitGroupAddInGoroutineTest#flagsEachShape Shapes.java:Shapes.work", "BodyIntoConstructor", ONE_CALL_AWAY),
          new Exclusion("WaitGroupDoneNotInFinallyTest#flagsEachShape Shapes.java:Shapes.work", "BodyIntoInnerClass", ONE_CALL_AWAY),
          new Exclusion("WaitGroupDoneNotInFinallyTest#flagsEachShape Shapes.java:Shapes.work", "BodyIntoConstructor", ONE_CALL_AWAY));

  private Exclusions() {}

  static Optional<Exclusion> of(RuleCase ruleCase, Transformation transformation) {
    return ALL.stream()
        .filter(e -> e.caseId().equals(ruleCase.id()) && e.transformation().equals(transformation.name()))
        .findFirst();
  }
}
