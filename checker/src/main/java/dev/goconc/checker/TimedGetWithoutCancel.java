package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.fixes.FixLayout;
import dev.goconc.checker.flow.ExceptionHandlers;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.CodeRoots;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.ReleaseObligations;
import dev.goconc.checker.model.StartedFutures;
import dev.goconc.checker.util.SourceLines;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code future.get(timeout, unit)} on a task the method started, whose {@code TimeoutException}
 * path gives up without {@code future.cancel(...)}: the task keeps running, holding its thread and
 * whatever it holds, after its only caller stopped waiting — GoroutineLeak's abandoned sender, with
 * a timeout. Judged per timed {@code get}:
 *
 * <ul>
 *   <li>The future is a local that the same method (or lambda) started and holds alone ({@link
 *       StartedFutures}): every assignment is {@code executor.submit(...)}, {@code schedule(...)},
 *       {@code CompletableFuture.supplyAsync/runAsync(...)} or a {@code new FutureTask} it runs,
 *       or a call of a helper of the unit whose code is certain (not overridable, not recursive)
 *       and that hands over a task it just started: every {@code return} of it is such a start,
 *       or a {@code new CompletableFuture<>()} that only tasks the helper launches complete and
 *       that it neither stores nor passes on (the caller holds the only handle; cancelling stops
 *       a task not yet run, and the stages that wait on it); it is never returned, stored,
 *       passed to a method or captured by a lambda or class. So is the variable of a for-each
 *       over a local list the method made empty and fills only with such starts ({@code
 *       running.add(pool.submit(...))}), and otherwise only sizes or loops over; each round's
 *       element is a task of its own, so the next round's {@code get} is no second wait on it.
 *       A future passed in belongs to the
 *       caller, one from a helper that may be overridden or that keeps or shares it (a cache of
 *       futures) may have other holders, and one handed on to someone else may be cancelled
 *       there: quiet.
 *   <li>The path of the {@code TimeoutException} is read as Java runs it ({@link
 *       ExceptionHandlers}): into the first {@code catch} that takes it, through the {@code
 *       finally} blocks it leaves. A {@code finally} on that way holding {@code future.cancel} (or
 *       {@code shutdownNow()}/{@code close()} of the executor) settles it. From the {@code catch},
 *       the control-flow graph ({@link ExitPaths}) must reach no {@code return}, end of body or
 *       {@code throw} without passing {@code future.cancel(...)}, the executor's {@code
 *       shutdownNow()} (which interrupts its tasks), its {@code close()} (which waits for them), or a
 *       look at the future's state ({@code isDone()}, {@code isCancelled()}: the branch of {@code
 *       if (!f.isDone()) f.cancel(true)} that skips the cancel is the one where the task ended).
 *   <li>A path from the {@code catch} that waits on the same future again ({@code get} or {@code
 *       join}) makes the timeout a poll, not giving up: quiet on that {@code get}, even where a
 *       bounded retry loop finally gives up (the model cannot tell the last timeout from the
 *       others). A path that first starts a new task in the same local (a loop that submits one
 *       per round) is no poll: it stops there, and the loop's way out is judged.
 *   <li>A {@code TimeoutException} that no {@code catch} of the body takes propagates to the
 *       caller, who never saw the future and cannot cancel it: flagged, unless a {@code finally}
 *       on its way cancels.
 *   <li>The executor being a try-with-resources resource settles it (its {@code close()} waits
 *       for the task). {@code CompletableFuture.orTimeout} is no timed {@code get}: not judged.
 * </ul>
 *
 * <p>Fix, where a {@code catch} takes the timeout: {@code future.cancel(true);} as its first
 * statement. {@code true}, because the caller has given up on the result: interrupting is how a
 * running task learns that its blocking calls should stop, while {@code cancel(false)} only stops
 * a task that has not started and lets a running one run on. (A {@code CompletableFuture} ignores
 * the flag: its cancel stops a queued task and its dependent stages, not a running one.) When the
 * timeout propagates out of the body no fix is offered: the {@code catch} or {@code finally} to
 * add would enclose statements whose scope and exceptions the fix cannot judge.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A timed Future.get that gives up without cancelling the task it started leaves the"
            + " task running; cancel it when the wait times out",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "TimedGetWithoutCancel.md",
    linkType = CUSTOM)
