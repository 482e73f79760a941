package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The futures a method (or lambda) started and still holds alone: a local whose every assignment
 * starts a task ({@link JdkApi#FUTURE_START}: {@code executor.submit}, {@code schedule}, {@code
 * CompletableFuture.supplyAsync/runAsync}; a {@code new FutureTask} the body launches on an
 * executor or thread; or a call of a helper of the unit that hands over a task it just started
 * and holds no more: see {@link #held}), and
 * that the body only calls methods on, runs (passes to a launch), reassigns or compares with
 * {@code null}; or the variable of a for-each over a local list the body fills with such starts
 * alone ({@code for (Future<T> f : running)}). Any other use hands it to someone who may cancel
 * it — returned, stored, passed to a method, captured by a lambda or class — and the local is not
 * one the body holds alone.
 */
public final class StartedFutures {
  private StartedFutures() {}

  /**
   * A future the body started: the local, its executors (the locals or fields that {@code
   * submit}/{@code schedule} was called on, or that a {@code FutureTask} was passed to), and
   * whether one of them is a try-with-resources resource (its {@code close()} waits for the task).
   */
  public record Started(VarSymbol future, Set<VarSymbol> executors, boolean executorClosedByTry) {}

  /** {@code local} as a future that {@code owner}'s own code started and holds alone. */
  public static Optional<Started> held(VarSymbol local, TreePath owner, VisitorState state) {
    if (local.getKind() != ElementKind.LOCAL_VARIABLE) {
      return Optional.empty();
    }
    Set<VarSymbol> executors = Collections.newSetFromMap(new IdentityHashMap<>());
    List<ExpressionTree> values = new ArrayList<>();
    boolean[] escapes = new boolean[1];
    boolean[] launched = new boolean[1];
    new OwnCodeScanner(owner) {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == local) {
          if (node.getInitializer() != null) {
            values.add(node.getInitializer());
          }
          scan(node.getInitializer(), null);
          return null;
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        if (ASTHelpers.getSymbol(id) != local) {
          return null;
        }
        TreePath path = getCurrentPath();
        Tree parent = path.getParentPath().getLeaf();
        if (nested()) {
          escapes[0] = true; // captured: code that runs elsewhere may cancel it
        } else if (parent instanceof AssignmentTree assignment && assignment.getVariable() == id) {
          values.add(assignment.getExpression());
        } else if (parent instanceof MemberSelectTree
            && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree) {
          // a call on the future: get, cancel, isDone, a chained stage
        } else if (parent instanceof BinaryTree comparison
            && (comparison.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
                || comparison.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL)) {
          // a null check
        } else if (parent instanceof MethodInvocationTree launch
            && GoroutineBodies.isLaunch(launch, state)
            && launch.getArguments().get(0) == id) {
          addExecutor(launch, executors); // a FutureTask run by an executor or a thread
          launched[0] = true;
        } else {
          escapes[0] = true;
        }
        return null;
      }
    }.scan(owner, null);
    if (values.isEmpty()) {
      values.addAll(startsOfTheListItRunsOver(local, owner, state));
    }
    if (escapes[0] || values.isEmpty()) {
      return Optional.empty();
    }
    for (ExpressionTree value : values) {
      ExpressionTree start = ASTHelpers.stripParentheses(value);
      if (start instanceof MethodInvocationTree call && JdkApi.FUTURE_START.matches(call, state)) {
        addExecutor(call, executors);
      } else if (start instanceof MethodInvocationTree call && startedByHelper(call, state)) {
        // the helper's executor is its own: only cancelling the future reaches the task
      } else if (!(start instanceof NewClassTree created
          && GoconcApi.isSubtypeOf(ASTHelpers.getType(created), JdkApi.FUTURE_TASK, state)
          && launched[0])) {
        return Optional.empty(); // not a start; or a FutureTask never launched (run in place)
      }
    }
    boolean closedByTry =
        executors.stream().anyMatch(executor -> isTryResource(executor, owner));
    return Optional.of(new Started(local, executors, closedByTry));
  }

  /**
   * For the variable of a for-each over a local list that the body fills with the futures of
   * tasks it starts ({@code running.add(pool.submit(...))}): those starts. The list is made empty
   * ({@code new ArrayList<>()}, with a capacity at most), and the body only adds starts to it,
   * asks its size or runs for-each loops over it: any other use (passed on, returned, captured, an
   * element taken or removed) may hand an element to code that cancels it, and the answer is none.
   */
  private static List<ExpressionTree> startsOfTheListItRunsOver(
      VarSymbol element, TreePath owner, VisitorState state) {
    VarSymbol[] list = {null};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
        if (ASTHelpers.getSymbol(loop.getVariable()) == element
            && ASTHelpers.stripParentheses(loop.getExpression()) instanceof IdentifierTree name
            && ASTHelpers.getSymbol(name) instanceof VarSymbol local
            && local.getKind() == ElementKind.LOCAL_VARIABLE) {
          list[0] = local;
        }
        return super.visitEnhancedForLoop(loop, null);
      }
    }.scan(owner, null);
    if (list[0] == null) {
      return List.of();
    }
    List<ExpressionTree> starts = new ArrayList<>();
    boolean[] other = new boolean[1];
    new OwnCodeScanner(owner) {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == list[0]) {
          boolean empty =
              node.getInitializer() instanceof NewClassTree made && emptyCollection(made);
          other[0] |= !empty;
          return null;
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        if (ASTHelpers.getSymbol(id) != list[0]) {
          return null;
        }
        TreePath path = getCurrentPath();
        Tree parent = path.getParentPath().getLeaf();
        Tree grandparent = path.getParentPath().getParentPath().getLeaf();
        if (nested()) {
          other[0] = true;
        } else if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == id) {
          // a loop over the futures
        } else if (parent instanceof MemberSelectTree select
            && grandparent instanceof MethodInvocationTree call
            && call.getMethodSelect() == select) {
          String name = select.getIdentifier().toString();
          if (name.equals("add") && call.getArguments().size() == 1
              && ASTHelpers.stripParentheses(call.getArguments().get(0))
                  instanceof MethodInvocationTree start
              && (JdkApi.FUTURE_START.matches(start, state) || startedByHelper(start, state))) {
            starts.add(start);
          } else if (!name.equals("size") && !name.equals("isEmpty")) {
            other[0] = true;
          }
        } else {
          other[0] = true;
        }
        return null;
      }
    }.scan(owner, null);
    return other[0] ? List.of() : starts;
  }

  /**
   * Scans the owner's code and knows when it is inside a lambda or class within it: code that may
   * run elsewhere, at another time, where a use hands the variable on.
   */
  private abstract static class OwnCodeScanner extends TreePathScanner<Void, Void> {
    private final TreePath owner;
    private int depth;

    OwnCodeScanner(TreePath owner) {
      this.owner = owner;
    }

    /** Whether the scan is inside a lambda or class nested in the owner. */
    boolean nested() {
      return depth > 0;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
      int inner = node == owner.getLeaf() ? 0 : 1;
      depth += inner;
      try {
        return super.visitLambdaExpression(node, null);
      } finally {
        depth -= inner;
      }
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      depth++;
      try {
        return super.visitClass(node, null);
      } finally {
        depth--;
      }
    }
  }

  /** {@code new ArrayList<>()}, {@code new ArrayList<>(n)}: a collection made empty. */
  private static boolean emptyCollection(NewClassTree made) {
    return made.getClassBody() == null
        && made.getArguments().stream()
            .allMatch(argument -> ASTHelpers.getType(argument) != null
                && ASTHelpers.getType(argument).isPrimitive());
  }

  /**
   * Whether {@code call} runs a helper of the unit whose code is certain ({@link
   * ParameterEffects#summarisable}) and every {@code return} of which hands over a task it just
   * started, which nothing else holds: a start ({@code return pool.submit(...)}, {@code return
   * CompletableFuture.supplyAsync(...)}), or a {@code new CompletableFuture<>()} local that only
   * tasks the helper launches complete and that it neither stores nor passes on ({@link
   * FutureCompletions}). The caller then holds the task's only handle.
   */
  private static boolean startedByHelper(MethodInvocationTree call, VisitorState state) {
    if (!(ASTHelpers.getSymbol(call) instanceof Symbol.MethodSymbol method)
        || !ParameterEffects.summarisable(method, state)) {
      return false;
    }
    Optional<com.sun.source.tree.MethodTree> declared =
        GoroutineBodies.declarationInUnit(method, state);
    TreePath helper =
        declared.isEmpty()
            ? null
            : TreePath.getPath(state.getPath().getCompilationUnit(), declared.get());
    if (helper == null) {
      return false;
    }
    List<ExpressionTree> returned = new ArrayList<>();
    boolean[] other = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitReturn(com.sun.source.tree.ReturnTree node, Void unused) {
        if (node.getExpression() == null) {
          other[0] = true;
        } else {
          returned.add(ASTHelpers.stripParentheses(node.getExpression()));
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(new TreePath(helper, declared.get().getBody()), null);
    return !other[0]
        && !returned.isEmpty()
        && returned.stream().allMatch(value -> freshlyStarted(value, helper, state));
  }

  /** A start, or a new future that only the helper's launched tasks complete (see above). */
  private static boolean freshlyStarted(ExpressionTree value, TreePath helper, VisitorState state) {
    if (value instanceof MethodInvocationTree start && JdkApi.FUTURE_START.matches(start, state)) {
      return true;
    }
    if (!(value instanceof IdentifierTree name)
        || !(ASTHelpers.getSymbol(name) instanceof VarSymbol local)
        || local.getKind() != ElementKind.LOCAL_VARIABLE
        || !madeAsNewFuture(local, helper, state)) {
      return false;
    }
    FutureCompletions.Facts facts = FutureCompletions.of(local, helper, state);
    return !facts.settled()
        && !facts.sites().isEmpty()
        && facts.sites().stream().allMatch(site -> site.kind() == FutureCompletions.Kind.TASK);
  }

  /** Whether {@code local} is declared in {@code helper} as {@code new CompletableFuture<>()}. */
  private static boolean madeAsNewFuture(VarSymbol local, TreePath helper, VisitorState state) {
    boolean[] made = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == local
            && node.getInitializer() instanceof NewClassTree created
            && JdkApi.COMPLETABLE_FUTURE_NEW.matches(created, state)) {
          made[0] = true;
        }
        return super.visitVariable(node, null);
      }
    }.scan(helper, null);
    return made[0];
  }

  private static void addExecutor(MethodInvocationTree call, Set<VarSymbol> executors) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver != null && ASTHelpers.getSymbol(receiver) instanceof VarSymbol executor) {
      executors.add(executor);
    }
  }

  /** Whether {@code executor} is declared as a resource of a {@code try} in {@code owner}. */
  private static boolean isTryResource(VarSymbol executor, TreePath owner) {
    boolean[] found = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitTry(TryTree tree, Void unused) {
        for (Tree resource : tree.getResources()) {
          if (resource instanceof VariableTree variable
              && ASTHelpers.getSymbol(variable) == executor) {
            found[0] = true;
          }
        }
        return super.visitTry(tree, null);
      }
    }.scan(owner, null);
    return found[0];
  }

  /**
   * Whether {@code tree} starts the future afresh: its declaration (with an initializer, or a
   * for-each's variable taking the next element), or an assignment to it (a loop that submits a
   * new task each round).
   */
  public static boolean restarts(Tree tree, VarSymbol future) {
    return (tree instanceof VariableTree variable && ASTHelpers.getSymbol(variable) == future)
        || (tree instanceof AssignmentTree assignment
            && ASTHelpers.getSymbol(assignment.getVariable()) == future);
  }

  /** Whether {@code call} is made on {@code variable} (a local or field named directly). */
  public static boolean isCallOn(MethodInvocationTree call, Symbol variable) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return receiver != null && ASTHelpers.getSymbol(receiver) == variable;
  }
}
