package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import java.util.List;

/**
 * Whether a value that carries an obligation (a cancellable context, a ticker) is handed to a new
 * owner at a point of use, so that the method holding it no longer answers for releasing it:
 * returned, stored (field, array element, another variable, a collection), or passed where the
 * callee's parameter can release it ({@code AutoCloseable}, {@code CancelFunc}, or a type variable
 * as in {@code List.add(E)}, unless the call site fixes that variable as a plain {@code Context}:
 * {@code backend.apply(ctx, key)} on a {@code BiFunction<Context, String, R>}). Passing it where a
 * plain {@code Context} or {@code Object} is expected is not a hand-over: such a callee cannot
 * release it.
 */
public final class Handovers {
  private Handovers() {}

  /**
   * Whether the expression at {@code use} hands its value over. {@code use} is the path of the
   * value's occurrence (an identifier, or a call that yields the value).
   */
  public static boolean isHandover(TreePath use, VisitorState state) {
    TreePath path = use;
    Tree child = path.getLeaf();
    TreePath parentPath = path.getParentPath();
    while (parentPath != null
        && (parentPath.getLeaf() instanceof ParenthesizedTree
            || parentPath.getLeaf() instanceof TypeCastTree
            || (parentPath.getLeaf() instanceof ConditionalExpressionTree conditional
                && conditional.getCondition() != child))) {
      child = parentPath.getLeaf();
      parentPath = parentPath.getParentPath();
    }
    if (parentPath == null) {
      return false;
    }
    Tree parent = parentPath.getLeaf();
    if (parent instanceof ReturnTree || parent instanceof YieldTree) {
      return true;
    }
    if (parent instanceof LambdaExpressionTree lambda) {
      return lambda.getBody() == child;
    }
    if (parent instanceof AssignmentTree assignment) {
      return assignment.getExpression() == child;
    }
    if (parent instanceof VariableTree variable) {
      return variable.getInitializer() == child;
    }
    if (parent instanceof NewArrayTree array) {
      return array.getInitializers() != null && array.getInitializers().contains(child);
    }
    if (parent instanceof MethodInvocationTree call) {
      return passedToOwner(ASTHelpers.getSymbol(call), ASTHelpers.getType(call.getMethodSelect()),
          call.getArguments(), child, state);
    }
    if (parent instanceof NewClassTree newClass) {
      return passedToOwner(ASTHelpers.getSymbol(newClass), null, newClass.getArguments(), child,
          state);
    }
    return false;
  }

  /**
   * Whether the callee can release what it is passed as {@code argument}; {@code atSite} is the
   * method's type as the call site sees it (its type variables fixed), when known.
   */
  private static boolean passedToOwner(
      MethodSymbol method,
      Type atSite,
      List<? extends ExpressionTree> arguments,
      Tree argument,
      VisitorState state) {
    int index = arguments.indexOf(argument);
    if (method == null || index < 0 || method.getParameters().isEmpty()) {
      return false;
    }
    List<Type> formals = method.type.getParameterTypes();
    Type formal;
    if (index >= formals.size() - 1 && method.isVarArgs()) {
      Type last = formals.get(formals.size() - 1);
      formal =
          last instanceof Type.ArrayType array && arguments.size() != formals.size()
              ? array.getComponentType()
              : last;
      if (formal instanceof Type.ArrayType array) {
        formal = array.getComponentType();
      }
    } else if (index < formals.size()) {
      formal = formals.get(index);
    } else {
      return false;
    }
    if (formal.getKind() == javax.lang.model.type.TypeKind.TYPEVAR) {
      // A generic holder (List.add(E), Map.put(K, V), List.of(E...)) may keep it, unless the call
      // site fixes the parameter as a plain Context: backend.apply(ctx, key) on a
      // BiFunction<Context, String, R> hands over only what cannot cancel.
      return !(atSite instanceof Type.MethodType site && !method.isVarArgs()
          && index < site.getParameterTypes().size()
          && isPlainContext(site.getParameterTypes().get(index), state));
    }
    return GoconcApi.isSubtypeOf(state.getTypes().erasure(formal), "java.lang.AutoCloseable", state)
        || GoconcApi.isSubtypeOf(state.getTypes().erasure(formal), GoconcApi.CANCEL_FUNC, state);
  }

  private static boolean isPlainContext(Type type, VisitorState state) {
    Type erased = state.getTypes().erasure(type);
    return erased.tsym != null && erased.tsym.getQualifiedName().contentEquals(GoconcApi.CONTEXT);
  }
}