public final class TimedGetWithoutCancel extends BugChecker
    implements MethodInvocationTreeMatcher {

  @Override
  public Description matchMethodInvocation(MethodInvocationTree get, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyse(get, state));
  }

  private Description analyse(MethodInvocationTree get, VisitorState state) {
    if (!JdkApi.mentionsConcurrency(state) || !JdkApi.FUTURE_TIMED_GET.matches(get, state)) {
      return Description.NO_MATCH;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(get);
    TreePath owner = ReleaseObligations.ownerOf(state.getPath());
    Type timeout = JdkApi.TIMEOUT_EXCEPTION_TYPE.get(state);
    if (receiver == null
        || !(ASTHelpers.getSymbol(receiver) instanceof VarSymbol local)
        || owner == null
        || timeout == null) {
      return Description.NO_MATCH;
    }
    Optional<StartedFutures.Started> started = StartedFutures.held(local, owner, state);
    if (started.isEmpty() || started.get().executorClosedByTry()) {
      return Description.NO_MATCH;
    }
    Predicate<Tree> stops = tree -> stops(tree, started.get(), state);
    // A path that starts a new task in the same local (a loop submitting one per round) leaves
    // this get's task behind: the walk stops there, so the next round's get is no poll of it.
    Predicate<Tree> stopsOrRestarts = stops.or(tree -> StartedFutures.restarts(tree, local));
    ExceptionHandlers.Handler handler =
        ExceptionHandlers.of(state.getPath(), owner.getLeaf(), timeout, state);
    if (handler.finallies().stream().anyMatch(block -> contains(block, stops))) {
      return Description.NO_MATCH; // a finally on the timeout's way cancels
    }
    String name = local.getSimpleName().toString();
    String consequence =
        "the task keeps running (holding its thread and whatever it holds) after the caller gave"
            + " up on it";
    if (handler.propagates()) {
      return buildDescription(get)
          .setMessage(String.format(
              "the TimeoutException of %s.get(...) leaves the %s without cancelling '%s': %s;"
                  + " catch it and call %s.cancel(true), or cancel in a finally",
              name, bodyNoun(owner.getLeaf()), name, consequence, name))
          .build();
    }
    Optional<ExitPaths> graph = ExitPaths.of(owner, state);
    if (graph.isEmpty()) {
      return Description.NO_MATCH;
    }
    Tree from = handler.catchTree().getParameter();
    Predicate<Tree> waitsAgain =
        tree -> tree instanceof MethodInvocationTree call
            && JdkApi.FUTURE_WAIT.matches(call, state)
            && StartedFutures.isCallOn(call, local);
    if (!graph.get().reachedAvoiding(from, waitsAgain, stopsOrRestarts).isEmpty()) {
      return Description.NO_MATCH; // the timeout was a poll: some path waits again
    }
    List<ExitPaths.Exit> exits =
        graph.get().exitsAvoiding(from, stopsOrRestarts).stream()
            .filter(ExitPaths.Exit::leaves)
            .toList();
    if (exits.isEmpty()) {
      return Description.NO_MATCH;
    }
    ExitPaths.Exit exit = exits.get(0);
    String how =
        exit.kind() == ExitPaths.Kind.THROW
            ? "the throw " + exit.where(state)
            : exit.kind() == ExitPaths.Kind.RETURN
                ? "the return " + exit.where(state)
                : "the end of the "
                    + bodyNoun(owner.getLeaf())
                    + " on line "
                    + SourceLines.at(
                        Math.max(0, state.getEndPosition(CodeRoots.codeOf(owner.getLeaf())) - 1),
                        state);
    Description.Builder description =
        buildDescription(get)
            .setMessage(
                String.format(
                    "when %s.get(...) times out, the catch on line %d reaches %s without"
                        + " cancelling '%s': %s; call %s.cancel(true) in the catch",
                    name,
                    SourceLines.of(handler.catchTree(), state),
                    how,
                    name,
                    consequence,
                    name));
    fix(handler.catchTree().getBlock(), name, state).ifPresent(description::addFix);
    return description.build();
  }

  /** Whether {@code tree} cancels the future or stops its executor's tasks. */
  private static boolean stops(Tree tree, StartedFutures.Started started, VisitorState state) {
    if (!(tree instanceof MethodInvocationTree call)) {
      return false;
    }
    // A look at the future's state counts: the branch of "if (!f.isDone()) f.cancel(true)" that
    // skips the cancel is no real path (the graph cannot know the task still runs after a timeout).
    if (JdkApi.FUTURE_CANCEL.matches(call, state) || JdkApi.FUTURE_STATE.matches(call, state)) {
      return StartedFutures.isCallOn(call, started.future());
    }
    return JdkApi.EXECUTOR_STOP.matches(call, state)
        && started.executors().stream().anyMatch(e -> StartedFutures.isCallOn(call, e));
  }

  private static boolean contains(Tree block, Predicate<Tree> stops) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean scan(Tree tree, Void unused) {
            return tree != null && (stops.test(tree) || Boolean.TRUE.equals(super.scan(tree, null)));
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(block, null);
    return Boolean.TRUE.equals(found);
  }

  private static String bodyNoun(Tree owner) {
    return owner instanceof LambdaExpressionTree
        ? "lambda"
        : owner instanceof MethodTree ? "method" : "initializer";
  }

  /** {@code name.cancel(true);} as the first statement of the catch block. */
  private static Optional<SuggestedFix> fix(BlockTree block, String name, VisitorState state) {
    String cancel = name + ".cancel(true);";
    if (block.getStatements().isEmpty()) {
      return Optional.of(SuggestedFix.replace(block, "{ " + cancel + " }"));
    }
    Optional<FixLayout> layout = FixLayout.of(state);
    if (layout.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    layout.get().insertBefore(fix, block.getStatements().get(0), cancel);
    return Optional.of(fix.build());
  }
}
