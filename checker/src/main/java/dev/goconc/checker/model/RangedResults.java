package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The methods of the compilation unit whose returned channel some code of the unit ranges over
 * until it is closed: a for-each over the call ({@code for (Poll p : allPolls(ps))}), or over a
 * local that holds the call's result and is never assigned again ({@code var polls =
 * allPolls(ps); for (Poll p : polls)}), with no way out of the loop but the channel's close (no
 * {@code break}, {@code return} or {@code throw} in it: {@link EndlessLoops#hasWayOut}). Such a
 * loop ends only when the channel is closed, so the method that makes the channel owes it a close.
 * A method that returns another method's result ({@code return new Inner().lines(files);}) hands
 * the loop that ranges over its own result to that method too. Read once per unit.
 */
public final class RangedResults {
  private RangedResults() {}

  /** A loop of the unit that ranges over what {@code method} returns until it closes, if any. */
  public static Optional<EnhancedForLoopTree> loopOver(MethodSymbol method, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return Optional.ofNullable(UnitMemo.get(state, LOOPS, unit, () -> collect(unit, state))
        .get(method));
  }

  private static final UnitMemo.Fact<Map<MethodSymbol, EnhancedForLoopTree>> LOOPS =
      new UnitMemo.Fact<>("loops over a method's returned channel");

  private static Map<MethodSymbol, EnhancedForLoopTree> collect(
      CompilationUnitTree unit, VisitorState state) {
    Map<MethodSymbol, EnhancedForLoopTree> loops = new IdentityHashMap<>();
    Map<VarSymbol, MethodSymbol> heldResults = new IdentityHashMap<>();
    Map<MethodSymbol, Set<MethodSymbol>> returnsResultOf = new IdentityHashMap<>();
    new TreeScanner<Void, MethodSymbol>() {
      @Override
      public Void visitMethod(MethodTree method, MethodSymbol unused) {
        return super.visitMethod(method, ASTHelpers.getSymbol(method));
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, MethodSymbol unused) {
        return super.visitLambdaExpression(lambda, null); // its returns are the lambda's
      }

      @Override
      public Void visitReturn(ReturnTree returned, MethodSymbol current) {
        if (current != null
            && calledMethod(returned.getExpression(), state) instanceof MethodSymbol callee) {
          returnsResultOf.computeIfAbsent(current, m -> new LinkedHashSet<>()).add(callee);
        }
        return super.visitReturn(returned, current);
      }

      @Override
      public Void visitVariable(VariableTree variable, MethodSymbol current) {
        if (ASTHelpers.getSymbol(variable) instanceof VarSymbol local
            && local.getKind() == ElementKind.LOCAL_VARIABLE
            && (local.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0
            && calledMethod(variable.getInitializer(), state) instanceof MethodSymbol method) {
          heldResults.put(local, method);
        }
        return super.visitVariable(variable, current);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree loop, MethodSymbol current) {
        ExpressionTree over = ASTHelpers.stripParentheses(loop.getExpression());
        MethodSymbol method = over instanceof IdentifierTree name
                && ASTHelpers.getSymbol(name) instanceof VarSymbol local
            ? heldResults.get(local)
            : calledMethod(over, state);
        if (method != null && !EndlessLoops.hasWayOut(loop, state)) {
          loops.putIfAbsent(method, loop);
        }
        return super.visitEnhancedForLoop(loop, current);
      }
    }.scan(unit, null);
    Deque<MethodSymbol> work = new ArrayDeque<>(loops.keySet());
    while (!work.isEmpty()) {
      MethodSymbol ranged = work.pop();
      for (MethodSymbol callee : returnsResultOf.getOrDefault(ranged, Set.of())) {
        if (loops.putIfAbsent(callee, loops.get(ranged)) == null) {
          work.push(callee);
        }
      }
    }
    return loops;
  }

  /** The method {@code expression} calls when it is a call returning a channel; else null. */
  private static MethodSymbol calledMethod(ExpressionTree expression, VisitorState state) {
    return expression != null
            && ASTHelpers.stripParentheses(expression) instanceof MethodInvocationTree call
            && ASTHelpers.getSymbol(call) instanceof MethodSymbol method
            && ChannelUses.isChannelType(method.getReturnType(), state)
        ? method
        : null;
  }
}
