package dev.goconc.checker.util;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;

/**
 * {@code @SuppressWarnings("Rule")} on a local variable, for a rule that matches a whole method and
 * reports inside it: Error Prone honours suppressions on the matched tree and its enclosing
 * declarations, not on a local declared within the method, so the rule asks here.
 */
public final class LocalSuppressions {
  private LocalSuppressions() {}

  /** Whether a local declaration enclosing {@code at}, within the current method, suppresses it. */
  public static boolean suppressed(BugChecker checker, Tree at, VisitorState state) {
    TreePath method = state.getPath();
    TreePath path = TreePath.getPath(method, at);
    for (TreePath p = path; p != null && p.getLeaf() != method.getLeaf(); p = p.getParentPath()) {
      if (p.getLeaf() instanceof VariableTree variable && checker.isSuppressed(variable, state)) {
        return true;
      }
    }
    return false;
  }
}
