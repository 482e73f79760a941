package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of a piece of code that can park its thread: channel sends and receives, a
 * {@code select} without {@code otherwise}, {@code WaitGroup}/{@code ErrGroup} waits,
 * {@code Time.after}, {@code Thread.sleep} and {@code TimeUnit.sleep}, called or handed by
 * method reference to a JDK method that runs it in place ({@code items.forEach(out::send)}, {@link
 * JdkApi#RUNS_CALLBACK_IN_PLACE}). The handlers of a {@code select} and the lambdas such JDK
 * methods run in place are searched; other lambdas, classes and nested loops are separate code
 * and are not.
 *
 * <p>Kept apart from {@link ChannelWaits} on purpose: this asks "may this call park at all", from
 * the call alone, for every kind of wait (the context rules ask it of a loop body); {@link
 * ChannelWaits} asks "can this channel operation wait forever", which needs the method's {@link
 * ChannelUses} (who else sends on the channel, which select cases give a way out).
 */
public final class BlockingOperations {
  private BlockingOperations() {}

  private static final Matcher<ExpressionTree> PARKS =
      Matchers.anyOf(
          GoconcApi.CHAN_SEND,
          GoconcApi.CHAN_RECEIVE,
          GoconcApi.WAIT_GROUP_AWAIT,
          GoconcApi.ERR_GROUP_AWAIT,
          GoconcApi.TIME_AFTER,
          JdkApi.SLEEP);

  /**
   * Every blocking call or method reference run in place in {@code roots}, in source order.
   */
  public static List<ExpressionTree> in(List<? extends Tree> roots, VisitorState state) {
    List<ExpressionTree> found = new ArrayList<>();
    TreeScanner<Void, Void> scanner =
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (PARKS.matches(call, state)
                || (GoconcApi.SELECT_RUN.matches(call, state)
                    && !SelectCases.hasOtherwise(call, state))) {
              found.add(call);
            }
            if (SelectCases.isCase(call, state)) {
              scan(call.getMethodSelect(), null);
              for (ExpressionTree argument : call.getArguments()) {
                // A case's handler runs in place, inside run().
                scan(
                    argument instanceof LambdaExpressionTree lambda ? lambda.getBody() : argument,
                    null);
              }
              return null;
            }
            if (JdkApi.RUNS_CALLBACK_IN_PLACE.matches(call, state)) {
              scan(call.getMethodSelect(), null);
              for (ExpressionTree argument : call.getArguments()) {
                switch (argument) {
                  case LambdaExpressionTree lambda -> scan(lambda.getBody(), null);
                  case MemberReferenceTree reference when PARKS.matches(reference, state) ->
                      found.add(reference);
                  default -> scan(argument, null);
                }
              }
              return null;
            }
            return super.visitMethodInvocation(call, null);
          }

          @Override
          public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
            return null;
          }

          @Override
          public Void visitClass(ClassTree cls, Void unused) {
            return null;
          }

          @Override
          public Void visitWhileLoop(WhileLoopTree loop, Void unused) {
            return null;
          }

          @Override
          public Void visitDoWhileLoop(DoWhileLoopTree loop, Void unused) {
            return null;
          }

          @Override
          public Void visitForLoop(ForLoopTree loop, Void unused) {
            return null;
          }

          @Override
          public Void visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
            return null;
          }
        };
    for (Tree root : roots) {
      if (root != null) {
        scanner.scan(root, null);
      }
    }
    return found;
  }
}
