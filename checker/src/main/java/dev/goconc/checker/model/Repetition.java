package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.JdkApi;
import java.util.Optional;

/**
 * How many times code runs, at most, each time the code around it runs: once; as many times as a
 * loop goes round when its rounds are written in the source ({@code for (int i = 0; i < 3; i++)},
 * a for-each or a {@code forEach} over {@code List.of(a, b, c)} or an array written out); at most
 * once in an {@code Optional}'s callback; otherwise unboundedly many ({@link SendCounts#UNBOUNDED}).
 * GoroutineLeak's counted question multiplies a goroutine's sends by this for its launch, so three
 * goroutines launched from a loop over three values send three values, not unboundedly many.
 */
public final class Repetition {
  private Repetition() {}

  /** The most times the code at {@code path} runs in one run of {@code root}. */
  public static int times(TreePath path, Tree root, VisitorState state) {
    int times = 1;
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null && p.getLeaf() != root;
        child = p.getLeaf(), p = p.getParentPath()) {
      times = multiply(times, roundsAround(p, child, state));
      if (times == SendCounts.UNBOUNDED) {
        return times;
      }
    }
    return times;
  }

  /**
   * The most times a lambda or method reference that a JDK method runs in place (see {@link
   * JdkApi#RUNS_CALLBACK_IN_PLACE}) runs per call of that method; {@code callbackPath} is its
   * path, whose parent is the call.
   */
  public static int callbackTimes(TreePath callbackPath, VisitorState state) {
    if (!(callbackPath.getParentPath().getLeaf() instanceof MethodInvocationTree call)
        || !call.getArguments().contains(callbackPath.getLeaf())
        || !JdkApi.RUNS_CALLBACK_IN_PLACE.matches(call, state)) {
      return SendCounts.UNBOUNDED;
    }
    if (JdkApi.OPTIONAL_CALLBACK.matches(call, state)) {
      return 1;
    }
    // items.stream().map(f).forEach(g): the elements of the collection the chain starts from.
    ExpressionTree source = ASTHelpers.getReceiver(call);
    while (source instanceof MethodInvocationTree link
        && !JdkApi.LITERAL_COLLECTION.matches(link, state)
        && ASTHelpers.getReceiver(link) != null) {
      source = ASTHelpers.getReceiver(link);
    }
    return elements(source, state);
  }

  /**
   * The most rounds the loop at {@code loopPath} goes each time it runs, as {@link #times} counts
   * them (a constant, else {@link SendCounts#UNBOUNDED}).
   */
  public static int rounds(TreePath loopPath, VisitorState state) {
    Tree body = switch (loopPath.getLeaf()) {
      case EnhancedForLoopTree loop -> loop.getStatement();
      case ForLoopTree loop -> loop.getStatement();
      case WhileLoopTree loop -> loop.getStatement();
      case DoWhileLoopTree loop -> loop.getStatement();
      default -> null;
    };
    return body == null ? 1 : roundsAround(loopPath, body, state);
  }

  private static int roundsAround(TreePath p, Tree child, VisitorState state) {
    return switch (p.getLeaf()) {
      case EnhancedForLoopTree loop ->
          loop.getExpression() == child ? 1 : elements(loop.getExpression(), state);
      case ForLoopTree loop ->
          loop.getInitializer().contains(child) ? 1 : countedRounds(loop);
      case WhileLoopTree loop -> SendCounts.UNBOUNDED;
      case DoWhileLoopTree loop -> SendCounts.UNBOUNDED;
      case LambdaExpressionTree lambda ->
          p.getParentPath().getLeaf() instanceof MethodInvocationTree call
                  && JdkApi.RUNS_CALLBACK_IN_PLACE.matches(call, state)
              ? callbackTimes(p, state)
              : 1;
      default -> 1;
    };
  }

  /** The elements of a collection or array written out in the source, else unbounded. */
  private static int elements(ExpressionTree expression, VisitorState state) {
    ExpressionTree e = expression == null ? null : ASTHelpers.stripParentheses(expression);
    if (e instanceof MethodInvocationTree call && JdkApi.LITERAL_COLLECTION.matches(call, state)
        && !(call.getArguments().size() == 1
            && ASTHelpers.getType(call.getArguments().get(0)) != null
            && ASTHelpers.getType(call.getArguments().get(0)).getKind()
                == javax.lang.model.type.TypeKind.ARRAY)) {
      return call.getArguments().size();
    }
    if (e instanceof NewArrayTree array && array.getInitializers() != null) {
      return array.getInitializers().size();
    }
    return SendCounts.UNBOUNDED;
  }

  /**
   * {@code for (int i = A; i < B; i++)} (or {@code <=}, {@code ++i}, {@code i += 1}) with constant
   * bounds and a body that never assigns {@code i}: {@code B - A} rounds; else unbounded.
   */
  private static int countedRounds(ForLoopTree loop) {
    CountedLoop counted = countedLoop(loop).orElse(null);
    if (counted == null) {
      return SendCounts.UNBOUNDED;
    }
    Integer from = ASTHelpers.constValue(counted.from(), Integer.class);
    Integer to = ASTHelpers.constValue(counted.bound(), Integer.class);
    if (from == null || to == null) {
      return SendCounts.UNBOUNDED;
    }
    long rounds = (long) to - from + (counted.inclusive() ? 1 : 0);
    return rounds < 0 ? 0 : (int) Math.min(rounds, SendCounts.UNBOUNDED);
  }

  /**
   * A loop that counts one variable from {@code from} up to {@code bound} by one, {@code
   * inclusive} of the bound or not; its body never assigns the variable.
   */
  public record CountedLoop(ExpressionTree from, ExpressionTree bound, boolean inclusive) {}

  /**
   * {@code for (int i = A; i < B; i++)} (or {@code <=}, {@code ++i}, {@code i += 1}) whose body
   * never assigns {@code i}, whatever {@code A} and {@code B} are; empty for any other loop.
   */
  public static Optional<CountedLoop> countedLoop(ForLoopTree loop) {
    if (loop.getInitializer().size() != 1
        || !(loop.getInitializer().get(0) instanceof VariableTree counter)
        || counter.getInitializer() == null
        || !(loop.getCondition() instanceof BinaryTree bound)
        || (bound.getKind() != Tree.Kind.LESS_THAN && bound.getKind() != Tree.Kind.LESS_THAN_EQUAL)
        || loop.getUpdate().size() != 1) {
      return Optional.empty();
    }
    Symbol variable = ASTHelpers.getSymbol(counter);
    boolean namesCounter = bound.getLeftOperand() instanceof IdentifierTree left
        && ASTHelpers.getSymbol(left) == variable;
    ExpressionTree update = loop.getUpdate().get(0).getExpression();
    boolean stepsByOne = switch (update) {
      case UnaryTree unary -> (unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
          || unary.getKind() == Tree.Kind.PREFIX_INCREMENT)
          && ASTHelpers.getSymbol(unary.getExpression()) == variable;
      case CompoundAssignmentTree add -> add.getKind() == Tree.Kind.PLUS_ASSIGNMENT
          && ASTHelpers.getSymbol(add.getVariable()) == variable
          && Integer.valueOf(1).equals(ASTHelpers.constValue(add.getExpression(), Integer.class));
      default -> false;
    };
    if (!namesCounter || !stepsByOne || assigns(loop.getStatement(), variable)) {
      return Optional.empty();
    }
    return Optional.of(new CountedLoop(
        counter.getInitializer(),
        bound.getRightOperand(),
        bound.getKind() == Tree.Kind.LESS_THAN_EQUAL));
  }

  private static boolean assigns(Tree body, Symbol variable) {
    Boolean found = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }

      @Override
      public Boolean visitAssignment(AssignmentTree tree, Void unused) {
        return ASTHelpers.getSymbol(tree.getVariable()) == variable
            || Boolean.TRUE.equals(super.visitAssignment(tree, null));
      }

      @Override
      public Boolean visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        return ASTHelpers.getSymbol(tree.getVariable()) == variable
            || Boolean.TRUE.equals(super.visitCompoundAssignment(tree, null));
      }

      @Override
      public Boolean visitUnary(UnaryTree tree, Void unused) {
        return (tree.getKind().name().contains("CREMENT")
                && ASTHelpers.getSymbol(tree.getExpression()) == variable)
            || Boolean.TRUE.equals(super.visitUnary(tree, null));
      }
    }.scan(body, null);
    return Boolean.TRUE.equals(found);
  }

  /** {@code a * b}, unbounded when either is or the product overflows. */
  public static int multiply(int a, int b) {
    if (a == SendCounts.UNBOUNDED || b == SendCounts.UNBOUNDED) {
      return a == 0 || b == 0 ? 0 : SendCounts.UNBOUNDED;
    }
    long product = (long) a * b;
    return product >= SendCounts.UNBOUNDED ? SendCounts.UNBOUNDED : (int) product;
  }
}
