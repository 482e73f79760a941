package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import java.util.Optional;

/**
 * {@code ch.send(x);} becomes {@code java.util.Collections.singletonList(x).forEach(ch::send);}:
 * the send happens once, now inside a method reference run by {@code forEach} (a one-element
 * list that, unlike {@code List.of}, takes {@code null} too). Only sends that are statements (or
 * an expression lambda's body) on a name declared as a channel; not {@code send(null)}, whose
 * element type could not be inferred.
 */
final class SendThroughForEach implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    boolean changed = false;
    for (MethodCallExpr send : Nodes.innermostFirst(member, MethodCallExpr.class, SendThroughForEach::isSendStatement)) {
      Expression value = send.getArgument(0);
      String channel = send.getScope().orElseThrow().toString();
      send.replace(
          Java.expression(
              "java.util.Collections.singletonList(" + value + ").forEach(" + channel + "::send)"));
      changed = true;
    }
    return Rewritten.inPlace(member, changed);
  }

  private static boolean isSendStatement(MethodCallExpr call) {
    return call.getNameAsString().equals("send")
        && call.getArguments().size() == 1
        && !(call.getArgument(0) instanceof NullLiteralExpr)
        && call.getScope().map(DeclaredTypes::isChannel).orElse(false)
        && call.getParentNode().orElse(null) instanceof ExpressionStmt;
  }
}
