package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Optional;
import java.util.Set;

/**
 * Goroutine launches: {@code Go.go(body)} (or {@code go(body)} where {@code Go.go} is imported
 * statically; a method named {@code go} of the code's own is not one),
 * {@code wg.go(body)} on a {@code WaitGroup}, {@code g.go(task)} and {@code g.tryGo(task)} on
 * an {@code ErrGroup}; and the JDK's launches that take only a {@code Runnable}: {@code
 * pool.execute(body)} on a variable declared as an executor, {@code
 * Thread.startVirtualThread(body)} and {@code CompletableFuture.runAsync(body[, pool])}. Not
 * {@code submit}: a lambda that cannot complete normally is a {@code Callable} there, and the
 * rewrite would change which method is called.
 */
final class Launches {
  private Launches() {}

  /** The functional interface the launch's argument implements, if the call is a launch. */
  static Optional<String> bodyInterface(MethodCallExpr call) {
    if (jdkRunnableLaunch(call)) {
      return Optional.of("Runnable");
    }
    if (call.getArguments().size() != 1) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    if (call.getScope().isEmpty()) {
      return name.equals("go") && importsGoStatically(call) ? Optional.of("Runnable") : Optional.empty();
    }
    if (call.getScope().get().toString().equals("Go")) {
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

  /** An unqualified {@code go(...)} is Go.go only through a static import (else a method of the code's own). */
  private static boolean importsGoStatically(MethodCallExpr call) {
    return call.findCompilationUnit().stream()
        .flatMap(unit -> unit.getImports().stream())
        .anyMatch(i -> i.isStatic()
            && (i.getNameAsString().equals("dev.goconc.Go.go")
                || (i.isAsterisk() && i.getNameAsString().equals("dev.goconc.Go"))));
  }

  private static final Set<String> EXECUTOR_TYPES =
      Set.of("Executor", "ExecutorService", "ScheduledExecutorService", "ThreadPoolExecutor",
          "ScheduledThreadPoolExecutor", "ForkJoinPool");

  private static boolean jdkRunnableLaunch(MethodCallExpr call) {
    String name = call.getNameAsString();
    Optional<String> scope = call.getScope().map(Object::toString);
    if (call.getArguments().isEmpty()) {
      return false;
    }
    if (scope.equals(Optional.of("CompletableFuture")) && name.equals("runAsync")) {
      return call.getArguments().size() <= 2;
    }
    if (call.getArguments().size() != 1) {
      return false;
    }
    if (scope.equals(Optional.of("Thread")) && name.equals("startVirtualThread")) {
      return true;
    }
    boolean onExecutor =
        call.getScope().flatMap(DeclaredTypes::of).filter(EXECUTOR_TYPES::contains).isPresent();
    return onExecutor && name.equals("execute");
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
