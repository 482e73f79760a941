package dev.goconc.checker.flow;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import java.util.List;
import java.util.function.Predicate;

/**
 * The shape that answers an all-paths question without a control-flow graph: a {@code try}
 * entered on every path from a point, whose {@code finally} starts with the statement a path
 * must pass.
 *
 * <pre>
 * Ticker ticker = Time.newTicker(d);          Go.go(() -> {
 * try { ... } finally { ticker.stop(); }        try { ... } finally { out.close(); }
 *                                             });
 * </pre>
 *
 * Java runs the {@code finally} on every way out of its {@code try} — falling off its end,
 * {@code return}, {@code break}, {@code continue}, an explicit {@code throw} caught or not — and
 * runs its first statement before anything else in it; {@link ExitPaths}' graph lays the block
 * out the same way on each of those paths. So when nothing runs between the point and the
 * {@code try}, no path leaves without passing that statement, and a walk looking for one would
 * find none. The release and channel rules ask this of nearly every ticker, context and
 * producer goroutine, and building the graph to be told so was a third of their time.
 */
public final class FinallyGuard {
  private FinallyGuard() {}

  /**
   * Whether the statement holding {@code startPath}'s leaf (a declaration, or an assignment
   * statement) is followed at once in its block by a resource-less {@code try} whose
   * {@code finally} starts with an expression statement whose expression {@code passes}.
   */
  public static boolean follows(TreePath startPath, Predicate<ExpressionTree> passes) {
    StatementTree next = nextStatement(startPath);
    return next != null && guards(next, passes);
  }

  /**
   * The statement run right after the one holding {@code startPath}'s leaf (a declaration, or
   * the expression of an assignment statement) in its block; null when there is none or the
   * leaf is anywhere else. Every path from the leaf goes on into it.
   */
  static StatementTree nextStatement(TreePath startPath) {
    Tree start = startPath.getLeaf();
    TreePath statementPath = start instanceof VariableTree ? startPath : startPath.getParentPath();
    if (statementPath == null
        || !(statementPath.getLeaf() instanceof StatementTree statement)
        || !(start instanceof VariableTree
            || (statement instanceof ExpressionStatementTree expression
                && expression.getExpression() == start))
        || statementPath.getParentPath() == null
        || !(statementPath.getParentPath().getLeaf() instanceof BlockTree block)) {
      return null;
    }
    List<? extends StatementTree> statements = block.getStatements();
    int at = indexOf(statement, statements);
    return at >= 0 && at + 1 < statements.size() ? statements.get(at + 1) : null;
  }

  /**
   * Whether {@code body} (a method's or a lambda's) is a block whose first statement is such a
   * {@code try}: every path from the body's entry passes the statement.
   */
  public static boolean opens(Tree body, Predicate<ExpressionTree> passes) {
    return body instanceof BlockTree block
        && !block.getStatements().isEmpty()
        && guards(block.getStatements().get(0), passes);
  }

  private static boolean guards(StatementTree statement, Predicate<ExpressionTree> passes) {
    return statement instanceof TryTree guard
        && guard.getResources().isEmpty()
        && guard.getFinallyBlock() != null
        && !guard.getFinallyBlock().getStatements().isEmpty()
        && guard.getFinallyBlock().getStatements().get(0) instanceof ExpressionStatementTree first
        && passes.test(first.getExpression());
  }

  private static int indexOf(StatementTree statement, List<? extends StatementTree> statements) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i) == statement) {
        return i;
      }
    }
    return -1;
  }
}
