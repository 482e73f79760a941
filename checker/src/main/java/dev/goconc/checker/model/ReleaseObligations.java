package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.LostCancel;
import dev.goconc.checker.TickerNotStopped;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.fixes.ReleaseFix;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.flow.FinallyGuard;
import dev.goconc.checker.flow.NextStatementUse;
import dev.goconc.checker.util.LocalSuppressions;
import dev.goconc.checker.util.SourceLines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The shared analysis of LostCancel and TickerNotStopped: values that a method creates and must
 * release on every path out (a cancellable context, a ticker or timer). Each creation in a method,
 * or in a lambda inside it, is judged where it lands:
 *
 * <ul>
 *   <li>discarded, or used once inline and dropped: flagged;
 *   <li>passed straight into a call that cannot release it: flagged;
 *   <li>a try-with-resources resource, returned, stored, or handed to an owner ({@link Handovers}):
 *       quiet;
 *   <li>assigned to a local: the control-flow graph of the body that declares it ({@link
 *       ExitPaths}) must reach no {@code return} or end of body without a release or a hand-over of
 *       the local (or of an alias the {@link Obligation} names, such as a context's {@code
 *       cancelFunc()}); a lambda or class that releases or hands it over counts where it is
 *       created, and so does a null check of the local (the creation never yields null, so the
 *       branch of {@code if (ctx != null) ctx.cancel()} that skips the release is no real path). An
 *       explicit {@code throw} or {@code System.exit} needs no release, nor does leaving by an
 *       exception; but the exception of a call where the work may fail ({@link FailingWork}) is a
 *       path where a {@code catch} of the body takes it (the catch exists for it: {@code catch (IOException e) { return false; }} skips
 *       a release after the {@code try}). Nor may a path reach a new assignment to the local
 *       before the release: the value it held is lost there. {@code public static void
 *       main(String[])} is exempt: the process ends.
 * </ul>
 *
 * <p>A value chosen among creations, a conditional or a switch expression every arm of which
 * creates one ({@code CancelContext ctx = switch (p) { case HIGH -> Context.withTimeout(...);
 * ... };}), is judged as one creation, where the expression lands; when an arm may yield
 * something else (a parent context), which value the local holds is not known: not judged.
 */
public final class ReleaseObligations {
  private ReleaseObligations() {}

  /** What a rule tracks and how it words its finding. */
  public interface Obligation {
    boolean isCreation(ExpressionTree tree, VisitorState state);

    /** Whether {@code call}, made on a tracked value or alias, releases it. */
    boolean isRelease(MethodInvocationTree call, VisitorState state);

    /** Method names whose method reference ({@code x::stop}) releases the value. */
    Set<String> releaseNames();

    /** Whether {@code call} on the tracked value yields an alias with the same power. */
    default boolean yieldsAlias(MethodInvocationTree call, VisitorState state) {
      return false;
    }

    /**
     * Whether a call made directly on the creation ({@code Time.newTimer(d).c()}) is a safe one-off
     * use, beside a release or an alias.
     */
    default boolean inlineUseIsSafe(MethodInvocationTree call, VisitorState state) {
      return false;
    }

    /** Whether the call at {@code callPath} on the tracked value shows it needs no release. */
    default boolean settles(TreePath callPath, VisitorState state) {
      return false;
    }

    /** "context", "ticker", "timer", "executor". */
    String noun(ExpressionTree creation);

    /** "cancelling", "stopping". */
    String verb();

    /** "cancelling it", "shutting it down". */
    default String verbIt() {
      return verb() + " it";
    }

    /** What goes wrong, e.g. "its timer and child contexts stay alive until the parent ends". */
    String consequence(ExpressionTree creation);

    /** The call a {@code finally} makes to release it, e.g. "cancel". */
    String releaseMethod();

    /**
     * The cheap first exit: whether the unit can hold a creation at all (the runtime's rules ask
     * whether it names the runtime).
     */
    default boolean appliesTo(VisitorState state) {
      return GoconcApi.mentionsRuntime(state);
    }

