package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Go.go(() -> body)} becomes {@code Go.go(new Runnable() { public void run() { body } })}
 * (an ErrGroup's task: {@code new ErrGroup.Task() { ... throws Exception }}). Not where the body
 * would mean something else inside a class of its own: {@code this}, {@code super}, or an
 * unqualified {@code run()} or {@code Object} method.
 */
final class LambdaToAnonymousClass implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    boolean changed = false;
    for (MethodCallExpr launch : Nodes.innermostFirst(member, MethodCallExpr.class, Launches::isLaunch)) {
      Optional<LambdaExpr> lambda = Launches.lambdaBody(launch);
      if (lambda.isEmpty() || Statements.dependsOnItsClass(lambda.get().getBody(), Set.of("run"))) {
        continue;
      }
      String type = Launches.bodyInterface(launch).orElseThrow();
      ObjectCreationExpr anonymous =
          (ObjectCreationExpr)
              Java.expression(
                  "new " + type + "() { @Override public void run()"
                      + (type.equals("Runnable") ? "" : " throws Exception") + " {} }");
      MethodDeclaration run = (MethodDeclaration) anonymous.getAnonymousClassBody().orElseThrow().get(0);
      run.setBody(block(lambda.get()));
      lambda.get().replace(anonymous);
      changed = true;
    }
    return Rewritten.inPlace(member, changed);
  }

  static BlockStmt block(LambdaExpr lambda) {
    if (lambda.getBody() instanceof BlockStmt block) {
      return block.clone();
    }
    ExpressionStmt expression = (ExpressionStmt) lambda.getBody();
    return new BlockStmt().addStatement(expression.getExpression().clone());
  }
}
