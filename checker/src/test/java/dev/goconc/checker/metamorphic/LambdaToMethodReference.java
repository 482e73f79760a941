package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;
import java.util.Optional;

/**
 * {@code Go.go(() -> body);} becomes {@code Runnable body1 = () -> body; Go.go(body1::run);}:
 * the same body reaches the launch through a local and a method reference. Only for a launch
 * that is a statement of its own, so creating the lambda one statement earlier changes nothing.
 */
final class LambdaToMethodReference implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    List<MethodCallExpr> launches = Nodes.innermostFirst(member, MethodCallExpr.class, Launches::isLaunch);
    int n = launches.size() + 1; // counts down, so the locals are numbered in source order
    boolean changed = false;
    for (MethodCallExpr launch : launches) {
      Optional<LambdaExpr> lambda = Launches.lambdaBody(launch);
      if (lambda.isEmpty()
          || !(launch.getParentNode().orElse(null) instanceof ExpressionStmt statement)) {
        continue;
      }
      String local = "mmBody" + --n;
      changed = true;
      Statement declaration =
          Java.statement(Launches.bodyInterface(launch).orElseThrow() + " " + local + " = () -> {};");
      declaration.findFirst(LambdaExpr.class).orElseThrow().replace(lambda.get().clone());
      launch.setArgument(0, Java.expression(local + "::run"));
      Statements.insertBefore(statement, List.of(declaration));
    }
    return Rewritten.inPlace(member, changed);
  }
}
