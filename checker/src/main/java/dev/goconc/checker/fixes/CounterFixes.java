package dev.goconc.checker.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.model.WaitGroupGoroutines;
import java.util.List;
import java.util.Optional;

/**
 * The fixes of the counting rules (a {@code WaitGroup} and its JDK cousins, {@link
 * WaitGroupGoroutines.Counter}), for a goroutine written as a lambda: a count-down that is its last
 * statement moves into a {@code finally} around the statements before it, and a count-up that is
 * its first statement moves before the launch.
 */
public final class CounterFixes {
  private CounterFixes() {}

  /**
   * Wraps the statements before {@code down}, the last statement of the lambda {@code body}, in
   * {@code try} and moves {@code down} into its {@code finally}. Empty when {@code down} is not the
   * last of two or more top-level statements of a lambda.
   */
  public static Optional<SuggestedFix> countDownInFinally(
      WaitGroupGoroutines.GroupCall down, Tree body, VisitorState state) {
    List<? extends StatementTree> statements = WaitGroupGoroutines.statementsOf(body);
    Optional<ExpressionStatementTree> statement =
        WaitGroupGoroutines.topLevelStatement(down.path(), body);
    if (statement.isEmpty()
        || !(body instanceof LambdaExpressionTree) // a fix for lambdas only
        || statements.size() < 2
        || statements.get(statements.size() - 1) != statement.get()) {
      return Optional.empty();
    }
    Optional<FixLayout> layout = FixLayout.of(state);
    int from = ASTHelpers.getStartPosition(statements.get(0));
    int to = state.getEndPosition(statements.get(statements.size() - 2));
    if (layout.isEmpty() || from < 0 || to < from) {
      return Optional.empty();
    }
    FixLayout text = layout.get();
    int downStart = ASTHelpers.getStartPosition(statement.get());
    int downEnd = state.getEndPosition(statement.get());
    if (text.startsLine(from)) {
      downEnd = text.withComment(downEnd); // on lines of their own, its comment goes with it
    }
    return Optional.of(
        SuggestedFix.replace(
            from,
            downEnd,
            text.tryBlock(
                text.indentAt(from),
                "try",
                text.text(from, to),
                text.startsLine(from),
                text.text(downStart, downEnd))));
  }

  /**
   * Moves {@code up}, the first statement of the goroutine lambda {@code body}, to just before the
   * launch statement at {@code launchStatement}; only where its arguments use nothing the lambda
   * declares and the launch is a statement of a block.
   */
  public static Optional<SuggestedFix> countUpBeforeLaunch(
      WaitGroupGoroutines.GroupCall up, Tree body, TreePath launchStatement, VisitorState state) {
    Optional<ExpressionStatementTree> statement =
        WaitGroupGoroutines.topLevelStatement(up.path(), body);
    if (statement.isEmpty()
        || !(body instanceof LambdaExpressionTree lambda)
        || WaitGroupGoroutines.statementsOf(body).get(0) != statement.get()
        || !(launchStatement.getLeaf() instanceof ExpressionStatementTree)
        || !(launchStatement.getParentPath().getLeaf() instanceof BlockTree)
        || usesLambdaLocals(up.call(), lambda)) {
      return Optional.empty();
    }
    Optional<FixLayout> layout = FixLayout.of(state);
    if (layout.isEmpty()) {
      return Optional.empty();
    }
    FixLayout text = layout.get();
    int start = ASTHelpers.getStartPosition(statement.get());
    int end = state.getEndPosition(statement.get());
    if (text.startsLine(ASTHelpers.getStartPosition(launchStatement.getLeaf()))) {
      end = text.withComment(end); // the launch starts a line: the comment can come along
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    text.delete(fix, statement.get(), state);
    text.insertBefore(fix, launchStatement.getLeaf(), text.text(start, end));
    return Optional.of(fix.build());
  }

  private static boolean usesLambdaLocals(MethodInvocationTree call, LambdaExpressionTree lambda) {
    int start = ASTHelpers.getStartPosition(lambda);
    boolean[] uses = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        if (ASTHelpers.getSymbol(id) instanceof VarSymbol variable
            && !variable.getKind().isField()
            && variable.pos >= start) {
          uses[0] = true; // declared in the lambda (its parameters and locals)
        }
        return null;
      }
    }.scan(call, null);
    return uses[0];
  }
}
