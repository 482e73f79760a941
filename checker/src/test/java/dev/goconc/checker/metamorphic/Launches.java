package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;

/**
 * Goroutine launches: {@code Go.go(body)} (or a static import's {@code go(body)}),
 * {@code wg.go(body)} on a {@code WaitGroup}, {@code g.go(task)} and {@code g.tryGo(task)} on
 * an {@code ErrGroup}.
 */
final class Launches {
  private Launches() {}

  /** The functional interface the launch's argument implements, if the call is a launch. */
  static Optional<String> bodyInterface(MethodCallExpr call) {
    if (call.getArguments().size() != 1) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    if (call.getScope().isEmpty() || call.getScope().get().toString().equals("Go")) {
      return name.equals("go") ? Optional.of("Runnable") : Optional.empty();
    }
    Optional<String> group = DeclaredTypes.of(call.getScope().get());
    if (group.equals(Optional.of("WaitGroup")) && name.equals("go")) {
      return Optional.of("Runnable");
    }
    if (group.equals(Optional.of("ErrGroup")) && (name.equals("go") || name.equals("tryGo"))) {
      return Optional.of("ErrGroup.Task");
    }
    return Optional.empty();
  }

  static boolean isLaunch(MethodCallExpr call) {
    return bodyInterface(call).isPresent();
  }

  /** The launch's body when it is a lambda without parameters. */
  static Optional<LambdaExpr> lambdaBody(MethodCallExpr call) {
    return isLaunch(call) && call.getArgument(0) instanceof LambdaExpr lambda && lambda.getParameters().isEmpty()
        ? Optional.of(lambda)
        : Optional.empty();
  }
}
