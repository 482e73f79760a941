package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
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
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * The facts the WaitGroup rules, and their java.util.concurrent twins, share about one goroutine:
 * the calls on a counting primitive ({@link Counter}: a {@code WaitGroup}, or a {@code
 * CountDownLatch}, {@code Semaphore} or {@code Phaser}) that its own code makes (not those of
 * goroutines or lambdas nested in it, which run elsewhere or later), the group each call is on, and
 * where that group is awaited outside the goroutine. A group is a local variable or a field; a
 * group reached any other way (a call's result, an array element) is not judged.
 */
public final class WaitGroupGoroutines {
  private WaitGroupGoroutines() {}

  /**
   * A counting primitive, described by its calls: {@code countUp} makes the waiter wait for one
   * more party ({@code wg.add}, {@code phaser.register}), {@code countDown} lets it go ({@code
   * wg.done}, {@code latch.countDown}, {@code semaphore.release}, {@code phaser.arrive}), {@code
   * await} is the wait that has no timeout, {@code anyWait} every wait (a timed one too), and
   * {@code countedLaunch} a launch that counts its goroutine itself ({@code wg.go}).
   */
  public record Counter(
      Matcher<ExpressionTree> countUp,
      Matcher<ExpressionTree> countDown,
      Matcher<ExpressionTree> await,
      Matcher<ExpressionTree> anyWait,
      Matcher<ExpressionTree> countedLaunch) {
    /** The runtime's {@code WaitGroup}. */
    public static final Counter WAIT_GROUP =
        new Counter(
            GoconcApi.WAIT_GROUP_ADD,
            GoconcApi.WAIT_GROUP_DONE,
            GoconcApi.WAIT_GROUP_AWAIT,
            GoconcApi.WAIT_GROUP_AWAIT,
            GoconcApi.WAIT_GROUP_GO);
    /**
     * The JDK's {@code CountDownLatch}, {@code Semaphore} and {@code Phaser} as one: the group a
     * call is on has one of the three types, and each matcher names only that type's methods. A
     * latch has no count-up (its count is fixed when it is made) and no launch counts itself.
     */
    public static final Counter JDK_LATCHES =
        new Counter(
            JdkApi.PHASER_REGISTER,
            JdkApi.COUNT_DOWN,
            JdkApi.UNTIMED_BARRIER_WAIT,
            JdkApi.BARRIER_WAIT,
            Matchers.nothing());
    /**
     * The JDK's latches and phasers, without semaphores: the waits of {@link #JDK_LATCHES} that
     * return only once every counted party has counted down.
     */
    public static final Counter LATCHES_AND_PHASERS =
        new Counter(
            JdkApi.PHASER_REGISTER,
            JdkApi.LATCH_OR_PHASER_COUNT_DOWN,
            JdkApi.LATCH_OR_PHASER_AWAIT,
            JdkApi.BARRIER_WAIT,
            Matchers.nothing());
  }

  /** A {@code WaitGroup} call in a goroutine's own code, and the group it is on. */
  public record GroupCall(TreePath path, MethodInvocationTree call, VarSymbol group, boolean inFinally) {}

  /** The calls matching {@code matcher} that {@code body}'s own code makes. */
  public static List<GroupCall> callsIn(
      TreePath body, Matcher<ExpressionTree> matcher, VisitorState state) {
    List<GroupCall> calls = new ArrayList<>();
    Tree root = body.getLeaf();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (matcher.matches(call, state) && groupOf(call) instanceof VarSymbol group) {
          calls.add(
              new GroupCall(getCurrentPath(), call, group, inFinally(getCurrentPath(), root)));
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return node == root ? super.visitLambdaExpression(node, null) : null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(body, null);
    return calls;
  }

  /** The group {@code call} is made on: a local variable or a field, else null. */
  public static Symbol groupOf(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    Symbol symbol = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    if (symbol instanceof VarSymbol variable
        && (variable.getKind() == ElementKind.LOCAL_VARIABLE
            || variable.getKind() == ElementKind.PARAMETER
            || variable.getKind() == ElementKind.FIELD)) {
      return variable;
    }
    return null;
  }

  /**
   * The first wait without a timeout ({@link Counter#await}) on {@code group} outside the goroutine
   * {@code body}: in the method that declares a local group, in the top-level class for a field.
   * Empty when the group's wait cannot be seen.
   */
  public static Optional<MethodInvocationTree> awaitOutside(
      VarSymbol group, Tree body, TreePath launchPath, Counter counter, VisitorState state) {
    TreePath scope =
        group.getKind() == ElementKind.FIELD
            ? topLevelClass(launchPath)
            : enclosingMethod(launchPath);
    if (scope == null) {
      return Optional.empty();
    }
    MethodInvocationTree[] found = new MethodInvocationTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return tree == body || found[0] != null ? null : super.scan(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (counter.await().matches(call, state) && groupOf(call) == group) {
          found[0] = call;
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(scope.getLeaf(), null);
    return Optional.ofNullable(found[0]);
  }

  /**
   * Whether the goroutine launched at {@code launchPath} is itself counted on {@code group} before
   * it starts: launched by {@code group.go(...)}, or by a statement after {@code group.add(...)}
   * ({@code phaser.register()}) with only task locals and other launches between them, as many as
   * the add may count ({@code wg.add(2)} before two launches), or first in a loop body whose loop
   * comes right after it ({@code wg.add(items.size())} before the launch loop). Such a goroutine
   * may add for its children: the group cannot reach zero while it runs.
   */
  public static boolean countedBeforeLaunch(
      VarSymbol group, TreePath launchPath, Counter counter, VisitorState state) {
    MethodInvocationTree launch = (MethodInvocationTree) launchPath.getLeaf();
    if (counter.countedLaunch().matches(launch, state)) {
      return groupOf(launch) == group;
    }
    TreePath statement = launchPath.getParentPath();
    if (!(statement.getLeaf() instanceof ExpressionStatementTree)) {
      return false;
    }
    int launches = 1;
    while (statement.getParentPath().getLeaf() instanceof BlockTree block) {
      List<? extends StatementTree> statements = block.getStatements();
      int index = statements.indexOf(statement.getLeaf());
      for (; index > 0 && runsNothingYet(statements.get(index - 1), state); index--) {
        launches += statements.get(index - 1) instanceof ExpressionStatementTree ? 1 : 0;
      }
      if (index > 0) {
        return statements.get(index - 1) instanceof ExpressionStatementTree previous
            && previous.getExpression() instanceof MethodInvocationTree add
            && counter.countUp().matches(add, state)
            && groupOf(add) == group
            && counts(add, launches);
      }
      TreePath loop = statement.getParentPath().getParentPath();
      if (!(loop.getLeaf() instanceof ForLoopTree
          || loop.getLeaf() instanceof EnhancedForLoopTree
          || loop.getLeaf() instanceof WhileLoopTree)) {
        return false;
      }
      statement = loop;
    }
    return false;
  }

  /**
   * Whether the count-up {@code add} may count {@code launches} goroutines: its count is not a
   * constant smaller than that ({@code register()} and {@code add()} without one count one).
   */
  private static boolean counts(MethodInvocationTree add, int launches) {
    if (add.getArguments().isEmpty()) {
      return launches == 1;
    }
    Integer count = ASTHelpers.constValue(add.getArguments().get(0), Integer.class);
    return count == null || count >= launches;
  }

  /**
   * Whether {@code statement}, between a count-up and a launch, leaves the count to the launch: a
   * task local (a lambda or object that does not run yet), or another launch the same count-up
   * may be for.
   */
  private static boolean runsNothingYet(StatementTree statement, VisitorState state) {
    if (statement instanceof VariableTree task && task.getInitializer() != null) {
      ExpressionTree init = ASTHelpers.stripParentheses(task.getInitializer());
      return init instanceof LambdaExpressionTree
          || init instanceof com.sun.source.tree.NewClassTree;
    }
    return statement instanceof ExpressionStatementTree expression
        && expression.getExpression() instanceof MethodInvocationTree call
        && GoroutineBodies.isLaunch(call, state);
  }

  /**
   * Whether the code that launches the goroutine at {@code launchPath} waits for it to end after
   * the launch and before {@code await} (anywhere after the launch, when {@code await} is in other
   * code): {@code join()} on the {@code Thread}, or {@code get()}/{@code join()} on the future,
   * that the launch gives back to a local. Everything the goroutine did then happened before the
   * wait.
   */
  public static boolean joinedBefore(
      TreePath launchPath, MethodInvocationTree await, VisitorState state) {
    VarSymbol handle = handleOf(launchPath);
    TreePath scope = enclosingMethod(launchPath);
    if (handle == null || scope == null) {
      return false;
    }
    int launched = state.getEndPosition(launchPath.getLeaf());
    int waited = ASTHelpers.getStartPosition(await);
    boolean awaitInScope = ASTHelpers.getStartPosition(scope.getLeaf()) <= waited
        && waited < state.getEndPosition(scope.getLeaf());
    return Calls.anyIn(scope.getLeaf(), call -> {
      int at = ASTHelpers.getStartPosition(call);
      return at > launched
          && (!awaitInScope || at < waited)
          && JdkApi.TASK_JOIN.matches(call, state)
          && Calls.receiverOf(call) instanceof ExpressionTree receiver
          && ASTHelpers.getSymbol(receiver) == handle;
    });
  }

  /**
   * The local that holds what the launch at {@code launchPath} gives back (its thread or future),
   * or the thread local that {@code t.start()} starts; else null.
   */
  private static VarSymbol handleOf(TreePath launchPath) {
    MethodInvocationTree launch = (MethodInvocationTree) launchPath.getLeaf();
    Tree parent = launchPath.getParentPath().getLeaf();
    Symbol handle = switch (parent) {
      case VariableTree local when local.getInitializer() == launch -> ASTHelpers.getSymbol(local);
      case com.sun.source.tree.AssignmentTree assigned when assigned.getExpression() == launch ->
          ASTHelpers.getSymbol(assigned.getVariable());
      default -> launch.getArguments().isEmpty() && Calls.receiverOf(launch) != null
          ? ASTHelpers.getSymbol(Calls.receiverOf(launch))
          : null;
    };
    return handle instanceof VarSymbol local && local.getKind() == ElementKind.LOCAL_VARIABLE
        ? local
        : null;
  }

  /**
   * Whether {@code body}'s own code waits on {@code group} in any way ({@link Counter#anyWait}): a
   * goroutine waiting for its children, a semaphore taken as a lock, a phaser's party.
   */
  public static boolean awaitsItself(
      TreePath body, VarSymbol group, Counter counter, VisitorState state) {
    return callsIn(body, counter.anyWait(), state).stream().anyMatch(c -> c.group() == group);
  }

  /**
   * The count-downs of {@code countDowns} (the calls of one goroutine {@code body}) that an
   * exception can skip: not in a {@code finally}, not inside a {@code try} whose {@code finally}
   * counts the same group down (an exception before it runs that one instead; two on one path are
   * a counting question, WaitGroupDoneExceedsAdd's), something before them can throw out of the
   * goroutine ({@link #nothingEscapesBefore}), and no earlier such count-down of the same group
   * (one finding per group and goroutine).
   */
  public static List<GroupCall> skippable(
      List<GroupCall> countDowns, Tree body, VisitorState state) {
    List<GroupCall> skippable = new ArrayList<>();
    for (GroupCall down : countDowns) {
      if (down.inFinally()
          || coveredByFinally(down, countDowns, body)
          || nothingEscapesBefore(down, body, state)
          || countDowns.stream()
              .anyMatch(
                  d ->
                      d.group() == down.group()
                          && d != down
                          && ASTHelpers.getStartPosition(d.call())
                              < ASTHelpers.getStartPosition(down.call())
                          && !d.inFinally())) {
        continue; // in finally, nothing before it, or an earlier one of the group is reported
      }
      skippable.add(down);
    }
    return skippable;
  }

  /**
   * Whether {@code down} lies in the block or a {@code catch} of a {@code try} (inside {@code
   * body}) whose {@code finally} holds another count-down of the same group.
   */
  static boolean coveredByFinally(GroupCall down, List<GroupCall> countDowns, Tree body) {
    Tree child = down.path().getLeaf();
    for (TreePath p = down.path().getParentPath(); p != null && child != body;
        child = p.getLeaf(), p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree attempt
          && attempt.getFinallyBlock() != null
          && attempt.getFinallyBlock() != child) {
        Tree finallyBlock = attempt.getFinallyBlock();
        if (countDowns.stream()
            .anyMatch(d -> d != down && d.group() == down.group() && within(d.path(), finallyBlock))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean within(TreePath path, Tree ancestor) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether nothing before {@code call} can throw out of the goroutine {@code body}: it is an
   * expression lambda's body or the first statement, or every statement before it is a {@code try}
   * that catches {@code Throwable}.
   */
  public static boolean nothingEscapesBefore(GroupCall call, Tree body, VisitorState state) {
    if (body instanceof LambdaExpressionTree lambda && lambda.getBody() == call.call()) {
      return true;
    }
    for (StatementTree statement : statementsOf(body)) {
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() == call.call()) {
        return true;
      }
      if (!(statement instanceof TryTree tryTree
          && tryTree.getCatches().stream()
              .anyMatch(
                  c ->
                      ASTHelpers.isSameType(
                          ASTHelpers.getType(c.getParameter()),
                          state.getSymtab().throwableType,
                          state)))) {
        return false;
      }
    }
    return false;
  }

  /** The top-level statement of a lambda's block body that holds {@code call}, if it is one. */
  public static Optional<ExpressionStatementTree> topLevelStatement(TreePath callPath, Tree body) {
    TreePath parent = callPath.getParentPath();
    if (parent.getLeaf() instanceof ExpressionStatementTree statement
        && statementsOf(body).contains(statement)) {
      return Optional.of(statement);
    }
    return Optional.empty();
  }

  /** The statements of a lambda's block body; empty for expression bodies and methods. */
  public static List<? extends StatementTree> statementsOf(Tree body) {
    if (body instanceof MethodTree method && method.getBody() != null) {
      return method.getBody().getStatements(); // an anonymous task class's run()
    }
    return body instanceof LambdaExpressionTree lambda
            && lambda.getBody() instanceof BlockTree block
        ? block.getStatements()
        : List.of();
  }

  private static boolean inFinally(TreePath path, Tree root) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null && child != root; p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree tryTree && tryTree.getFinallyBlock() == child) {
        return true;
      }
      child = p.getLeaf();
    }
    return false;
  }

  /**
   * The method, or the initializer block of a class ({@code static { ... }}, {@code { ... }}),
   * whose own code holds {@code path}: the code that runs the launch and can await the group.
   */
  private static TreePath enclosingMethod(TreePath path) {
    TreePath method = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      boolean initializer = p.getLeaf() instanceof BlockTree
          && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof ClassTree;
      if (p.getLeaf() instanceof MethodTree || initializer) {
        method = p;
      }
      if (p.getLeaf() instanceof ClassTree && method != null) {
        return method;
      }
    }
    return method;
  }

  private static TreePath topLevelClass(TreePath path) {
    TreePath top = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree
          && p.getParentPath().getLeaf() instanceof CompilationUnitTree) {
        top = p;
      }
    }
    return top;
  }
}
