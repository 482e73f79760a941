package dev.goconc.checker.flow;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.List;

/**
 * Places a bare {@code return;}, which the dataflow graph keeps no node for, on a path that reached
 * the regular exit: from the last source tree the path evaluated, the statement that runs next by
 * the statement structure (the next statement of the block, the first statement of an {@code if}
 * branch after its condition, a {@code break}'s target, the statement after an enclosing loop,
 * {@code try} or {@code switch}). Null when that is the end of the body or cannot be told. It only
 * names the exit in a message: where it guesses wrong (a return through a {@code finally}, an
 * {@code if} with a return in only one branch) the finding still stands and its message says "the
 * end of the method".
 */
public final class BareReturns {
  private BareReturns() {}

  static Tree after(Tree last, VisitorState state) {
    TreePath path = TreePath.getPath(state.getPath().getCompilationUnit(), last);
    if (path == null) {
      // A tree the graph made up: a for-each's "Iterator iter = expr.iterator()" stands for
      // the loop's expression.
      if (last instanceof VariableTree synthetic
          && synthetic.getInitializer() instanceof MethodInvocationTree call
          && ASTHelpers.getReceiver(call) != null) {
        return after(ASTHelpers.getReceiver(call), state);
      }
      return null;
    }
    if (path.getParentPath().getLeaf() instanceof CatchTree caught) {
      return runsFirst(new TreePath(path.getParentPath(), caught.getBlock()));
    }
    if (last instanceof StatementTree) {
      return next(path);
    }
    Tree child = last;
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof IfTree ifTree && ifTree.getCondition() == child) {
        Tree inThen = runsFirst(new TreePath(p, ifTree.getThenStatement()));
        if (inThen != null) {
          return inThen;
        }
        return ifTree.getElseStatement() != null
            ? runsFirst(new TreePath(p, ifTree.getElseStatement()))
            : next(p);
      }
      if (leaf instanceof LambdaExpressionTree) {
        return null; // an expression body: no bare return
      }
      if (leaf instanceof StatementTree && !(leaf instanceof BlockTree)) {
        return next(p); // the statement holding the last expression completes
      }
      if (!(leaf instanceof ExpressionTree)) {
        return null;
      }
      child = leaf;
    }
    return null;
  }

  /** The bare return that runs first when the statement at {@code path} starts, or null. */
  private static Tree runsFirst(TreePath path) {
    Tree statement = path.getLeaf();
    if (statement instanceof BlockTree block) {
      return block.getStatements().isEmpty()
          ? next(path)
          : runsFirst(new TreePath(path, block.getStatements().get(0)));
    }
    if (statement instanceof ReturnTree ret) {
      return ret.getExpression() == null ? ret : null;
    }
    if (statement instanceof BreakTree) {
      TreePath target = SourceOrder.breakTarget(path);
      return target == null ? null : next(target);
    }
    return null;
  }

  /** The bare return that runs when the statement at {@code path} completes normally. */
  private static Tree next(TreePath path) {
    Tree statement = path.getLeaf();
    for (TreePath parentPath = path.getParentPath();
        parentPath != null;
        parentPath = parentPath.getParentPath()) {
      Tree parent = parentPath.getLeaf();
      if (parent instanceof BlockTree block) {
        List<? extends StatementTree> statements = block.getStatements();
        int index = statements.indexOf(statement);
        if (index >= 0 && index + 1 < statements.size()) {
          return runsFirst(new TreePath(parentPath, statements.get(index + 1)));
        }
      } else if (!(parent instanceof IfTree
          || parent instanceof LabeledStatementTree
          || SourceOrder.isLoop(parent)
          || parent instanceof TryTree
          || parent instanceof CatchTree
          || parent instanceof CaseTree
          || parent instanceof SwitchTree
          || parent instanceof SynchronizedTree)) {
        return null; // the end of a method or lambda body
      }
      statement = parent;
    }
    return null;
  }
}
