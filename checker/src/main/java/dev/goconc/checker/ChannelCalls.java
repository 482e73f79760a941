package dev.goconc.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

/**
 * Questions about the calls a piece of code makes itself: lambdas and classes inside it are
 * separate code (they run later, or elsewhere) and are not entered.
 */
final class ChannelCalls {
  private ChannelCalls() {}

  /** Whether {@code tree} itself makes a call that {@code matcher} matches. */
  static boolean contains(Tree tree, Matcher<ExpressionTree> matcher, VisitorState state) {
    Boolean found =
        new OwnCodeScanner() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
            return matcher.matches(call, state) || super.visitMethodInvocation(call, unused);
          }
        }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  /**
   * Whether {@code tree} waits until some context is cancelled: a receive on, or a loop over,
   * {@code ctx.done()}.
   */
  static boolean receivesFromDone(Tree tree, VisitorState state) {
    Boolean found =
        new OwnCodeScanner() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (GoconcApi.CHAN_RECEIVE.matches(call, state)
                && call.getMethodSelect() instanceof MemberSelectTree select
                && GoconcApi.CONTEXT_DONE.matches(
                    ASTHelpers.stripParentheses(select.getExpression()), state)) {
              return true;
            }
            return super.visitMethodInvocation(call, unused);
          }

          @Override
          public Boolean visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
            if (GoconcApi.CONTEXT_DONE.matches(
                ASTHelpers.stripParentheses(loop.getExpression()), state)) {
              return true;
            }
            return super.visitEnhancedForLoop(loop, unused);
          }
        }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  /** A scanner answering "does any part say yes", that does not enter lambdas or classes. */
  abstract static class OwnCodeScanner extends TreeScanner<Boolean, Void> {
    @Override
    public Boolean reduce(Boolean a, Boolean b) {
      return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }

    @Override
    public Boolean visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
      return false;
    }

    @Override
    public Boolean visitClass(ClassTree cls, Void unused) {
      return false;
    }
  }
}
