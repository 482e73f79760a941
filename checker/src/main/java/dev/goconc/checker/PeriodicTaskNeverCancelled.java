package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.Lifecycles;
import dev.goconc.checker.model.UnreleasedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * A periodic task that nothing ever stops: it runs, and holds what it references, after its owner
 * is gone. The java.util.concurrent twin of TickerNotStopped, for {@code
 * ScheduledExecutorService.scheduleAtFixedRate}/{@code scheduleWithFixedDelay} and the
 * three-argument {@code java.util.Timer.schedule}/{@code scheduleAtFixedRate}. A periodic task
 * stops when its future is cancelled (a {@code TimerTask} when it is cancelled, also from its own
 * {@code run()}), or when its scheduler is shut down (a {@code Timer} when it is cancelled). So a
 * schedule is flagged only when both are missing:
 *
 * <ul>
 *   <li><b>The task is not kept</b>: its {@code ScheduledFuture} is discarded, or held in a local
 *       that is never read again; a {@code TimerTask} is passed as a new object that never
 *       cancels itself. A future stored, returned, passed on, or read in any way is kept: quiet.
 *   <li><b>The scheduler is not ended by its owner.</b> A pool the method or class makes and
 *       shuts down (or hands over) ends its tasks: quiet; one it makes and never shuts down is
 *       ExecutorNotShutDown's finding, not repeated here, but for a private field pool of a class
 *       whose instances have an end ({@link Lifecycles}): with the handle dropped and the pool
 *       the instance's alone, nothing can stop the task, which surely outlives that end, and it
 *       is flagged here too. A {@code Timer} the method or class
 *       makes and never cancels is flagged here (no other rule judges timers). A scheduler that
 *       comes from elsewhere (a parameter, an injected or static field, a call's result) outlives
 *       the class: the task is flagged when the class's instances have an end ({@link
 *       Lifecycles}: {@code AutoCloseable}, or a {@code close()}/{@code stop()}/{@code
 *       shutdown()}-like method), since the task then outlives that end; a class with no end runs
 *       its tasks for the process's life by design, and is left alone. A static method has no
 *       instance to end: when it schedules on a scheduler it is given (a parameter) and drops the
 *       handle, no owner's end can stop the task and its caller gets nothing to cancel; only
 *       shutting down the caller's whole scheduler, with every other task on it, ends it. That
 *       is flagged whatever the class's lifecycle; the helper that returns or keeps the handle
 *       is the correct look-alike. (A constructor or instance method given a scheduler stays with
 *       the rule above: its instance is the task's owner.)
 * </ul>
 *
 * <p>Schedules made in a static initializer, a static field's initializer or {@code
 * main(String[])} run for the process's life, deliberately: quiet. No fix is offered: keeping the
 * future in a field and cancelling it where the owner ends is a design change, not a mechanical
 * one.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A periodic task that is neither cancelled nor ended with its scheduler keeps running"
            + " after its owner is gone",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "PeriodicTaskNeverCancelled.md",
    linkType = CUSTOM)
public final class PeriodicTaskNeverCancelled extends BugChecker implements ClassTreeMatcher {

