package dev.goconc.checker.flow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.Set;

/**
 * A release or hand-over in the very next statement, answered without a control-flow graph:
 *
 * <pre>
 * CancelContext ctx = Context.withCancel(parent);
 * this.stop = ctx.cancelFunc();        // or: ctx.cancel();  register(ctx);  this.ctx = ctx;
 * </pre>
 *
 * Every path from the creation goes on into the next statement ({@link
 * FinallyGuard#nextStatement}). An expression statement cannot leave the body — Java has no
 * {@code return} or {@code throw} inside an expression, and the walk ignores the exceptions calls
 * may throw — and it evaluates its whole expression, its assigned value and every argument of
 * its call, whatever branches ({@code ?:}, {@code &&}) lie inside them. So when the use is that
 * expression, the value it assigns or an argument of the call it makes, every path passes the
 * use before it can leave, and a walk looking for an exit without it would find none.
 */
public final class NextStatementUse {
  private NextStatementUse() {}

  /** Whether the statement after {@code startPath}'s creating statement is one of {@code uses}. */
  public static boolean follows(TreePath startPath, Set<Tree> uses) {
    StatementTree next = FinallyGuard.nextStatement(startPath);
    if (!(next instanceof ExpressionStatementTree statement)) {
      return false;
    }
    ExpressionTree expression = statement.getExpression();
    return uses.contains(expression)
        || (expression instanceof AssignmentTree assignment
            && uses.contains(assignment.getExpression()))
        || (expression instanceof MethodInvocationTree call
            && call.getArguments().stream().anyMatch(uses::contains));
  }
}
