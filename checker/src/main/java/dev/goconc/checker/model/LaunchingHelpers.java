package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.flow.ExitPaths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The methods of the unit that start the task they are given as a goroutine of its own, as Go
 * code wraps {@code go f()} in a helper that does the bookkeeping around it (CockroachDB's {@code
 * stopper.RunWorker(f)}: count the worker in, start it, count it out when it ends). A call of one
 * is a launch ({@link GoroutineBodies#isLaunch}): the task it is given runs as a goroutine, not
 * in the caller and not at some unknown time.
 *
 * <p>A helper is a method whose code a call surely runs ({@link ParameterEffects#summarisable}:
 * declared in this unit, not overridable, not calling itself) and whose first parameter is a
 * {@code Runnable} named once, never reassigned: passed as the task of a launch of the runtime or
 * the JDK ({@code Go.go(f)}), or run ({@code f.run()}) by the lambda such a launch starts. The
 * launch runs once on every call, and the run once on every run of the lambda: each is a
 * statement of a block or of a {@code try} block (no branch, loop, catch or other lambda around
 * it), and every normal way out of the method (of the lambda) passes it. A method that may not
 * start the task, starts it more than once, runs it in place or hands it on is no helper: its
 * calls stay what they were, and the task escapes.
 */
final class LaunchingHelpers {
  private LaunchingHelpers() {}

  /** Whether {@code call}, a call of a method named {@code name}, calls a launching helper. */
  static boolean calls(MethodInvocationTree call, String name, VisitorState state) {
    Set<MethodSymbol> named = of(state).get(name);
    return named != null
        && ASTHelpers.getSymbol(call) instanceof MethodSymbol method
        && named.contains(method);
  }

  private static final UnitMemo.Fact<Map<String, Set<MethodSymbol>>> HELPERS =
      new UnitMemo.Fact<>("launching helpers");

  /** The unit's helpers by name: a call's name is read before its symbol, as for launches. */
  private static Map<String, Set<MethodSymbol>> of(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, HELPERS, unit, () -> collect(unit, state));
  }

  private static Map<String, Set<MethodSymbol>> collect(
      CompilationUnitTree unit, VisitorState state) {
    Map<String, Set<MethodSymbol>> helpers = new HashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && startsItsTask(getCurrentPath(), symbol, state)) {
          helpers.computeIfAbsent(symbol.getSimpleName().toString(),
                  name -> Collections.newSetFromMap(new IdentityHashMap<>()))
              .add(symbol);
        }
        return super.visitMethod(tree, null);
      }
    }.scan(unit, null);
    return helpers;
  }

  private static boolean startsItsTask(TreePath methodPath, MethodSymbol symbol,
      VisitorState state) {
    MethodTree method = (MethodTree) methodPath.getLeaf();
    if (method.getBody() == null || method.getParameters().isEmpty()
        || symbol.isVarArgs() && method.getParameters().size() == 1) {
      return false;
    }
    VarSymbol task = ASTHelpers.getSymbol(method.getParameters().get(0));
    if (task == null || !task.type.tsym.getQualifiedName().contentEquals(JdkApi.RUNNABLE)) {
      return false;
    }
    List<TreePath> mentions = mentionsOf(task, methodPath);
    if (mentions.size() != 1 || !ParameterEffects.summarisable(symbol, state)) {
      return false;
    }
    TreePath mention = mentions.get(0);
    if (mention.getParentPath().getLeaf() instanceof MethodInvocationTree) {
      return startedOnce(mention.getParentPath(), mention.getLeaf(), methodPath, state);
    }
    TreePath run = runOf(mention);
    if (run == null) {
      return false;
    }
    for (TreePath p = run.getParentPath(); p != null && p != methodPath; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree) {
        return onceOnEveryPath(run, p, state)
            && startedOnce(p.getParentPath(), p.getLeaf(), methodPath, state);
      }
    }
    return false;
  }

  /**
   * Whether {@code launchPath} is a direct launch whose task is {@code task}, run once on every
   * call of the method at {@code methodPath}.
   */
  private static boolean startedOnce(TreePath launchPath, Tree task, TreePath methodPath,
      VisitorState state) {
    return launchPath.getLeaf() instanceof MethodInvocationTree launch
        && GoroutineBodies.isDirectLaunch(launch, Calls.nameOf(launch), state)
        && launch.getArguments().get(0) == task
        && onceOnEveryPath(launchPath, methodPath, state);
  }

  /**
   * Whether the call at {@code callPath} runs once on every normal run of the method or lambda at
   * {@code codePath}: it is its body (an expression lambda's), or a statement of blocks and
   * {@code try} blocks only, and every way out passes it.
   */
  private static boolean onceOnEveryPath(TreePath callPath, TreePath codePath,
      VisitorState state) {
    Tree body = codePath.getLeaf() instanceof LambdaExpressionTree lambda ? lambda.getBody()
        : ((MethodTree) codePath.getLeaf()).getBody();
    if (body == callPath.getLeaf()) {
      return true;
    }
    if (!(callPath.getParentPath().getLeaf() instanceof ExpressionStatementTree)) {
      return false;
    }
    Tree child = callPath.getParentPath().getLeaf();
    for (TreePath p = callPath.getParentPath().getParentPath(); p.getLeaf() != body;
        child = p.getLeaf(), p = p.getParentPath()) {
      boolean straight = p.getLeaf() instanceof BlockTree
          || p.getLeaf() instanceof TryTree tryTree && tryTree.getBlock() == child;
      if (!straight) {
        return false;
      }
    }
    Tree call = callPath.getLeaf();
    return ExitPaths.of(codePath, state)
        .map(paths -> paths.exitsFromEntryAvoiding(t -> t == call).stream()
            .noneMatch(ExitPaths.Exit::leaves))
        .orElse(false);
  }

  /** {@code task.run()} at the name {@code mention}: the call's path, else null. */
  private static TreePath runOf(TreePath mention) {
    TreePath select = mention.getParentPath();
    return select.getLeaf() instanceof MemberSelectTree member
            && member.getIdentifier().contentEquals("run")
            && select.getParentPath().getLeaf() instanceof MethodInvocationTree call
            && call.getMethodSelect() == member
            && call.getArguments().isEmpty()
        ? select.getParentPath()
        : null;
  }

  private static List<TreePath> mentionsOf(VarSymbol variable, TreePath methodPath) {
    List<TreePath> mentions = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == variable) {
          mentions.add(getCurrentPath());
        }
        return null;
      }
    }.scan(new TreePath(methodPath, ((MethodTree) methodPath.getLeaf()).getBody()), null);
    return mentions;
  }
}