    /**
     * Whether the end of the process releases it, so that {@code public static void
     * main(String[])} need not: true of contexts and timers; not of a pool whose non-daemon
     * threads keep the process alive.
     */
    default boolean releasedByProcessExit() {
      return true;
    }

    /**
     * Whether {@code close()} releases it and nothing more, so that try-with-resources is the fix
     * (Go's {@code defer}). Not so for a pool, whose {@code close()} also waits for its tasks: its
     * fix releases in {@code finally}, and a creation passed straight into a call gets none.
     */
    default boolean releasedByClose() {
      return true;
    }

    /** How the message ends: what to do, for a value held in a local. */
    default String remedy() {
      return "declare it in try-with-resources";
    }

    /** How the message ends for a value that is discarded or used once and dropped. */
    default String remedyForDropped() {
      return "keep it in try-with-resources";
    }
  }

  /** One finding: where to report, the message, and the fix when one is safe. */
  public record Finding(Tree at, String message, Optional<SuggestedFix> fix) {}

  /**
   * Reports every finding of {@code obligation} in {@code method} for {@code checker}, with its
   * fix, skipping those suppressed on their local variable; the whole of a release rule's
   * {@code matchMethod}. Always returns {@code NO_MATCH}: the findings are reported one by one.
   */
  public static Description report(
      BugChecker checker, Obligation obligation, MethodTree method, VisitorState state) {
    if (method.getBody() == null || !obligation.appliesTo(state)) {
      return Description.NO_MATCH;
    }
    reportAll(checker, obligation, state);
    return Description.NO_MATCH;
  }

  /** Reports the findings of the method or initializer at {@code state}'s path. */
  private static void reportAll(BugChecker checker, Obligation obligation, VisitorState state) {
    for (Finding finding : findingsIn(state.getPath(), obligation, state)) {
      if (LocalSuppressions.suppressed(checker, finding.at(), state)) {
        continue;
      }
      Description.Builder description =
          checker.buildDescription(finding.at()).setMessage(finding.message());
      finding.fix().ifPresent(description::addFix);
      state.reportMatch(description.build());
    }
  }

  /**
   * As {@link #report} for the initializer blocks ({@code static { ... }}, {@code { ... }}) of
   * {@code type}, the class at {@code state}'s path: each is judged like a method body.
   */
  public static Description reportInitializers(
      BugChecker checker, Obligation obligation, ClassTree type, VisitorState state) {
    return CodeRoots.judgeInitializers(
        type, state, obligation::appliesTo, block -> reportAll(checker, obligation, block));
  }

  /** Every finding for creations in {@code methodPath}'s method and its lambdas. */
  public static List<Finding> findingsIn(
      TreePath methodPath, Obligation obligation, VisitorState state) {
    List<TreePath> creations = creationsIn(methodPath, obligation, state);
    if (creations.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    IdentityHashMap<Tree, Optional<ExitPaths>> graphs = new IdentityHashMap<>();
    Set<Tree> holders = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (TreePath creation : creations) {
      TreePath site = valueSite(creation, obligation, state);
      if (site != null && holders.add(site.getLeaf())) {
        judge(creation, site, obligation, state, graphs).ifPresent(findings::add);
      }
    }
    return findings;
  }

  private static List<TreePath> creationsIn(
      TreePath methodPath, Obligation obligation, VisitorState state) {
    List<TreePath> found = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (obligation.isCreation(call, state)) {
          found.add(getCurrentPath());
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree created, Void unused) {
        if (obligation.isCreation(created, state)) {
          found.add(getCurrentPath());
        }
        // An anonymous subclass's body is a class of its own, matched on its own.
        scan(created.getEnclosingExpression(), null);
        scan(created.getArguments(), null);
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null; // a nested class's methods are matched on their own
      }
    }.scan(methodPath, null);
    return found;
  }

