package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.DoWhileLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.ForLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.WhileLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.fixes.FixLayout;
import dev.goconc.checker.flow.SourceOrder;
import dev.goconc.checker.model.Cancellation.IgnoredInterrupt;
import dev.goconc.checker.model.Cancellation.IgnoredInterruptAt;
import dev.goconc.checker.model.Cancellation;
import dev.goconc.checker.model.ConstantFlags;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.GoroutineBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * A loop in a task that catches the {@code InterruptedException} of its blocking call and goes
 * round again: {@code shutdownNow()}, {@code future.cancel(true)} and {@code Thread.interrupt()}
 * all stop a task by interrupting it, so this task cannot be stopped and keeps its thread (and
 * an executor's {@code awaitTermination}) for ever. IgnoredCancellation's twin for plain
 * java.util.concurrent code.
 *
 * <ul>
 *   <li>A task is code a JDK launch starts (the model's {@link GoroutineBodies}): the lambda,
 *       method reference (to a method of the unit), anonymous {@code Runnable}/{@code Callable} or
 *       task local given to an executor's {@code submit}/{@code execute}, a virtual thread's
 *       start, or {@code CompletableFuture.runAsync}/{@code supplyAsync} with an executor; and the
 *       {@code run()}/{@code call()} of a named class of the unit whose instance such a launch is
 *       given ({@code pool.submit(new Worker(queue))}); and a {@code Runnable} or {@code
 *       Callable} lambda or anonymous class that a method returns ({@code return () -> { while
 *       (true) ... };}), a task its caller starts. Without an executor, {@code runAsync}
 *       runs on the common pool, which nothing interrupts: not judged. Loops in the task's own
 *       code are judged (not those of lambdas inside it, nor of methods it calls).
 *   <li>Judged loops are those that only their body can end: {@code while}, {@code do} and
 *       {@code for} whose condition is absent, constant {@code true}, or built with {@code !},
 *       {@code &&} and {@code ||} from boolean locals and interruption checks ({@code
 *       !Thread.currentThread().isInterrupted()}), or from a flag that never changes ({@link
 *       ConstantFlags}: a {@code private boolean} field, {@code running} or {@code this.running},
 *       that every write of the compilation unit sets to the same constant, so that no code ever
 *       sets it to {@code false}: the loop is endless in fact). A loop whose condition counts,
 *       compares, or reads a field that can change (a volatile or atomic running flag that a
 *       {@code stop()} method clears, a queue's {@code isEmpty()}, a field another class could
 *       set) can end without the interrupt: quiet, deliberately. A counted loop ({@code for (int
 *       i = 0; i < n; i++)} around a {@code sleep}) does end, whatever its bound: quiet; an
 *       interrupt swallowed there delays the task's end by the rounds left, a cost this rule does
 *       not weigh. For-each loops are bounded: quiet.
 *   <li>What ignores the interrupt is decided by the model ({@link
 *       Cancellation#interruptIgnoredIn}, where "observes cancellation" is defined): a catch of
 *       the loop's own code that is the first to take the {@code InterruptedException} of an
 *       interruptible wait in the loop (a call that declares it: {@code take}, {@code put}, {@code
 *       sleep}, {@code get}, {@code await}, {@code join}, ...; {@code catch (Exception e)} takes it
 *       too), and lets the loop go round: no {@code return}, {@code throw}, {@code break} out of
 *       the loop, no call that never returns or of a unit method that throws, no flag set for
 *       code outside the catch to read. Three ways, three messages: the catch swallows it and
 *       nothing checks the interrupt status; it restores the status ({@code
 *       Thread.currentThread().interrupt()}) but nothing checks it, so the next wait throws at
 *       once and the loop spins; or the loop checks the status but the catch does not restore it,
 *       so the check never sees an interrupt that came during the wait (the exception cleared
 *       it). A restore in a loop that checks the status is correct: quiet. A wait whose exception
 *       no catch inside the loop takes ends the loop: quiet.
 * </ul>
 *
 * <p>The fix, where mechanical: a catch that swallows the interrupt in a loop that checks the
 * status gets {@code Thread.currentThread().interrupt();} (the loop's own check then ends it). A
 * catch of exactly {@code InterruptedException} that swallows or restores, with no {@code
 * continue} in it and no {@code switch} between it and the loop, gets the restore (when missing)
 * and {@code break;}: leaving the loop runs the code after it, as a normal end of the loop would,
 * where {@code return} would skip it. Offered only where the {@code break} leaves reachability as
 * it was: the loop could already end normally, or the task returns nothing ({@code run()}, a
 * {@code Runnable} lambda). Elsewhere ({@code catch (Exception e)}, a {@code Callable} that must
 * return a value) no fix: where to go is the author's call.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A task loop that catches InterruptedException and goes round again cannot be stopped by"
            + " shutdownNow() or cancel(true); restore the interrupt and leave the loop",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "InterruptIgnoredInTaskLoop.md",
    linkType = CUSTOM)
public final class InterruptIgnoredInTaskLoop extends BugChecker
    implements WhileLoopTreeMatcher, DoWhileLoopTreeMatcher, ForLoopTreeMatcher {

  private static final String RESTORE = "Thread.currentThread().interrupt();";

  @Override
  public Description matchWhileLoop(WhileLoopTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> judge(tree, tree.getCondition(), state));
  }

  @Override
  public Description matchDoWhileLoop(DoWhileLoopTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> judge(tree, tree.getCondition(), state));
  }

  @Override
  public Description matchForLoop(ForLoopTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> judge(tree, tree.getCondition(), state));
  }

  private Description judge(StatementTree loop, ExpressionTree condition, VisitorState state) {
    if (!JdkApi.mentionsConcurrencyOrItsSubpackages(state)
        || (condition != null && !endsOnlyFromInside(condition, state))) {
      return Description.NO_MATCH;
    }
    Optional<Tree> task = interruptibleTask(state.getPath(), state);
    if (task.isEmpty()) {
      return Description.NO_MATCH;
    }
    for (IgnoredInterruptAt ignored : Cancellation.interruptIgnoredIn(state.getPath(), state)) {
      Description.Builder finding =
          buildDescription(ignored.handler()).setMessage(message(ignored));
      fix(loop, condition, task.get(), ignored, state).ifPresent(finding::addFix);
      state.reportMatch(finding.build());
    }
    return Description.NO_MATCH;
  }

  /**
   * Whether only the loop's body can end it: its condition is constant {@code true} or built
   * from boolean locals and interruption checks.
   */
  private static boolean endsOnlyFromInside(ExpressionTree condition, VisitorState state) {
    ExpressionTree c = ASTHelpers.stripParentheses(condition);
    return switch (c) {
      case LiteralTree literal -> Boolean.TRUE.equals(literal.getValue());
      case IdentifierTree name ->
          ASTHelpers.getSymbol(name) instanceof VarSymbol variable
              && ASTHelpers.getType(name) != null
              && ASTHelpers.getType(name).getKind() == javax.lang.model.type.TypeKind.BOOLEAN
              && (variable.getKind() == ElementKind.LOCAL_VARIABLE
                  || variable.getKind() == ElementKind.PARAMETER
                  || ConstantFlags.isConstant(variable, state));
      case MemberSelectTree field when ASTHelpers.getReceiver(field) instanceof IdentifierTree self
              && self.getName().contentEquals("this") ->
          ASTHelpers.getSymbol(field) instanceof VarSymbol variable
              && ConstantFlags.isConstant(variable, state);
      case UnaryTree not when c.getKind() == Tree.Kind.LOGICAL_COMPLEMENT ->
          endsOnlyFromInside(not.getExpression(), state);
      case BinaryTree both when c.getKind() == Tree.Kind.CONDITIONAL_AND
              || c.getKind() == Tree.Kind.CONDITIONAL_OR ->
          endsOnlyFromInside(both.getLeftOperand(), state)
              && endsOnlyFromInside(both.getRightOperand(), state);
      case MethodInvocationTree call -> JdkApi.THREAD_INTERRUPTED.matches(call, state);
      default -> false;
    };
  }

  /**
   * The task body whose own code holds the loop at {@code loop}, when a launch that interruption
   * reaches starts it.
   */
  private static Optional<Tree> interruptibleTask(TreePath loop, VisitorState state) {
    for (TreePath p = loop.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree) {
        return Optional.empty();
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MethodTree) {
        List<MethodInvocationTree> launches = GoroutineBodies.launchedBodies(state).get(leaf);
        if (launches == null) {
          return returnedTask(p, state) ? Optional.of(leaf) : Optional.empty();
        }
        for (MethodInvocationTree launch : launches) {
          if (JdkApi.THREAD_LAUNCH.matches(launch, state)
              && !JdkApi.COMMON_POOL_LAUNCH.matches(launch, state)) {
            return Optional.of(leaf);
          }
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the body at {@code body} is a task a method returns for its caller to start: a
   * {@code Runnable} or {@code Callable} lambda, or the {@code run()}/{@code call()} of an
   * anonymous one, that is the value of a {@code return} ({@code static Runnable consumer(q) {
   * return () -> { while (true) ... }; }}). Whoever runs it, an interrupt is how it is stopped.
   */
  private static boolean returnedTask(TreePath body, VisitorState state) {
    TreePath task = body;
    if (body.getLeaf() instanceof MethodTree method) {
      if (!(method.getName().contentEquals("run") || method.getName().contentEquals("call"))
          || !method.getParameters().isEmpty()
          || !(body.getParentPath().getLeaf() instanceof ClassTree)
          || !(body.getParentPath().getParentPath().getLeaf() instanceof NewClassTree)) {
        return false;
      }
      task = body.getParentPath().getParentPath();
    }
    TreePath parent = task.getParentPath();
    while (parent != null && parent.getLeaf() instanceof ParenthesizedTree) {
      parent = parent.getParentPath();
    }
    com.sun.tools.javac.code.Type type = ASTHelpers.getType(task.getLeaf());
    return parent != null && parent.getLeaf() instanceof ReturnTree && type != null
        && (GoconcApi.isSubtypeOf(type, JdkApi.RUNNABLE, state)
            || GoconcApi.isSubtypeOf(type, JdkApi.CALLABLE, state));
  }

  private static String message(IgnoredInterruptAt ignored) {
    String wait = ASTHelpers.getSymbol(ignored.blockingCall()).getSimpleName() + "()";
    return switch (ignored.how()) {
      case SWALLOWED -> String.format(
          "this catch takes the InterruptedException of %s and the loop goes round again, so"
              + " shutdownNow() or cancel(true) cannot stop the task: it keeps its thread for"
              + " ever; restore the interrupt and leave the loop (%s break;)",
          wait, RESTORE);
      case RESTORED_AND_SPINS -> String.format(
          "this catch restores the interrupt after %s throws but the loop goes round again and"
              + " never checks it: the next %s throws at once and the task spins, so it cannot be"
              + " stopped; leave the loop after restoring the interrupt (break or return)",
          wait, wait);
      case CLEARS_OBSERVED_STATUS -> String.format(
          "this catch swallows the InterruptedException of %s, which cleared the thread's"
              + " interrupt status, so the loop's interruption check never sees an interrupt that"
              + " came during the wait and shutdownNow() or cancel(true) cannot stop the task;"
              + " restore it (%s) or leave the loop",
          wait, RESTORE);
    };
  }

  private static Optional<SuggestedFix> fix(
      StatementTree loop,
      ExpressionTree condition,
      Tree task,
      IgnoredInterruptAt ignored,
      VisitorState state) {
    Optional<FixLayout> layout = FixLayout.of(state);
    if (layout.isEmpty()) {
      return Optional.empty();
    }
    List<String> statements = new ArrayList<>();
    if (ignored.how() == IgnoredInterrupt.CLEARS_OBSERVED_STATUS) {
      statements.add(RESTORE); // the loop's own check ends it
    } else {
      if (!catchesExactlyInterrupt(ignored)
          || hasContinue(ignored.handler())
          || !breakLeaves(loop, ignored, state)
          || !(canEndNormally(loop, condition, state) || returnsNothing(task, state))) {
        return Optional.empty();
      }
      if (ignored.how() == IgnoredInterrupt.SWALLOWED) {
        statements.add(RESTORE);
      }
      statements.add("break;");
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    layout.get().appendToBlock(fix, ignored.handler().getBlock(), statements, state);
    return Optional.of(fix.build());
  }

  private static boolean catchesExactlyInterrupt(IgnoredInterruptAt ignored) {
    Type caught = ASTHelpers.getType(ignored.handler().getParameter());
    return caught != null
        && caught.tsym != null
        && caught.tsym.getQualifiedName().contentEquals(JdkApi.INTERRUPTED_EXCEPTION);
  }

  private static boolean hasContinue(Tree handler) {
    boolean[] found = new boolean[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitContinue(ContinueTree tree, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(handler, null);
    return found[0];
  }

  /** Whether an unlabelled {@code break} at the end of the handler would leave {@code loop}. */
  private static boolean breakLeaves(Tree loop, IgnoredInterruptAt ignored, VisitorState state) {
    TreePath handler = TreePath.getPath(state.getPath(), ignored.handler());
    for (TreePath p = handler; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf == loop) {
        return true;
      }
      if (leaf instanceof SwitchTree || leaf instanceof SwitchExpressionTree
          || leaf instanceof WhileLoopTree || leaf instanceof DoWhileLoopTree
          || leaf instanceof ForLoopTree || leaf instanceof EnhancedForLoopTree) {
        return false;
      }
    }
    return false;
  }

  /** Whether the loop can already end normally: a real condition, or a break that leaves it. */
  private static boolean canEndNormally(
      StatementTree loop, ExpressionTree condition, VisitorState state) {
    if (condition != null
        && !Boolean.TRUE.equals(ASTHelpers.constValue(ASTHelpers.stripParentheses(condition)))) {
      return true;
    }
    boolean[] found = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        TreePath target = SourceOrder.breakTarget(getCurrentPath());
        found[0] |= target != null && target.getLeaf() == loop;
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(state.getPath(), null);
    return found[0];
  }

  /** Whether the task returns nothing: a void method, or a lambda for a void functional method. */
  private static boolean returnsNothing(Tree task, VisitorState state) {
    if (task instanceof MethodTree method) {
      return ASTHelpers.getSymbol(method).getReturnType().getTag() == TypeTag.VOID;
    }
    Type lambda = ASTHelpers.getType(task);
    if (lambda == null) {
      return false;
    }
    Type descriptor = state.getTypes().findDescriptorType(lambda);
    return descriptor != null && descriptor.getReturnType().getTag() == TypeTag.VOID;
  }
}
