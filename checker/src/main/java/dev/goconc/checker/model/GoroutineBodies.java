package dev.goconc.checker.model;

import dev.goconc.checker.api.GoconcApi;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds goroutine bodies: the lambda or method reference passed to a call that starts new
 * concurrent work ({@code Go.go}, {@code WaitGroup.go}, {@code ErrGroup.go/tryGo},
 * {@code Thread.ofVirtual().start}, {@code Thread.startVirtualThread}, an
 * {@code ExecutorService}'s {@code submit}/{@code execute}). A method reference to a method
 * declared in the same compilation unit is followed into that method's declaration.
 */
public final class GoroutineBodies {
  private GoroutineBodies() {}

  /** Every call that starts a goroutine, with the goroutine being its first argument. */
  public static final Matcher<ExpressionTree> LAUNCH =
      Matchers.anyOf(
          GoconcApi.GO_GO, GoconcApi.WAIT_GROUP_GO, GoconcApi.ERR_GROUP_GO, GoconcApi.THREAD_LAUNCH);

  /**
   * The method names {@link #LAUNCH}'s matchers accept (each matcher names its methods, so a
   * call by any other name matches none of them). Read from the call's source before the
   * matchers run: the rules ask "is this a launch?" of nearly every call of a unit, and the
   * matchers' receiver-type checks were most of that cost. Keep in step with {@link #LAUNCH}.
   */
  private static final Set<String> LAUNCH_NAMES =
      Set.of("go", "tryGo", "startVirtualThread", "start", "submit", "execute");

  /** Whether {@code call} starts a goroutine. */
  public static boolean isLaunch(MethodInvocationTree call, VisitorState state) {
    return call.getArguments().size() == 1
        && LAUNCH_NAMES.contains(Calls.nameOf(call))
        && LAUNCH.matches(call, state);
  }



  /**
   * The goroutine body started by {@code call}: a {@link LambdaExpressionTree}, or the
   * {@link MethodTree} that a method reference names when it is declared in this compilation
   * unit. Empty when {@code call} is no launch or the body cannot be seen.
   */
  public static Optional<Tree> bodyOf(MethodInvocationTree call, VisitorState state) {
    if (!isLaunch(call, state)) {
      return Optional.empty();
    }
    ExpressionTree argument = call.getArguments().get(0);
    if (argument instanceof LambdaExpressionTree lambda) {
      return Optional.of(lambda);
    }
    if (argument instanceof MemberReferenceTree reference) {
      return declarationInUnit(ASTHelpers.getSymbol(reference), state).map(m -> (Tree) m);
    }
    return Optional.empty();
  }

  /** The lambda's {@link TreePath} when {@code path} lies inside a goroutine body lambda. */
  public static Optional<TreePath> enclosingGoroutine(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree || leaf instanceof MethodTree) {
        return Optional.empty();
      }
      if (leaf instanceof LambdaExpressionTree
          && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && isLaunch(call, state)
          && call.getArguments().get(0) == leaf) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Every goroutine launch inside {@code root}, in source order. */
  public static List<MethodInvocationTree> launchesIn(TreePath root, VisitorState state) {
    List<MethodInvocationTree> launches = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (isLaunch(call, state)) {
          launches.add(call);
        }
        return super.visitMethodInvocation(call, unused);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null; // a nested class is separate code
      }
    }.scan(root, null);
    return launches;
  }

  /** The declaration of {@code symbol} when it is a method of this compilation unit. */
  public static Optional<MethodTree> declarationInUnit(Symbol symbol, VisitorState state) {
    if (!(symbol instanceof MethodSymbol method)) {
      return Optional.empty();
    }
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return Optional.ofNullable(
        UnitMemo.get(state, METHODS, unit, () -> methodsOf(unit)).get(method));
  }

  /** Each method symbol's first declaration in the unit, in source order; read once per unit. */
  private static final UnitMemo.Fact<Map<MethodSymbol, MethodTree>> METHODS =
      new UnitMemo.Fact<>("method declarations");

  private static Map<MethodSymbol, MethodTree> methodsOf(CompilationUnitTree unit) {
    Map<MethodSymbol, MethodTree> methods = new IdentityHashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          methods.putIfAbsent(symbol, tree);
        }
        return super.visitMethod(tree, unused);
      }
    }.scan(unit, null);
    return methods;
  }

}
