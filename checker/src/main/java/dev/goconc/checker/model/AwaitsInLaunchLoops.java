package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import java.util.Optional;

/**
 * A {@code WaitGroup}'s {@code await()} inside the loop that starts the goroutines the group
 * counts, when the count for all of them was added before the loop (moby#25384): the first await
 * waits for goroutines that later rounds have not started, and never returns. Read from the own
 * code of the method or lambda that holds the loop: the await is not in a goroutine, lambda or
 * class inside the loop; the loop around it (the innermost)
 * launches a goroutine counted on the same group ({@code group.go(...)}, or one whose own code
 * calls {@code group.done()}, as {@link WaitGroupGoroutines} finds it) and adds nothing to the
 * group itself; and before the loop the method added to the group a count that is not the
 * constant 1 ({@code group.add(n)}, {@code group.add(jobs.size())}).
 */
public final class AwaitsInLaunchLoops {
  private AwaitsInLaunchLoops() {}

  /** The loop around the await and the {@code add} before it that counted every round. */
  public record AwaitInLaunchLoop(TreePath loop, MethodInvocationTree countedBefore) {}

  /** The finding for the {@code await()} at {@code awaitPath} on {@code group}, if it is one. */
  public static Optional<AwaitInLaunchLoop> at(
      TreePath awaitPath, VarSymbol group, VisitorState state) {
    TreePath loop = null;
    TreePath method = null;
    for (TreePath p = awaitPath.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree
          || (leaf instanceof LambdaExpressionTree && loop == null)) {
        return Optional.empty(); // the await runs in a goroutine, callback or class of the loop
      }
      if (loop == null && isLoop(leaf)) {
        loop = p;
      }
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        method = p; // the code that holds the loop: a method, or a lambda's own body
        break;
      }
    }
    if (loop == null || method == null) {
      return Optional.empty();
    }
    if (!launchesCountedGoroutine(loop, group, state) || addsInside(loop, group, state)) {
      return Optional.empty();
    }
    TreePath found = loop;
    return countedBefore(method, loop.getLeaf(), group, state)
        .map(add -> new AwaitInLaunchLoop(found, add));
  }

  private static boolean isLoop(Tree tree) {
    return tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree
        || tree instanceof EnhancedForLoopTree;
  }

  /** Whether the loop's own code starts a goroutine that the group counts. */
  private static boolean launchesCountedGoroutine(
      TreePath loop, VarSymbol group, VisitorState state) {
    boolean[] found = {false};
    new OwnCode() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (!found[0] && GoroutineBodies.isLaunch(call, state)) {
          found[0] = countedOn(getCurrentPath(), call, group, state);
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(loop, null);
    return found[0];
  }

  private static boolean countedOn(
      TreePath launchPath, MethodInvocationTree launch, VarSymbol group, VisitorState state) {
    if (GoconcApi.WAIT_GROUP_GO.matches(launch, state)) {
      return WaitGroupGoroutines.groupOf(launch) == group;
    }
    return GoroutineBodies.bodyOf(launch, state)
        .map(body -> GoroutineBodies.bodyPath(launchPath, body))
        .filter(bodyPath -> bodyPath != null)
        .map(
            bodyPath ->
                WaitGroupGoroutines.callsIn(bodyPath, GoconcApi.WAIT_GROUP_DONE, state).stream()
                    .anyMatch(done -> done.group() == group))
        .orElse(false);
  }

  private static boolean addsInside(TreePath loop, VarSymbol group, VisitorState state) {
    boolean[] found = {false};
    new OwnCode() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= isAddOn(call, group, state);
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(loop, null);
    return found[0];
  }

  /**
   * The last {@code group.add(n)}, {@code n} not the constant 1, of the method's own code before
   * the loop.
   */
  private static Optional<MethodInvocationTree> countedBefore(
      TreePath method, Tree loop, VarSymbol group, VisitorState state) {
    int loopStart = ASTHelpers.getStartPosition(loop);
    MethodInvocationTree[] last = {null};
    new OwnCode() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return tree == loop ? null : super.scan(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (ASTHelpers.getStartPosition(call) < loopStart
            && isAddOn(call, group, state)
            && !countsOne(call.getArguments().get(0))) {
          last[0] = call;
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(new TreePath(method, CodeRoots.codeOf(method.getLeaf())), null);
    return Optional.ofNullable(last[0]);
  }

  private static boolean isAddOn(MethodInvocationTree call, VarSymbol group, VisitorState state) {
    return GoconcApi.WAIT_GROUP_ADD.matches(call, state)
        && WaitGroupGoroutines.groupOf(call) == group;
  }

  private static boolean countsOne(ExpressionTree count) {
    return ASTHelpers.constValue(count) instanceof Number n && n.longValue() == 1;
  }

  /** Scans code that runs in place: not lambdas' or classes' bodies. */
  private static class OwnCode extends TreePathScanner<Void, Void> {
    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      return null;
    }
  }
}
