package dev.goconc.checker.flow;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.GoroutineLeak;
import dev.goconc.checker.model.Calls;
import java.util.List;
import java.util.Set;

/**
 * The producer/consumer shape that answers GoroutineLeak's abandoned-sender question without a
 * control-flow graph: the method starts goroutines, then ranges over their channel at the top
 * level of its body, and nothing from the launch's statement up to that loop can leave.
 *
 * <pre>
 * Go.go(() -> { ... ch.send(x) ... });      for (...) { wg.go(() -> results.send(...)); }
 * for (Item item : ch) { ... }              ...
 *                                           for (Result r : results) { ... }
 * </pre>
 *
 * A path from the launch can leave the method only by a {@code return} or an explicit
 * {@code throw} (the walk ignores exceptions ordinary calls may throw, and {@code break} and
 * {@code continue} cannot leave a method); the for-each evaluates its channel before anything
 * else, and that is a receive the walk stops at. So when the launch's top-level statement — all
 * of it, as a loop around the launch runs its start again — and the statements up to the loop
 * hold no {@code return}, {@code throw} or {@code assert} outside lambdas and classes (whose code is not this
 * body's path), the walk would find no way out. On code full of worker pools and pipelines this
 * spared most of the graphs GoroutineLeak built.
 */
public final class ReceiveAhead {
  private ReceiveAhead() {}

  /**
   * Whether every path from the launch at {@code launchPath} reaches, before it can leave the
   * method {@code body}, a top-level for-each whose channel expression is one of {@code
   * receives}.
   */
  public static boolean guaranteed(TreePath launchPath, BlockTree body, Set<Tree> receives) {
    StatementTree launchStatement = topLevelStatement(launchPath, body);
    if (launchStatement == null) {
      return false;
    }
    List<? extends StatementTree> statements = body.getStatements();
    boolean after = false;
    for (StatementTree statement : statements) {
      if (statement == launchStatement) {
        after = true;
      } else if (after
          && statement instanceof EnhancedForLoopTree loop
          && receives.contains(loop.getExpression())) {
        return true;
      }
      if (after && mayLeave(statement)) {
        return false;
      }
    }
    return false;
  }

  /** The statement of {@code body}'s own list that holds {@code path}'s leaf, or null. */
  private static StatementTree topLevelStatement(TreePath path, BlockTree body) {
    for (TreePath p = path; p != null && p.getParentPath() != null; p = p.getParentPath()) {
      if (p.getParentPath().getLeaf() == body) {
        return p.getLeaf() instanceof StatementTree statement ? statement : null;
      }
    }
    return null;
  }

  /** Whether {@code statement} holds a return or throw of this body's own code. */
  private static boolean mayLeave(StatementTree statement) {
    Boolean found =
        new Calls.OwnCodeScanner() {
          @Override
          public Boolean visitReturn(ReturnTree tree, Void unused) {
            return true;
          }

          @Override
          public Boolean visitThrow(ThrowTree tree, Void unused) {
            return true;
          }

          @Override
          public Boolean visitAssert(AssertTree tree, Void unused) {
            return true; // its failure throws: left to the graph
          }
        }.scan(statement, null);
    return Boolean.TRUE.equals(found);
  }
}
