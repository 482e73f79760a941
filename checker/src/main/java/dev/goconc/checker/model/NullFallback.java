package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.api.JdkApi;

/**
 * Whether an expression is the value used when something is null: a branch of
 * {@code x == null ? ... : ...}, the default of {@code Objects.requireNonNullElse}, or the value
 * assigned in {@code if (x == null) x = ...;}.
 */
public final class NullFallback {
  private NullFallback() {}


  public static boolean isFallback(TreePath path, VisitorState state) {
    TreePath p = path.getParentPath();
    while (p != null && p.getLeaf() instanceof ParenthesizedTree) {
      p = p.getParentPath();
    }
    if (p == null) {
      return false;
    }
    Tree parent = p.getLeaf();
    if (parent instanceof ConditionalExpressionTree conditional) {
      return comparesWithNull(conditional.getCondition());
    }
    if (parent instanceof MethodInvocationTree call && JdkApi.REQUIRE_NON_NULL_ELSE.matches(call, state)) {
      return true;
    }
    if (parent instanceof AssignmentTree) {
      for (TreePath q = p.getParentPath(); q != null; q = q.getParentPath()) {
        Tree leaf = q.getLeaf();
        if (leaf instanceof IfTree ifTree) {
          return comparesWithNull(ifTree.getCondition());
        }
        if (!(leaf instanceof ExpressionStatementTree || leaf instanceof BlockTree)) {
          return false;
        }
      }
    }
    return false;
  }

  private static boolean comparesWithNull(ExpressionTree condition) {
    ExpressionTree c = ASTHelpers.stripParentheses(condition);
    return c instanceof BinaryTree binary
        && (binary.getKind() == Tree.Kind.EQUAL_TO || binary.getKind() == Tree.Kind.NOT_EQUAL_TO)
        && (binary.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
            || binary.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL);
  }
}
