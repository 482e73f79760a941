package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.fixes.CounterFixes;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.model.SkippedCountDowns;
import dev.goconc.checker.model.WaitGroupGoroutines.GroupCall;
import dev.goconc.checker.model.WaitGroupGoroutines;
import dev.goconc.checker.util.SourceLines;
import java.util.List;
import java.util.Optional;

/**
 * {@code latch.countDown()}, {@code semaphore.release()}, {@code phaser.arrive()} or {@code
 * phaser.arriveAndDeregister()} in a task outside a {@code finally}, while the code that started
 * the task waits for it with no timeout ({@code latch.await()}, {@code semaphore.acquire()}, {@code
 * phaser.awaitAdvance(p)}, {@code phaser.arriveAndAwaitAdvance()}): an exception in the task skips
 * the count-down and the wait never ends. The java.util.concurrent twin of
 * WaitGroupDoneNotInFinally, answered by the same model ({@link WaitGroupGoroutines} with {@link
 * WaitGroupGoroutines.Counter#JDK_LATCHES}) and with the same decisions:
 *
 * <ul>
 *   <li>A task is a body the model knows is launched ({@link GoroutineBodies}): a lambda, method
 *       reference to a method of the unit, anonymous {@code Runnable}/{@code Callable} or a local
 *       holding one, passed to an executor's {@code submit}/{@code execute}, {@code
 *       Thread.ofVirtual().start}, {@code Thread.startVirtualThread}, {@code
 *       CompletableFuture.runAsync}/{@code supplyAsync}, or given to {@code new Thread(task)}
 *       that is started (directly, or through a local that is never reassigned nor run in
 *       place). Only the task's own code is judged: a count-down in a helper method it calls,
 *       or in a lambda nested in it, is not. A {@code Thread} subclass's {@code run()} is not
 *       judged.
 *   <li>The latch, semaphore or phaser is a local variable, parameter or field; one reached any
 *       other way (a call's result, an array element) is not judged.
 *   <li>A count-down is flagged when some way out of the task skips it ({@link
 *       SkippedCountDowns}, on the task's control-flow graph): a path from the task's start that
 *       leaves it without passing a count-down of the same primitive, by an exception, an explicit
 *       {@code throw}, or a {@code return} (a {@code catch} that logs and returns before the
 *       count-down that follows the {@code try} skips it as surely as the exception). What may
 *       throw is the graph's one notion: a call or {@code new} (an {@code Error} included, so
 *       only a {@code catch} of {@code Throwable} stops all it throws), an array access or
 *       creation, an integer division or remainder, a cast, an unboxing, a field read through a
 *       reference. An assignment, arithmetic other than division, a comparison, a read of a local
 *       or of a field of {@code this}, a literal, a lambda's creation, or {@code synchronized (lock)
 *       { total += x; }} cannot: a task whose code before the count-down is only that, and whose
 *       every path reaches it, cannot skip it and is quiet. Nor does a call on the primitive
 *       itself ({@code ph.register()}, {@code permits.acquire()}): if it fails, the task holds no
 *       part to give back. The code of a {@code catch} block is
 *       not asked whether it throws (it handles a failure; its own would be a second one), but a
 *       {@code return} or {@code throw} in it is a way out. One finding per primitive and task:
 *       the first count-down outside a {@code finally}.
 *     <li>The wait must be seen, with no timeout, outside the task: in the method that launches it
 *       (for a local) or anywhere in the top-level class (for a field). Timed waits ({@code
 *       await(timeout, unit)}, {@code tryAcquire}, {@code awaitAdvanceInterruptibly(p, timeout,
 *       unit)}) give up by themselves: quiet, even when the task skips the count-down on purpose
 *       (a {@code catch} that returns): the waiter then learns of the failure from the timed-out
 *       wait ({@code await} returns {@code false}), which may be the author's design, and counting
 *       down in a {@code finally} would report the failed task as done. A primitive passed to
 *       code that waits on it is not followed: quiet.
 * </ul>
 *
 * <p>Quiet, deliberately, also when a count-down of the same primitive is in a {@code finally} of
 * the task (a second, earlier one is a counting question, not this one), and when the task itself
 * waits on the same primitive in any way: a semaphore it acquires and releases is a lock held in
 * the task, not a signal to the code that started it, and a phaser it waits on makes it a party of
 * a lockstep whose count-downs this rule does not model.
 *
 * <p>Fix, for a lambda whose last statement is the primitive's only count-down: the statements
 * before it move into {@code try} and the count-down into its {@code finally}. No fix where the
 * count-down is elsewhere (in a branch, a loop, before a {@code return}) or the task counts down
 * twice: moving one would change how often it counts down.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A latch countDown, semaphore release or phaser arrive outside finally in a task: an"
            + " exception or early return in the task skips it and the untimed wait for it never"
            + " ends",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "CountDownNotInFinally.md",
    linkType = CUSTOM)
public final class CountDownNotInFinally extends BugChecker
    implements MethodInvocationTreeMatcher {
  private static final WaitGroupGoroutines.Counter LATCHES =
      WaitGroupGoroutines.Counter.JDK_LATCHES;

  @Override
  public Description matchMethodInvocation(MethodInvocationTree launch, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethodInvocation(launch, state));
  }

  private Description analyseMethodInvocation(MethodInvocationTree launch, VisitorState state) {
    if (!JdkApi.mentionsConcurrency(state)) {
      return Description.NO_MATCH;
    }
    TreePath bodyPath = GoroutineBodies.launchedBodyPath(state.getPath(), state).orElse(null);
    if (bodyPath == null) {
      return Description.NO_MATCH;
    }
    Tree body = bodyPath.getLeaf();
    List<GroupCall> downs = WaitGroupGoroutines.callsIn(bodyPath, LATCHES.countDown(), state);
    for (SkippedCountDowns.Skipped skipped : SkippedCountDowns.of(downs, bodyPath, state)) {
      GroupCall down = skipped.countDown();
      if (downs.stream().anyMatch(d -> d.group() == down.group() && d.inFinally())
          || WaitGroupGoroutines.awaitsItself(bodyPath, down.group(), LATCHES, state)) {
        continue; // counted down in a finally too, or a lock or party held in the task
      }
      Optional<MethodInvocationTree> await =
          WaitGroupGoroutines.awaitOutside(
              down.group(), body, state.getPath(), LATCHES, state);
      if (await.isEmpty()) {
        continue;
      }
      String call = state.getSourceForNode(down.call());
      Description.Builder description =
          buildDescription(down.call())
              .setMessage(
                  String.format(
                      "%s is not in a finally: %s %s on line %d can wait forever; call %s in a"
                          + " finally block",
                      call,
                      skipped.byException()
                          ? "if the task throws before it,"
                          : String.format(
                              "the task can leave without it (%s on line %d), and",
                              skipped.exit().kind() == ExitPaths.Kind.RETURN
                                  ? "the return"
                                  : "its end after the code",
                              SourceLines.of(skipped.exit().statement(), state)),
                      shortForm(await.get()),
                      SourceLines.of(await.get(), state),
                      call));
      if (downs.stream().noneMatch(d -> d != down && d.group() == down.group())) {
        CounterFixes.countDownInFinally(down, body, state).ifPresent(description::addFix);
      }
      state.reportMatch(description.build());
    }
    return Description.NO_MATCH;
  }

  /** {@code latch.await()}, {@code phaser.awaitAdvance(...)}: the wait as the message names it. */
  static String shortForm(MethodInvocationTree wait) {
    return String.format(
        "%s.%s(%s)",
        WaitGroupGoroutines.groupOf(wait).getSimpleName(),
        ASTHelpers.getSymbol(wait).getSimpleName(),
        wait.getArguments().isEmpty() ? "" : "...");
  }
}