  /**
   * Where the value of the creation at {@code creationPath} lands: the expression whose parent
   * holds it, through parentheses and casts, and through a conditional or a switch expression
   * every value of which is a creation ({@code CancelContext ctx = switch (p) { case HIGH ->
   * Context.withTimeout(...); case LOW -> Context.withCancel(...); };}). Null when another arm
   * may yield something else (a parent context, say): which value the local holds is not known.
   */
  private static TreePath valueSite(
      TreePath creationPath, Obligation obligation, VisitorState state) {
    TreePath path = creationPath;
    while (true) {
      Tree child = path.getLeaf();
      TreePath parentPath = path.getParentPath();
      Tree parent = parentPath.getLeaf();
      if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
        path = parentPath;
      } else if (parent instanceof ConditionalExpressionTree conditional
          && conditional.getCondition() != child) {
        if (!createsOnEveryArm(conditional, obligation, state)) {
          return null;
        }
        path = parentPath;
      } else if ((parent instanceof CaseTree || parent instanceof YieldTree)
          && switchExpressionAround(parentPath) instanceof TreePath switchPath) {
        if (!createsOnEveryArm((SwitchExpressionTree) switchPath.getLeaf(), obligation, state)) {
          return null;
        }
        path = switchPath;
      } else {
        return path;
      }
    }
  }

  /** The switch expression a case's value or a {@code yield} gives its value to, if any. */
  private static TreePath switchExpressionAround(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof SwitchExpressionTree) {
        return p;
      }
      if (leaf instanceof SwitchTree || leaf instanceof LambdaExpressionTree
          || leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /** Whether every value {@code expression} can yield is a creation (or a throw). */
  private static boolean createsOnEveryArm(
      ExpressionTree expression, Obligation obligation, VisitorState state) {
    ExpressionTree value = ASTHelpers.stripParentheses(expression);
    if (value instanceof TypeCastTree cast) {
      return createsOnEveryArm(cast.getExpression(), obligation, state);
    }
    if (value instanceof ConditionalExpressionTree conditional) {
      return createsOnEveryArm(conditional.getTrueExpression(), obligation, state)
          && createsOnEveryArm(conditional.getFalseExpression(), obligation, state);
    }
    if (value instanceof SwitchExpressionTree switchExpression) {
      for (CaseTree arm : switchExpression.getCases()) {
        for (ExpressionTree yielded : valuesOf(arm)) {
          if (!createsOnEveryArm(yielded, obligation, state)) {
            return false;
          }
        }
      }
      return true;
    }
    return obligation.isCreation(value, state);
  }

  /**
   * The values a switch expression's case yields: its expression ({@code case A -> v;}), or the
   * values of the {@code yield}s of its block or statements, not those of a switch expression
   * nested in it. A throw yields nothing.
   */
  private static List<ExpressionTree> valuesOf(CaseTree arm) {
    if (arm.getBody() instanceof ExpressionTree body) {
      return List.of(body);
    }
    List<ExpressionTree> values = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitYield(YieldTree yield, Void unused) {
        values.add(yield.getValue());
        return null;
      }

      @Override
      public Void visitSwitchExpression(SwitchExpressionTree nested, Void unused) {
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        return null;
      }
    }.scan(arm.getBody() != null ? List.of(arm.getBody()) : arm.getStatements(), null);
    return values;
  }

  private static Optional<Finding> judge(
      TreePath creationPath,
      TreePath path,
      Obligation obligation,
      VisitorState state,
      Map<Tree, Optional<ExitPaths>> graphs) {
    ExpressionTree creation = (ExpressionTree) creationPath.getLeaf();
    // A value chosen among creations (a switch expression, a conditional) is reported as one.
    Tree value = path.getLeaf();
    Tree at = value instanceof SwitchExpressionTree || value instanceof ConditionalExpressionTree
        ? value
        : creation;
    TreePath owner = ownerOf(creationPath);
    if (owner == null || (obligation.releasedByProcessExit() && isMain(owner.getLeaf()))) {
      return Optional.empty(); // a field initializer is not judged; main's process ends with it
    }
    Tree child = path.getLeaf();
    TreePath parentPath = path.getParentPath();
    Tree parent = parentPath.getLeaf();
    String what = "the " + obligation.noun(creation) + " from " + methodName(creation);
    if (parent instanceof ExpressionStatementTree) {
      return Optional.of(
          new Finding(
              at,
              what
                  + " is discarded, so nothing can ever release it: "
                  + obligation.consequence(creation)
                  + "; "
                  + obligation.remedyForDropped(),
              Optional.empty()));
    }
    if (parent instanceof MemberSelectTree
        && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == parent) {
      if (obligation.isRelease(call, state)
          || obligation.yieldsAlias(call, state)
          || obligation.inlineUseIsSafe(call, state)) {
        return Optional.empty();
      }
      return Optional.of(
          new Finding(
              at,
              what
                  + " is used once and dropped without "
                  + obligation.verbIt()
                  + ": "
                  + obligation.consequence(creation)
                  + "; "
                  + obligation.remedyForDropped(),
              Optional.empty()));
    }
    if (parent instanceof VariableTree variable && variable.getInitializer() == child) {
      if (parentPath.getParentPath().getLeaf() instanceof TryTree) {
        return Optional.empty(); // a resource of try-with-resources
      }
      return judgeLocal(
          ASTHelpers.getSymbol(variable),
          variable,
          creation,
          at,
          parentPath,
          obligation,
          state,
          graphs);
    }
    if (parent instanceof AssignmentTree assignment
        && assignment.getExpression() == child
        && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol local
        && local.getKind() == ElementKind.LOCAL_VARIABLE) {
      return judgeLocal(
          local, assignment, creation, at, parentPath, obligation, state, graphs);
    }
    if ((parent instanceof MethodInvocationTree || parent instanceof NewClassTree)
        && !Handovers.isHandover(path, state)) {
      return Optional.of(
          new Finding(
              at,
              what
                  + " is passed straight into a call that cannot release it, and nothing"
                  + " else holds it: "
                  + obligation.consequence(creation)
                  + "; "
                  + (obligation.releasedByClose()
                      ? "declare it in try-with-resources and pass the variable"
                      : obligation.remedyForDropped()),
              obligation.releasedByClose() && at == creation
                  ? ReleaseFix.ofInline(path, creation, obligation.noun(creation), state)
                  : Optional.empty()));
    }
    return Optional.empty(); // returned, stored, handed over, or a shape not judged
  }

  private static Optional<Finding> judgeLocal(
      VarSymbol local,
      Tree start,
      ExpressionTree creation,
      Tree at,
      TreePath startPath,
      Obligation obligation,
      VisitorState state,
      Map<Tree, Optional<ExitPaths>> graphs) {
    TreePath ownerPath = ownerOf(startPath);
    if (local == null || ownerPath == null) {
      return Optional.empty();
    }
    Set<Tree> uses = ReleaseUses.of(local, ownerPath, obligation, state);
    if (FinallyGuard.follows(startPath, uses::contains)
        || NextStatementUse.follows(startPath, uses)) {
      return Optional.empty(); // every path passes the release: no graph needed to know it
    }
    Optional<ExitPaths> graph =
        graphs.computeIfAbsent(ownerPath.getLeaf(), owner -> ExitPaths.of(ownerPath, state));
    if (graph.isEmpty()) {
      return Optional.empty();
    }
    // The exception a call where the work may fail throws (FailingWork) is a path where a catch
    // of the body takes it: the catch exists for it (catch (IOException e) { return false; }).
    Optional<ExitPaths.Exit> missed =
        FailingWork.exitsThroughCatches(graph.get(), ownerPath.getLeaf(), start, uses::contains,
                uses::contains, state).stream()
            .filter(
                e -> e.kind() == ExitPaths.Kind.RETURN || e.kind() == ExitPaths.Kind.END_OF_BODY)
            .min(Comparator.comparingLong(e -> exitPosition(e, ownerPath.getLeaf(), state)));
    if (missed.isEmpty()) {
      return overwritten(local, start, uses, graph.get())
          .map(write -> new Finding(at, String.format(
              "the assignment on line %d overwrites '%s' (created on line %d) before %s: %s;"
                  + " %s",
              SourceLines.of(write, state), local.getSimpleName(),
              SourceLines.of(at, state), obligation.verbIt(),
              obligation.consequence(creation), obligation.remedy()),
              Optional.empty()));
    }
    ExitPaths.Exit exit = missed.get();
    String exitText =
        exit.kind() == ExitPaths.Kind.RETURN
            ? "the return on line " + SourceLines.at(exitPosition(exit, ownerPath.getLeaf(), state), state)
            : "the end of the "
                + switch (ownerPath.getLeaf()) {
                  case LambdaExpressionTree lambda -> "lambda";
                  case MethodTree method -> "method";
                  default -> "initializer";
                }
                + " on line "
                + SourceLines.at(exitPosition(exit, ownerPath.getLeaf(), state), state);
    String message =
        String.format(
            "%s may be reached without %s '%s' (created on line %d): %s; %s",
            exitText,
            obligation.verb(),
            local.getSimpleName(),
            SourceLines.of(at, state),
            obligation.consequence(creation),
            obligation.remedy());
    return Optional.of(
        new Finding(
            at,
            message,
            ReleaseFix.of(
                local,
                startPath,
                creation,
                obligation.releaseMethod(),
                obligation.releasedByClose(),
                state)));
  }

  /**
   * The first assignment to {@code local} that a path from {@code start} reaches before a release
   * or a hand-over: the value it held is lost there ({@code ctx = Context.withCancel(parent)} a
   * second time, with the first context never cancelled).
   */
  private static Optional<Tree> overwritten(
      VarSymbol local, Tree start, Set<Tree> uses, ExitPaths graph) {
    List<Tree> writes = graph.reachedAvoiding(start,
        t -> t != start && t instanceof AssignmentTree assignment
            && ASTHelpers.getSymbol(assignment.getVariable()) == local,
        uses::contains);
    return writes.stream().findFirst();
  }

  /** The method or lambda whose body declares the code at {@code path}. */
  public static TreePath ownerOf(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MethodTree) {
        return p;
      }
      if (leaf instanceof BlockTree && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof ClassTree) {
        return p; // an initializer block, judged like a method
      }
      if (leaf instanceof ClassTree) {
        return null; // a field initializer: not judged
      }
    }
    return null;
  }

  private static boolean isMain(Tree owner) {
    if (!(owner instanceof MethodTree method)) {
      return false;
    }
    Symbol.MethodSymbol symbol = ASTHelpers.getSymbol(method);
    return symbol != null
        && method.getName().contentEquals("main")
        && symbol.isStatic()
        && (symbol.flags() & com.sun.tools.javac.code.Flags.PUBLIC) != 0
        && symbol.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID
        && symbol.getParameters().size() == 1
        && symbol.getParameters().get(0).type.toString().equals("java.lang.String[]");
  }

  private static long exitPosition(ExitPaths.Exit exit, Tree owner, VisitorState state) {
    if (exit.tree() != null) {
      return ASTHelpers.getStartPosition(exit.tree());
    }
    Tree body = CodeRoots.codeOf(owner);
    return Math.max(0, state.getEndPosition(body) - 1);
  }

  private static String methodName(ExpressionTree creation) {
    if (creation instanceof NewClassTree created) {
      return "new " + simpleName(created) + "(...)";
    }
    Symbol symbol = ASTHelpers.getSymbol(creation);
    return symbol == null ? "this call" : symbol.getSimpleName() + "()";
  }

  private static String simpleName(NewClassTree created) {
    Symbol type = ASTHelpers.getSymbol(created.getIdentifier());
    return type == null ? created.getIdentifier().toString() : type.getSimpleName().toString();
  }
}
