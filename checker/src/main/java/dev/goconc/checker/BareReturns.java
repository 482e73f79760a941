package dev.goconc.checker;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.List;

/**
 * Places a bare {@code return;}, which the dataflow graph keeps no node for, on a path: given
 * the last tree a path evaluated before reaching the regular exit, the {@code return;} that
 * runs next by the statement structure (the next statement of the block, the first statement
 * of an {@code if} branch after its condition, the statement after an enclosing {@code if}).
 * Null when the structure says the path falls off the end of the body, or cannot tell.
 */
final class BareReturns {
  private BareReturns() {}

  static Tree after(Tree last, VisitorState state) {
    TreePath path = TreePath.getPath(state.getPath().getCompilationUnit(), last);
    if (path == null) {
      return null;
    }
    if (path.getParentPath().getLeaf() instanceof CatchTree caught) {
      return firstBareReturn(caught.getBlock()); // the catch parameter starts the handler
    }
    if (last instanceof StatementTree) {
      return bareReturnAfter(path);
    }
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof IfTree ifTree && ifTree.getCondition() == child) {
        Tree inThen = firstBareReturn(ifTree.getThenStatement());
        if (inThen != null) {
          return inThen;
        }
        return ifTree.getElseStatement() != null
            ? firstBareReturn(ifTree.getElseStatement())
            : bareReturnAfter(p);
      }
      if (leaf instanceof StatementTree && !(child instanceof StatementTree)
          && !(leaf instanceof BlockTree)) {
        return bareReturnAfter(p); // the statement holding the last expression completes
      }
      if (leaf instanceof LambdaExpressionTree) {
        return null; // an expression body: no bare return
      }
      if (leaf instanceof ExpressionTree || leaf instanceof StatementTree) {
        child = leaf;
        continue;
      }
      return null;
    }
    return null;
  }

  /** The bare return that runs first when {@code statement} starts, if it is one. */
  private static Tree firstBareReturn(StatementTree statement) {
    StatementTree first = statement;
    while (first instanceof BlockTree block && !block.getStatements().isEmpty()) {
      first = block.getStatements().get(0);
    }
    return first instanceof ReturnTree ret && ret.getExpression() == null ? ret : null;
  }

  /** The bare return that runs when the statement at {@code path} completes normally. */
  private static Tree bareReturnAfter(TreePath path) {
    Tree statement = path.getLeaf();
    TreePath parentPath = path.getParentPath();
    while (parentPath != null) {
      Tree parent = parentPath.getLeaf();
      if (parent instanceof BlockTree block) {
        List<? extends StatementTree> statements = block.getStatements();
        int index = statements.indexOf(statement);
        if (index >= 0 && index + 1 < statements.size()) {
          return firstBareReturn(statements.get(index + 1));
        }
      } else if (!(parent instanceof IfTree || parent instanceof LabeledStatementTree)) {
        return null; // the end of a method, lambda, loop, try, or switch: not a bare return
      }
      statement = parent;
      parentPath = parentPath.getParentPath();
    }
    return null;
  }
}
