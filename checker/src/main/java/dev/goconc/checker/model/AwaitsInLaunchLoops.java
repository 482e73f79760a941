package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.SourceOrder;
import java.util.List;
import java.util.Optional;

/**
 * A {@code WaitGroup}'s {@code await()} inside the loop that starts the goroutines the group
 * counts, when the count for all of them was added before the loop (moby#25384): the first await
 * waits for goroutines that later rounds have not started, and never returns. The loop unrolled
 * is the same bug, and is found too (see {@link #straightLine}). Read from the own
 * code of the method or lambda that holds the loop: the await is not in a goroutine, lambda or
 * class inside the loop; the loop around it (the innermost)
 * launches a goroutine counted on the same group ({@code group.go(...)}, or one whose own code
 * calls {@code group.done()}, as {@link WaitGroupGoroutines} finds it) and adds nothing to the
 * group itself; and before the loop the method added to the group a count that is not the
 * constant 1 ({@code group.add(n)}, {@code group.add(jobs.size())}).
 */
public final class AwaitsInLaunchLoops {
  private AwaitsInLaunchLoops() {}

  /**
   * Where the await stands: in {@code loop}, whose later rounds start goroutines it counts, or
   * (when {@code loop} is null) before {@code laterLaunch}, a goroutine the same code starts after
   * it; {@code countedBefore} is the {@code add} that counted them before the await.
   */
  public record AwaitInLaunchLoop(
      TreePath loop, MethodInvocationTree laterLaunch, MethodInvocationTree countedBefore) {}

  /** The finding for the {@code await()} at {@code awaitPath} on {@code group}, if it is one. */
  public static Optional<AwaitInLaunchLoop> at(
      TreePath awaitPath, VarSymbol group, VisitorState state) {
    TreePath loop = null;
    TreePath root = null;
    for (TreePath p = awaitPath.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree) {
        return Optional.empty();
      }
      if (loop == null && SourceOrder.isLoop(leaf)) {
        loop = p;
      }
      if (leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree
          || (leaf instanceof BlockTree && p.getParentPath().getLeaf() instanceof ClassTree)) {
        root = p; // the code the await runs in: a method, a lambda's body, an initializer block
        break;
      }
    }
    if (root == null) {
      return Optional.empty();
    }
    if (loop != null) {
      if (!launchesCountedGoroutine(loop, group, state) || addsInside(loop, group, state)) {
        return Optional.empty();
      }
      TreePath found = loop;
      return countedBefore(root, loop.getLeaf(), group, state)
          .map(add -> new AwaitInLaunchLoop(found, null, add));
    }
    return straightLine(awaitPath, root, group, state);
  }

  /**
   * The loop's unrolled form: {@code add(n)}, a constant {@code n}, then fewer than {@code n}
   * counted goroutines before the await (none of them in a loop), and a counted goroutine started
   * in a statement that follows the await, with no {@code add} on the group between them.
   */
  private static Optional<AwaitInLaunchLoop> straightLine(
      TreePath awaitPath, TreePath root, VarSymbol group, VisitorState state) {
    Tree await = awaitPath.getLeaf();
    Optional<MethodInvocationTree> add = countedBefore(root, await, group, state);
    if (add.isEmpty()
        || !(ASTHelpers.constValue(add.get().getArguments().get(0)) instanceof Number count)) {
      return Optional.empty();
    }
    int addAt = ASTHelpers.getStartPosition(add.get());
    int awaitAt = ASTHelpers.getStartPosition(await);
    int[] startedBefore = {0};
    boolean[] unknown = {false};
    new OwnCode() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        int at = ASTHelpers.getStartPosition(call);
        if (at > addAt && at < awaitAt) {
          if (isAddOn(call, group, state)) {
            unknown[0] = true;
          } else if (GoroutineBodies.isLaunch(call, state)
              && countedOn(getCurrentPath(), call, group, state)) {
            startedBefore[0]++;
            unknown[0] |= insideLoop(getCurrentPath(), root.getLeaf());
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(new TreePath(root, CodeRoots.codeOf(root.getLeaf())), null);
    if (unknown[0] || startedBefore[0] >= count.longValue()) {
      return Optional.empty();
    }
    return launchFollowing(awaitPath, root.getLeaf(), group, state)
        .map(launch -> new AwaitInLaunchLoop(null, launch, add.get()));
  }

  /**
   * The first goroutine counted on {@code group} that a statement following the await's (in its
   * block or an enclosing one, up to {@code root}) starts, with no {@code add} on the group before
   * it; a sibling branch does not follow.
   */
  private static Optional<MethodInvocationTree> launchFollowing(
      TreePath awaitPath, Tree root, VarSymbol group, VisitorState state) {
    for (TreePath p = awaitPath; p.getParentPath() != null && p.getLeaf() != root;
        p = p.getParentPath()) {
      if (!(p.getParentPath().getLeaf() instanceof BlockTree block)) {
        continue;
      }
      List<? extends StatementTree> statements = block.getStatements();
      for (int i = statements.indexOf(p.getLeaf()) + 1; i > 0 && i < statements.size(); i++) {
        TreePath next = new TreePath(p.getParentPath(), statements.get(i));
        MethodInvocationTree[] found = {null};
        boolean[] added = {false};
        new OwnCode() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (found[0] == null && !added[0]) {
              if (isAddOn(call, group, state)
                  || (GoconcApi.WAIT_GROUP_GO.matches(call, state)
                      && WaitGroupGoroutines.groupOf(call) == group)) {
                added[0] = true;
              } else if (GoroutineBodies.isLaunch(call, state)
                  && countedOn(getCurrentPath(), call, group, state)) {
                found[0] = call;
              }
            }
            return super.visitMethodInvocation(call, null);
          }
        }.scan(next, null);
        if (found[0] != null) {
          return Optional.of(found[0]);
        }
        if (added[0]) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static boolean insideLoop(TreePath path, Tree root) {
    for (TreePath p = path; p != null && p.getLeaf() != root; p = p.getParentPath()) {
      if (SourceOrder.isLoop(p.getLeaf())) {
        return true;
      }
    }
    return false;
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
        return super.visitMethodInvocation(call, null);
      }
    }.scan(loop, null);
    return found[0];
  }

  private static boolean countedOn(
      TreePath launchPath, MethodInvocationTree launch, VarSymbol group, VisitorState state) {
    if (GoconcApi.WAIT_GROUP_GO.matches(launch, state)) {
      return WaitGroupGoroutines.groupOf(launch) == group;
    }
    return GoroutineBodies.launchedBodyPath(launchPath, state)
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
        return super.visitMethodInvocation(call, null);
      }
    }.scan(loop, null);
    return found[0];
  }

  /**
   * The last {@code group.add(n)}, {@code n} not the constant 1, of the root's own code before
   * {@code boundary} (and outside it).
   */
  private static Optional<MethodInvocationTree> countedBefore(
      TreePath root, Tree boundary, VarSymbol group, VisitorState state) {
    int boundaryStart = ASTHelpers.getStartPosition(boundary);
    MethodInvocationTree[] last = {null};
    new OwnCode() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return tree == boundary ? null : super.scan(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (ASTHelpers.getStartPosition(call) < boundaryStart
            && isAddOn(call, group, state)
            && !countsOne(call.getArguments().get(0))) {
          last[0] = call;
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(new TreePath(root, CodeRoots.codeOf(root.getLeaf())), null);
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
