package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import java.util.ArrayList;
import java.util.List;

/**
 * Loops that never end on their own: {@code while (true)}, {@code for (;;)},
 * {@code do ... while (true)} with no {@code return}, {@code throw}, {@code break} out of the
 * loop, or {@code System.exit} inside them (a labelled break counts as a way out).
 */
public final class EndlessLoops {
  private EndlessLoops() {}


  /** Every endless loop in {@code body}, outermost first; nested lambdas and classes excluded. */
  public static List<StatementTree> in(TreePath body, VisitorState state) {
    List<StatementTree> loops = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitWhileLoop(WhileLoopTree tree, Void unused) {
        check(tree, isTrue(tree.getCondition()));
        return super.visitWhileLoop(tree, null);
      }

      @Override
      public Void visitDoWhileLoop(DoWhileLoopTree tree, Void unused) {
        check(tree, isTrue(tree.getCondition()));
        return super.visitDoWhileLoop(tree, null);
      }

      @Override
      public Void visitForLoop(ForLoopTree tree, Void unused) {
        check(tree, tree.getCondition() == null || isTrue(tree.getCondition()));
        return super.visitForLoop(tree, null);
      }

      private void check(StatementTree loop, boolean unconditional) {
        if (unconditional && !hasWayOut(loop, state)) {
          loops.add(loop);
        }
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return tree == body.getLeaf()
            ? super.visitLambdaExpression(tree, null)
            : null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(body.getLeaf(), null);
    return loops;
  }

  private static boolean isTrue(ExpressionTree condition) {
    return Boolean.TRUE.equals(ASTHelpers.constValue(ASTHelpers.stripParentheses(condition)));
  }

  /**
   * Whether a return, throw, break out of {@code loop} or System.exit lies inside it. A select
   * case's handler runs in place, inside the select's {@code run()}: a throw in it leaves the
   * loop too (its return only gives the select its value).
   */
  public static boolean hasWayOut(StatementTree loop, VisitorState state) {
    boolean[] out = new boolean[1];
    new TreePathScanner<Void, Void>() {
      private int handlers;

      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        out[0] |= handlers == 0;
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        out[0] = true;
        return null;
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        out[0] |= tree.getLabel() != null || breaksOut(getCurrentPath(), loop);
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        out[0] |= JdkApi.SYSTEM_EXIT.matches(tree, state);
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        if (!(getCurrentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call)
            || !GoconcApi.SELECT_CASE.matches(call, state)) {
          return null; // a return in a lambda leaves the lambda, not the loop
        }
        handlers++;
        super.visitLambdaExpression(tree, null);
        handlers--;
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(new TreePath(new TreePath(state.getPath().getCompilationUnit()), loop), null);
    return out[0];
  }

  /** Whether an unlabelled break at {@code path} leaves {@code loop}. */
  private static boolean breaksOut(TreePath path, Tree loop) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf == loop) {
        return true;
      }
      if (leaf instanceof WhileLoopTree || leaf instanceof DoWhileLoopTree
          || leaf instanceof ForLoopTree || leaf instanceof EnhancedForLoopTree
          || leaf instanceof SwitchTree) {
        return false;
      }
    }
    return false;
  }
}
