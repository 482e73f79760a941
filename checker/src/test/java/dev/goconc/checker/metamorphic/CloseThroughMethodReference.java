package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.List;
import java.util.Optional;

/**
 * {@code ch.close();} becomes {@code Runnable close1 = ch::close; close1.run();}: the close
 * happens at the same place, through a method reference. Only closes that are statements on a
 * name declared as a channel.
 */
final class CloseThroughMethodReference implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    List<MethodCallExpr> closes =
        Nodes.innermostFirst(member, MethodCallExpr.class, CloseThroughMethodReference::isCloseStatement);
    int n = closes.size() + 1; // counts down, so the locals are numbered in source order
    for (MethodCallExpr close : closes) {
      ExpressionStmt statement = (ExpressionStmt) close.getParentNode().orElseThrow();
      String local = "mmClose" + --n;
      String channel = close.getScope().orElseThrow().toString();
      statement.setExpression(Java.expression(local + ".run()"));
      Statements.insertBefore(statement, List.of(Java.statement("Runnable " + local + " = " + channel + "::close;")));
    }
    return Rewritten.inPlace(member, !closes.isEmpty());
  }

  private static boolean isCloseStatement(MethodCallExpr call) {
    return call.getNameAsString().equals("close")
        && call.getArguments().isEmpty()
        && call.getScope().map(DeclaredTypes::isChannel).orElse(false)
        && call.getParentNode().orElse(null) instanceof ExpressionStmt;
  }
}
