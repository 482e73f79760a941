package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small edits of statement lists that every transformation needs. */
final class Statements {
  /** Methods an anonymous class or nested class would answer itself, unqualified. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  private Statements() {}

  /** The list a statement sits in, if it sits in one (a block or a switch arm). */
  static Optional<NodeList<Statement>> list(Statement statement) {
    Node parent = statement.getParentNode().orElse(null);
    if (parent instanceof BlockStmt block) {
      return Optional.of(block.getStatements());
    }
    if (parent instanceof SwitchEntry entry && entry.getStatements().contains(statement)) {
      return Optional.of(entry.getStatements());
    }
    return Optional.empty();
  }

  /**
   * Puts statements before {@code anchor}: into its list, or, for a statement alone (an
   * expression lambda's body, a loop body without braces), into a new block with it.
   */
  static void insertBefore(Statement anchor, List<Statement> statements) {
    Optional<NodeList<Statement>> list = list(anchor);
    if (list.isPresent()) {
      for (Statement statement : statements) {
        list.get().addBefore(statement, anchor);
      }
      return;
    }
    Node parent = anchor.getParentNode().orElseThrow();
    BlockStmt block = new BlockStmt();
    statements.forEach(block::addStatement);
    if (parent instanceof LambdaExpr lambda) {
      block.addStatement(anchor.clone());
      lambda.setBody(block);
    } else {
      anchor.replace(block);
      block.addStatement(anchor);
    }
  }

  static void insertAfter(Statement anchor, List<Statement> statements) {
    NodeList<Statement> list = list(anchor).orElseThrow();
    for (int i = statements.size() - 1; i >= 0; i--) {
      list.addAfter(statements.get(i), anchor);
    }
  }

  /**
   * Code whose meaning changes when it moves into another class's body: an unqualified
   * {@code this} or {@code super}, or a call another class would answer itself.
   */
  static boolean dependsOnItsClass(Node code, Set<String> alsoAnswered) {
    if (!code.findAll(ThisExpr.class, t -> t.getTypeName().isEmpty()).isEmpty()
        || !code.findAll(SuperExpr.class).isEmpty()) {
      return true;
    }
    return !code.findAll(
            MethodCallExpr.class,
            c -> c.getScope().isEmpty()
                && (OBJECT_METHODS.contains(c.getNameAsString()) || alsoAnswered.contains(c.getNameAsString())))
        .isEmpty();
  }
}
