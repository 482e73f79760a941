package dev.goconc.checker.flow;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import java.util.Collection;

/**
 * Whether a path can run one tree after another, answered from the source alone, so a rule can
 * skip building a control-flow graph whose walk could find nothing. Java runs a body's code in
 * source order except where a loop jumps back (its condition, update or {@code continue}), and
 * every other jump ({@code break}, {@code return}, {@code throw}, {@code catch}, {@code finally},
 * {@code switch}) goes forward. A void call such as {@code close()} can only stand as a
 * statement, so nothing evaluated after it starts before it without such a jump. Code in a
 * lambda or class inside the body is not on the body's paths at all, so erring towards "may"
 * there only costs a graph.
 */
public final class SourceOrder {
  private SourceOrder() {}

  /**
   * Whether some path of the body at {@code bodyPath} may reach one of {@code later} after the
   * statement call at {@code fromPath}: false only when none starts after it in the source and
   * no loop inside the body encloses it (true when {@code fromPath} is null).
   */
  public static boolean mayFollow(TreePath fromPath, Collection<? extends Tree> later, Tree body) {
    if (fromPath == null) {
      return true; // not found under the body: let the graph answer, as before
    }
    long from = ASTHelpers.getStartPosition(fromPath.getLeaf());
    for (Tree tree : later) {
      if (ASTHelpers.getStartPosition(tree) > from) {
        return true;
      }
    }
    return inLoop(fromPath, body);
  }

  /** Whether a loop between {@code path}'s leaf and {@code body} repeats it. */
  public static boolean inLoop(TreePath path, Tree body) {
    for (TreePath p = path; p != null && p.getLeaf() != body; p = p.getParentPath()) {
      if (isLoop(p.getLeaf())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The statement the {@code break} at {@code path} leaves: the innermost loop or {@code switch}
   * around it, or the statement its label names; null when none lies inside its method or lambda.
   */
  public static TreePath breakTarget(TreePath path) {
    BreakTree jump = (BreakTree) path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (jump.getLabel() == null) {
        if (isLoop(leaf) || leaf instanceof SwitchTree) {
          return p;
        }
      } else if (leaf instanceof LabeledStatementTree labeled
          && labeled.getLabel().contentEquals(jump.getLabel())) {
        return new TreePath(p, labeled.getStatement());
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MethodTree
          || leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code tree} is a loop: {@code while}, {@code do}, {@code for} or a for-each. */
  public static boolean isLoop(Tree tree) {
    return tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree
        || tree instanceof EnhancedForLoopTree;
  }
}
