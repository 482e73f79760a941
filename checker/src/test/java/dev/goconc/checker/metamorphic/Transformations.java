package dev.goconc.checker.metamorphic;

import java.util.List;

/** Every transformation the suite applies, in the order of the results table's columns. */
final class Transformations {
  static final List<Transformation> ALL =
      List.<Transformation>of(
          new LambdaToAnonymousClass(),
          new LambdaToMethodReference(),
          new SendThroughForEach(),
          new CloseThroughMethodReference(),
          new AliasChannelWithVar(),
          new NarrowChannelInLocals(),
          new BodyIntoInnerClass(),
          new BodyIntoConstructor(),
          new BodyIntoInitializer(),
          new WrappedBody.BodyInSwitchArm(),
          new WrappedBody.BodyInCatchBlock(),
          new ChoiceBetweenValues.IfToConditional(),
          new ChoiceBetweenValues.IfToSwitchExpression(),
          new LaunchLoops.UnrollLaunchLoop(),
          new LaunchLoops.RollLaunches());

  private Transformations() {}
}
