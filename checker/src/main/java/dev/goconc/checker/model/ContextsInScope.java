package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.ContextInField;
import dev.goconc.checker.api.GoconcApi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables of a {@code Context} type visible at a point of a method: parameters of the
 * method and of the lambdas around the point, locals declared with a value before it in the
 * enclosing blocks ({@code Context c;} assigned later on branches is not read), loop and resource
 * variables. Walks out of lambdas and local or anonymous classes into the
 * method around them (their variables are captured), and stops at a member class. Fields are not
 * variables in scope here: a context in a field is ContextInField's domain.
 */
public final class ContextsInScope {
  private ContextsInScope() {}

  /**
   * One visible context variable. {@code rootedHere}: a local whose value this method made from
   * {@code Context.background()}/{@code todo()} (directly or through {@code withX} of such a
   * local) rather than receiving it from a caller. {@code captured}: declared outside a lambda or
   * local class that lies between it and the point.
   */
  public record ScopedContext(VarSymbol symbol, boolean rootedHere, boolean captured) {
    public boolean effectivelyFinal() {
      return (symbol.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0;
    }
  }

  /** The visible context variables, innermost first. */
  public static List<ScopedContext> at(TreePath path, VisitorState state) {
    List<ScopedContext> found = new ArrayList<>();
    Type contextType = GoconcApi.CONTEXT_TYPE.get(state);
    if (contextType == null) {
      return found;
    }
    List<ExpressionTree> initializers = new ArrayList<>();
    boolean captured = false;
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      List<VariableTree> declared = new ArrayList<>();
      if (leaf instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == child) {
            break;
          }
          // A local declared without a value holds one only where an assignment reached: which
          // one, and whether any yet, is not read, so it is not offered as the context in scope.
          if (statement instanceof VariableTree variable && variable.getInitializer() != null) {
            declared.add(variable);
          }
        }
      } else if (leaf instanceof MethodTree method) {
        declared.addAll(method.getParameters());
      } else if (leaf instanceof LambdaExpressionTree lambda) {
        declared.addAll(lambda.getParameters());
      } else if (leaf instanceof ForLoopTree loop) {
        for (StatementTree init : loop.getInitializer()) {
          if (init != child && init instanceof VariableTree variable) {
            declared.add(variable);
          }
        }
      } else if (leaf instanceof EnhancedForLoopTree loop && child == loop.getStatement()) {
        declared.add(loop.getVariable());
      } else if (leaf instanceof TryTree tryTree) {
        for (Tree resource : tryTree.getResources()) {
          if (resource == child) {
            break;
          }
          if (resource instanceof VariableTree variable) {
            declared.add(variable);
          }
        }
      } else if (leaf instanceof ClassTree) {
        Symbol cls = ASTHelpers.getSymbol(leaf);
        if (cls == null || !cls.isDirectlyOrIndirectlyLocal()) {
          break;
        }
      }
      // Innermost first: the latest local of a block, but the first parameter of a signature.
      boolean parameters = leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree;
      for (int k = 0; k < declared.size(); k++) {
        VariableTree variable = declared.get(parameters ? k : declared.size() - 1 - k);
        VarSymbol symbol = ASTHelpers.getSymbol(variable);
        if (symbol == null || !ASTHelpers.isSubtype(symbol.type, contextType, state)) {
          continue;
        }
        found.add(new ScopedContext(symbol, false, captured));
        initializers.add(variable.getInitializer());
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        captured = true;
      }
    }
    // A local may be derived from an outer one found later: resolve from outer to inner.
    Set<Symbol> rooted = new HashSet<>();
    List<ScopedContext> resolved = new ArrayList<>();
    for (int i = found.size() - 1; i >= 0; i--) {
      ScopedContext scoped = found.get(i);
      ExpressionTree initializer = initializers.get(i);
      boolean here = initializer != null && isRooted(initializer, rooted, state);
      if (here) {
        rooted.add(scoped.symbol());
      }
      resolved.add(0, new ScopedContext(scoped.symbol(), here, scoped.captured()));
    }
    return resolved;
  }

  /** Whether {@code expression} is a root context, or a {@code Context.withX} of one. */
  static boolean isRooted(ExpressionTree expression, Set<Symbol> rootedLocals, VisitorState state) {
    ExpressionTree e = ASTHelpers.stripParentheses(expression);
    if (GoconcApi.CONTEXT_ROOT.matches(e, state)) {
      return true;
    }
    if (e instanceof MethodInvocationTree call
        && isContextWrapper(call, state)
        && !call.getArguments().isEmpty()) {
      return isRooted(call.getArguments().get(0), rootedLocals, state);
    }
    Symbol symbol = ASTHelpers.getSymbol(e);
    return symbol != null && rootedLocals.contains(symbol);
  }

  /** A static {@code Context} method deriving a context from its first argument. */
  public static boolean isContextWrapper(MethodInvocationTree call, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(call);
    return symbol != null
        && ASTHelpers.isStatic(symbol)
        && symbol.owner.getQualifiedName().contentEquals(GoconcApi.CONTEXT)
        && !call.getArguments().isEmpty();
  }
}
