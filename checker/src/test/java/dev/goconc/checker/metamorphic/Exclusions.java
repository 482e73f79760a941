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
  // the catalog does not judge an add, done or count-down one call away from the goroutine.
  private static final String ONE_CALL_AWAY =
      "the kept delegate puts the add/done one call away from the goroutine, which the catalog"
          + " leaves unjudged";

  // CountDownNotInFinally's quiet case is that nothing before the count-down can throw; these
  // wrappers add what can: new IllegalStateException() (a constructor may throw an Error), a
  // default arm that throws, Boolean.toString and a switch on its String.
  private static final String ADDS_A_THROW =
      "the wrapper adds a call, a new or a throw before the count-down, which is what this quiet"
          + " case is about";

  // The decision is about a static method given a scheduler; moved into a constructor or an
  // inner class's method, an instance owns the task, and the page leaves that to the
  // lifecycle decision.
  private static final String NO_LONGER_STATIC =
      "the moved body no longer runs in a static method, whose having no owner is the finding";

  static final List<Exclusion> ALL =
      List.of(
          new Exclusion("CountDownNotInFinallyTest#flagsWhatCanThrowAndEveryWayOutThatSkipsIt SkipsIt.java:SkipsIt.prepare", "BodyIntoInnerClass", ONE_CALL_AWAY),
          new Exclusion("CountDownNotInFinallyTest#flagsWhatCanThrowAndEveryWayOutThatSkipsIt SkipsIt.java:SkipsIt.prepare", "BodyIntoConstructor", ONE_CALL_AWAY),
          new Exclusion("CountDownNotInFinallyTest#quietWhenNothingBeforeTheCountDownCanThrowAndEveryPathReachesIt NothingThrows.java:NothingThrows.markStarted", "BodyInCatchBlock", ADDS_A_THROW),
          new Exclusion("CountDownNotInFinallyTest#quietWhenNothingBeforeTheCountDownCanThrowAndEveryPathReachesIt NothingThrows.java:NothingThrows.markStarted", "BodyInSwitchArm", ADDS_A_THROW),
          new Exclusion("CountDownNotInFinallyTest#quietWhenNothingBeforeTheCountDownCanThrowAndEveryPathReachesIt NothingThrows.java:NothingThrows.markStarted", "IfToSwitchExpression", ADDS_A_THROW),
          new Exclusion("PeriodicTaskNeverCancelledTest#flagsStaticHelpersThatDropTheHandle Dropping.java:Dropping.startMetrics", "BodyIntoInnerClass", NO_LONGER_STATIC),
          new Exclusion("PeriodicTaskNeverCancelledTest#flagsStaticHelpersThatDropTheHandle Dropping.java:Dropping.startMetrics", "BodyIntoConstructor", NO_LONGER_STATIC),
          new Exclusion("PeriodicTaskNeverCancelledTest#flagsStaticHelpersThatDropTheHandle Dropping.java:Dropping.byReference", "BodyIntoInnerClass", NO_LONGER_STATIC),
          new Exclusion("PeriodicTaskNeverCancelledTest#flagsStaticHelpersThatDropTheHandle Dropping.java:Dropping.byReference", "BodyIntoConstructor", NO_LONGER_STATIC),
          new Exclusion("PeriodicTaskNeverCancelledTest#flagsStaticHelpersThatDropTheHandle Dropping.java:Dropping.onTimer", "BodyIntoInnerClass", NO_LONGER_STATIC),
          new Exclusion("PeriodicTaskNeverCancelledTest#flagsStaticHelpersThatDropTheHandle Dropping.java:Dropping.onTimer", "BodyIntoConstructor", NO_LONGER_STATIC),
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