  private static final UnreleasedFields.FieldObligation SCHEDULERS =
      new UnreleasedFields.FieldObligation() {
        @Override
        public boolean tracks(VarSymbol field, VisitorState state) {
          return true;
        }

        @Override
        public boolean isCreation(ExpressionTree value, VisitorState state) {
          return isSchedulerCreation(value, state);
        }

        @Override
        public boolean isRelease(MethodInvocationTree call, VisitorState state) {
          return JdkApi.EXECUTOR_SHUTDOWN.matches(call, state)
              || JdkApi.TIMER_CANCEL.matches(call, state);
        }

        @Override
        public boolean releasesByReference(String name) {
          return JdkApi.EXECUTOR_SHUTDOWN_NAMES.contains(name) || name.equals("cancel");
        }
      };

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyse(state));
  }

  private Description analyse(VisitorState state) {
    if (!(state.getPath().getParentPath().getLeaf() instanceof CompilationUnitTree)
        || !JdkApi.mentionsConcurrency(state)) {
      return Description.NO_MATCH; // each top-level class is read once, nested classes with it
    }
    TreePath classPath = state.getPath();
    for (TreePath schedule : periodicSchedules(classPath, state)) {
      verdict(schedule, classPath, state)
          .ifPresent(
              message ->
                  state.reportMatch(
                      buildDescription(schedule.getLeaf()).setMessage(message).build()));
    }
    return Description.NO_MATCH;
  }

  private static List<TreePath> periodicSchedules(TreePath classPath, VisitorState state) {
    List<TreePath> found = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (JdkApi.SCHEDULE_PERIODIC.matches(call, state)
            || JdkApi.isPeriodicTimerSchedule(call, state)) {
          found.add(getCurrentPath());
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(classPath, null);
    return found;
  }

  /** The finding's message for the schedule at {@code schedule}, or empty when it is quiet. */
  private static Optional<String> verdict(
      TreePath schedule, TreePath classPath, VisitorState state) {
    MethodInvocationTree call = (MethodInvocationTree) schedule.getLeaf();
    TreePath code = enclosingCode(schedule);
    if (code == null || runsForTheProcess(code.getLeaf())) {
      return Optional.empty();
    }
    boolean timer = JdkApi.isPeriodicTimerSchedule(call, state);
    if (timer ? timerTaskKept(call, code, state) : futureKept(schedule, code, state)) {
      return Optional.empty();
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    Symbol scheduler = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    if (receiver == null) {
      return Optional.empty(); // the class is the scheduler: its own lifecycle, not judged
    }
    if (scheduler instanceof VarSymbol variable
        && (variable.getKind() == ElementKind.LOCAL_VARIABLE
            || variable.getKind().isField())) {
      TreePath scope = variable.getKind().isField() ? classPath : code;
      if (UnreleasedFields.releasedIn(variable, scope, SCHEDULERS, state)) {
        return Optional.empty(); // shut down, cancelled or handed over: the task ends with it
      }
      if (madeByOwner(variable, scope, state)) {
        if (timer) {
          return Optional.of(
              String.format(
                  "the Timer '%s' is never cancelled, so this periodic task (and the Timer's"
                      + " thread, which keeps the JVM from exiting) runs for ever; cancel the"
                      + " Timer, or the task, when its owner is done",
                  variable.getSimpleName()));
        }
        ClassSymbol owner = namedClassAround(schedule);
        if (variable.getKind().isField()
            && (variable.flags() & Flags.PRIVATE) != 0
            && owner != null
            && Lifecycles.hasEnd(owner, state)) {
          return Optional.of(
              String.format(
                  "this periodic task is never cancelled, and '%s', the scheduler %s makes for"
                      + " itself, is never shut down: nothing can stop the task, which keeps"
                      + " running after %s is stopped; keep the ScheduledFuture and cancel it"
                      + " there, or shut '%s' down",
                  variable.getSimpleName(),
                  owner.getSimpleName(),
                  owner.getSimpleName(),
                  variable.getSimpleName()));
        }
        return Optional.empty(); // a pool never shut down: ExecutorNotShutDown's finding
      }
    } else if (receiver instanceof NewClassTree || isSchedulerCreation(receiver, state)) {
      return Optional.empty(); // a scheduler made for this call alone: the creation's own finding
    } else if (givenToStaticMethod(scheduler, code)) {
      return Optional.of(
          String.format(
              "this periodic task is never cancelled: the static method %s drops its %s, so"
                  + " no owner's end stops the task and its caller gets no handle to cancel it;"
                  + " only shutting down the whole scheduler it was given ends it; return the %s"
                  + " (or keep it and cancel it) so the task can be stopped",
              ((MethodTree) code.getLeaf()).getName(),
              timer ? "TimerTask" : "ScheduledFuture",
              timer ? "TimerTask" : "ScheduledFuture"));
    }
    ClassSymbol owner = namedClassAround(schedule);
    if (owner == null || !Lifecycles.hasEnd(owner, state)) {
      return Optional.empty(); // instances without an end: their tasks live as long as the process
    }
    return Optional.of(
        String.format(
            "this periodic task is never cancelled, and its scheduler is not %s's to shut down, so"
                + " it keeps running after %s is closed; keep the %s and cancel it when %s"
                + " stops",
            owner.getSimpleName(),
            owner.getSimpleName(),
            timer ? "TimerTask" : "ScheduledFuture",
            owner.getSimpleName()));
  }

  /**
   * Whether {@code scheduler} is a parameter of the static method {@code code} ({@code main}
   * aside, which runs for the process): a helper that schedules on what its caller gives it.
   */
  private static boolean givenToStaticMethod(Symbol scheduler, TreePath code) {
    return scheduler instanceof VarSymbol variable
        && variable.getKind() == ElementKind.PARAMETER
        && code.getLeaf() instanceof MethodTree method
        && ASTHelpers.getSymbol(method) instanceof Symbol symbol
        && ASTHelpers.isStatic(symbol)
        && variable.owner == symbol;
  }

  /** The method, lambda's method, initializer block or field that holds {@code path}. */
  private static TreePath enclosingCode(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree
          || (leaf instanceof BlockTree && p.getParentPath().getLeaf() instanceof ClassTree)
          || (leaf instanceof VariableTree && p.getParentPath().getLeaf() instanceof ClassTree)) {
        return p;
      }
    }
    return null;
  }

  /** The innermost named class around {@code path}: an anonymous class is its creator's part. */
  private static ClassSymbol namedClassAround(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree type
          && ASTHelpers.getSymbol(type) instanceof ClassSymbol symbol
          && !symbol.isAnonymous()) {
        return symbol;
      }
    }
    return null;
  }

  /** A static initializer, a static field's initializer, or {@code main(String[])}. */
  private static boolean runsForTheProcess(Tree code) {
    return switch (code) {
      case BlockTree block -> block.isStatic();
      case VariableTree field -> field.getModifiers().getFlags().contains(Modifier.STATIC);
      case MethodTree method -> {
        Symbol symbol = ASTHelpers.getSymbol(method);
        yield symbol != null
            && ASTHelpers.isStatic(symbol)
            && method.getName().contentEquals("main")
            && method.getParameters().size() == 1;
      }
      default -> false;
    };
  }

  /** Whether the {@code ScheduledFuture} the call returns is kept: anything but dropped. */
  private static boolean futureKept(TreePath schedule, TreePath code, VisitorState state) {
    TreePath path = schedule;
    while (path.getParentPath().getLeaf() instanceof ParenthesizedTree
        || path.getParentPath().getLeaf() instanceof TypeCastTree) {
      path = path.getParentPath();
    }
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof ExpressionStatementTree
        || (parent instanceof LambdaExpressionTree lambda
            && lambda.getBody() == path.getLeaf()
            && returnsVoid(lambda, state))) {
      return false;
    }
    if (parent instanceof VariableTree local
        && ASTHelpers.getSymbol(local) instanceof VarSymbol variable
        && variable.getKind() == ElementKind.LOCAL_VARIABLE) {
      return readOtherThanBy(variable, code, null);
    }
    return true; // stored, returned, passed on, chained: someone holds it
  }

  /** Whether {@code lambda} implements a method returning {@code void}: its body's value is dropped. */
  private static boolean returnsVoid(LambdaExpressionTree lambda, VisitorState state) {
    Type type = ASTHelpers.getType(lambda);
    Type descriptor = type == null ? null : state.getTypes().findDescriptorType(type);
    return descriptor != null && descriptor.getReturnType().getKind() == TypeKind.VOID;
  }

  /** Whether the {@code TimerTask} scheduled is kept or cancels itself. */
  private static boolean timerTaskKept(
      MethodInvocationTree call, TreePath code, VisitorState state) {
    ExpressionTree task = ASTHelpers.stripParentheses(call.getArguments().get(0));
    if (task instanceof NewClassTree created) {
      return created.getClassBody() == null || cancelsItself(created.getClassBody(), state);
    }
    if (ASTHelpers.getSymbol(task) instanceof VarSymbol variable
        && variable.getKind() == ElementKind.LOCAL_VARIABLE) {
      return readOtherThanBy(variable, code, call);
    }
    return true; // a field, a parameter, a call's result: held elsewhere
  }

  private static boolean cancelsItself(ClassTree body, VisitorState state) {
    boolean[] cancels = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (ASTHelpers.getReceiver(node) == null && JdkApi.TIMER_TASK_CANCEL.matches(node, state)) {
          cancels[0] = true;
        }
        return super.visitMethodInvocation(node, null);
      }
    }.scan(body, null);
    return cancels[0];
  }

  /** Whether {@code variable} occurs in {@code code} other than inside {@code except} (if any). */
  private static boolean readOtherThanBy(VarSymbol variable, TreePath code, Tree except) {
    boolean[] read = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return tree == except ? null : super.scan(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        read[0] |= ASTHelpers.getSymbol(node) == variable;
        return null;
      }
    }.scan(code, null);
    return read[0];
  }

  /**
   * Whether the method (for a local) or the class (for an instance field) gives {@code variable} a
   * scheduler it makes.
   */
  private static boolean madeByOwner(VarSymbol variable, TreePath scope, VisitorState state) {
    if (variable.getKind().isField() && (variable.flags() & Flags.STATIC) != 0) {
      return false; // a shared scheduler: not an instance's to end
    }
    boolean[] made = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == variable
            && node.getInitializer() != null
            && isSchedulerCreation(node.getInitializer(), state)) {
          made[0] = true;
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (ASTHelpers.getSymbol(node.getVariable()) == variable
            && isSchedulerCreation(node.getExpression(), state)) {
          made[0] = true;
        }
        return super.visitAssignment(node, null);
      }
    }.scan(scope.getLeaf(), null);
    return made[0];
  }

  private static boolean isSchedulerCreation(ExpressionTree value, VisitorState state) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(value);
    return JdkApi.isPoolCreation(stripped, state)
        || (stripped instanceof NewClassTree created
            && GoconcApi.isSubtypeOf(ASTHelpers.getType(created), JdkApi.TIMER, state));
  }
}
