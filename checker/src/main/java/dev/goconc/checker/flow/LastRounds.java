package dev.goconc.checker.flow;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.List;
import java.util.Optional;

/**
 * Code that runs only in the last round of a counted loop: {@code for (int i = 0; i < n; i++) {
 * ...; if (i == n - 1) { ... } }}. The control-flow graph goes round from the guarded code back
 * into the loop's body, a path no run can take: after that round the condition is false. A
 * question asked on the graph ("is there a send after this close?") uses this to drop the places
 * it reaches only by going round.
 *
 * <p>Read only where it is certain: a basic {@code for} whose one variable starts in its
 * initializer, is compared with {@code <} or {@code <=} against a bound that is a constant, a
 * local, a parameter, a final field or an array's {@code length} of one, and steps by one; neither
 * the variable nor the bound is assigned in the loop. The guard is the condition of an {@code if}
 * directly in the loop's body (nested blocks allowed, no other statement kind between): {@code
 * i == n - 1}, {@code i + 1 == n}, {@code i >= n - 1} and their mirror images (for {@code <=}:
 * {@code i == n}, {@code i >= n}), on the {@code then} side.
 */
public final class LastRounds {
  private LastRounds() {}

  /**
   * The counted loop whose last round alone runs the code at {@code path}, found between it and
   * {@code root}.
   */
  public static Optional<ForLoopTree> lastRoundOf(TreePath path, Tree root) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null && p.getLeaf() != root;
        p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof IfTree guard && guard.getThenStatement() == child) {
        Optional<ForLoopTree> loop = loopAround(p);
        if (loop.isPresent() && marksLastRound(guard.getCondition(), loop.get())) {
          return loop;
        }
      } else if (!(leaf instanceof BlockTree
          || leaf instanceof ExpressionStatementTree
          || leaf instanceof IfTree)) {
        return Optional.empty(); // a loop, a lambda, a try: not read
      }
      child = leaf;
    }
    return Optional.empty();
  }

  /** The basic for loop whose body holds the {@code if} at {@code ifPath}, through blocks only. */
  private static Optional<ForLoopTree> loopAround(TreePath ifPath) {
    Tree child = ifPath.getLeaf();
    for (TreePath p = ifPath.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ForLoopTree loop && loop.getStatement() == child) {
        return Optional.of(loop);
      }
      if (!(leaf instanceof BlockTree)) {
        return Optional.empty();
      }
      child = leaf;
    }
    return Optional.empty();
  }

  private static boolean marksLastRound(ExpressionTree guard, ForLoopTree loop) {
    Counter counter = Counter.of(loop);
    if (counter == null) {
      return false;
    }
    ExpressionTree condition = ASTHelpers.stripParentheses(guard);
    if (!(condition instanceof BinaryTree compare)) {
      return false;
    }
    Linear left = Linear.of(compare.getLeftOperand());
    Linear right = Linear.of(compare.getRightOperand());
    if (left == null || right == null) {
      return false;
    }
    // The last round's variable is the bound plus lastOffset; the guard must say exactly that.
    return switch (compare.getKind()) {
      case EQUAL_TO -> equatesLast(left, right, counter) || equatesLast(right, left, counter);
      case GREATER_THAN_EQUAL -> equatesLast(left, right, counter);
      case LESS_THAN_EQUAL -> equatesLast(right, left, counter);
      default -> false;
    };
  }

  /** Whether {@code variableSide} is the counter and {@code boundSide} its last value. */
  private static boolean equatesLast(Linear variableSide, Linear boundSide, Counter counter) {
    if (variableSide.base() == null || !sameVariable(variableSide.base(), counter.variable())) {
      return false;
    }
    Integer constantBound = ASTHelpers.constValue(counter.bound(), Integer.class);
    if (constantBound != null) {
      return boundSide.base() == null
          && boundSide.offset() - variableSide.offset() == constantBound + counter.lastOffset();
    }
    return boundSide.base() != null && sameBound(boundSide.base(), counter.bound())
        && boundSide.offset() - variableSide.offset() == counter.lastOffset();
  }

  /** The loop's counter: its variable, its bound, and the last value as an offset from the bound. */
  private record Counter(VarSymbol variable, ExpressionTree bound, int lastOffset) {
    static Counter of(ForLoopTree loop) {
      if (loop.getInitializer().size() != 1
          || !(loop.getInitializer().get(0) instanceof VariableTree init)
          || !(ASTHelpers.getSymbol(init) instanceof VarSymbol variable)
          || loop.getUpdate().size() != 1
          || !stepsByOne(loop.getUpdate().get(0).getExpression(), variable)
          || !(ASTHelpers.stripParentheses(loop.getCondition()) instanceof BinaryTree condition)
          || !(ASTHelpers.stripParentheses(condition.getLeftOperand()) instanceof IdentifierTree id)
          || ASTHelpers.getSymbol(id) != variable) {
        return null;
      }
      int lastOffset = switch (condition.getKind()) {
        case LESS_THAN -> -1;
        case LESS_THAN_EQUAL -> 0;
        default -> 1; // not a counted loop read here
      };
      ExpressionTree bound = ASTHelpers.stripParentheses(condition.getRightOperand());
      if (lastOffset == 1 || !fixedBound(bound)
          || assignsAny(loop.getStatement(), variable, boundVariable(bound))) {
        return null;
      }
      return new Counter(variable, bound, lastOffset);
    }
  }

  private static boolean stepsByOne(ExpressionTree update, VarSymbol variable) {
    ExpressionTree step = ASTHelpers.stripParentheses(update);
    if (step instanceof UnaryTree unary
        && (unary.getKind() == Tree.Kind.POSTFIX_INCREMENT
            || unary.getKind() == Tree.Kind.PREFIX_INCREMENT)) {
      return ASTHelpers.getSymbol(unary.getExpression()) == variable;
    }
    if (step instanceof CompoundAssignmentTree add && add.getKind() == Tree.Kind.PLUS_ASSIGNMENT) {
      return ASTHelpers.getSymbol(add.getVariable()) == variable
          && Integer.valueOf(1).equals(ASTHelpers.constValue(add.getExpression(), Integer.class));
    }
    return false;
  }

  /** A bound no code can change while the loop runs, but for the loop's own assignments. */
  private static boolean fixedBound(ExpressionTree bound) {
    if (ASTHelpers.constValue(bound) != null) {
      return true;
    }
    Symbol symbol = boundVariable(bound);
    if (!(symbol instanceof VarSymbol variable)) {
      return false;
    }
    return switch (variable.getKind()) {
      case LOCAL_VARIABLE, PARAMETER -> true;
      case FIELD -> (variable.flags() & Flags.FINAL) != 0;
      default -> false;
    };
  }

  /** The variable a bound reads: {@code n}, {@code this.n}, or the array of {@code a.length}. */
  private static Symbol boundVariable(ExpressionTree bound) {
    if (bound instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("length")
        && ASTHelpers.getSymbol(select.getExpression()) instanceof VarSymbol array
        && ASTHelpers.getType(select.getExpression()) != null
        && ASTHelpers.getType(select.getExpression()).getKind() == javax.lang.model.type.TypeKind.ARRAY) {
      return array;
    }
    return bound instanceof IdentifierTree || bound instanceof MemberSelectTree
        ? ASTHelpers.getSymbol(bound)
        : null;
  }

  private static boolean sameBound(ExpressionTree a, ExpressionTree b) {
    Object constant = ASTHelpers.constValue(b);
    if (constant != null) {
      return constant.equals(ASTHelpers.constValue(a));
    }
    Symbol bound = boundVariable(b);
    return bound != null && bound == boundVariable(a)
        && (a instanceof MemberSelectTree) == (b instanceof MemberSelectTree)
        && (!(b instanceof MemberSelectTree s) || ((MemberSelectTree) a).getIdentifier()
            .contentEquals(s.getIdentifier()));
  }

  private static boolean sameVariable(ExpressionTree tree, VarSymbol variable) {
    return tree instanceof IdentifierTree && ASTHelpers.getSymbol(tree) == variable;
  }

  /** Whether {@code body} assigns one of {@code variables} (nulls ignored). */
  private static boolean assignsAny(Tree body, Symbol... variables) {
    List<Symbol> watched = java.util.Arrays.stream(variables).filter(v -> v != null).toList();
    Boolean found = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean visitAssignment(AssignmentTree tree, Void unused) {
        return watched.contains(ASTHelpers.getSymbol(tree.getVariable())) || super.visitAssignment(tree, null);
      }

      @Override
      public Boolean visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        return watched.contains(ASTHelpers.getSymbol(tree.getVariable()))
            || super.visitCompoundAssignment(tree, null);
      }

      @Override
      public Boolean visitUnary(UnaryTree tree, Void unused) {
        boolean steps = switch (tree.getKind()) {
          case POSTFIX_INCREMENT, PREFIX_INCREMENT, POSTFIX_DECREMENT, PREFIX_DECREMENT -> true;
          default -> false;
        };
        return (steps && watched.contains(ASTHelpers.getSymbol(tree.getExpression())))
            || super.visitUnary(tree, null);
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(body, null);
    return Boolean.TRUE.equals(found);
  }

  /** An expression read as a base plus a constant: {@code n - 1} is (n, -1), {@code 3} is (null, 3). */
  private record Linear(ExpressionTree base, int offset) {
    static Linear of(ExpressionTree expression) {
      ExpressionTree e = ASTHelpers.stripParentheses(expression);
      Integer constant = ASTHelpers.constValue(e, Integer.class);
      if (constant != null) {
        return new Linear(null, constant);
      }
      if (e instanceof BinaryTree binary
          && (binary.getKind() == Tree.Kind.PLUS || binary.getKind() == Tree.Kind.MINUS)) {
        Integer right = ASTHelpers.constValue(binary.getRightOperand(), Integer.class);
        if (right != null) {
          Linear left = of(binary.getLeftOperand());
          int signed = binary.getKind() == Tree.Kind.PLUS ? right : -right;
          return left == null || left.base() == null ? null
              : new Linear(left.base(), left.offset() + signed);
        }
        return null;
      }
      return e instanceof IdentifierTree || e instanceof MemberSelectTree ? new Linear(e, 0) : null;
    }
  }
}
