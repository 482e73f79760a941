package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.AwaitsHoldingLocks;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.WaitGroupGoroutines;
import java.util.Optional;

/**
 * {@code latch.await()} (or a phaser's {@code awaitAdvance(p)}, {@code arriveAndAwaitAdvance()})
 * while holding a lock that a task the latch counts must take before its {@code countDown()} (or
 * {@code arrive()}): whenever the waiter takes the lock first, the task blocks on it, never counts
 * down, and the wait never returns. The java.util.concurrent twin of WaitGroupAwaitHoldingLock,
 * decided by the same model ({@link AwaitsHoldingLocks} with {@link
 * WaitGroupGoroutines.Counter#LATCHES_AND_PHASERS}) with the same decisions: locks of certain
 * identity ({@code synchronized} on {@code this}, a class object, a final field or effectively
 * final local, a {@code synchronized} method, a {@code Lock} in such a variable held from its
 * {@code lock()} on some path to the wait); a task counted on the latch when its own code, or a
 * method of the class it calls on {@code this}, counts it down; the task's acquisition on a path
 * from its start that reaches no count-down first, in its own code or one call deep on {@code
 * this}; a latch that is a local of the method that starts the tasks (and waits after some path
 * from their launch), or a final field of the class named through {@code this}, whose tasks are
 * looked for in all the code of the class.
 *
 * <p>A {@code Semaphore} is not judged: its {@code acquire()} waits only when no permit is free,
 * so holding a lock across it is a deadlock only for some permit counts. Timed waits ({@code
 * await(timeout, unit)}) give up by themselves: quiet. No fix, as for the twin: moving the wait
 * out of the lock changes what the lock protects.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A latch or phaser wait while holding a lock that a task it waits for needs before"
            + " counting down: a deadlock once the waiter takes the lock first",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "LatchAwaitHoldingLock.md",
    linkType = CUSTOM)
public final class LatchAwaitHoldingLock extends BugChecker
    implements MethodInvocationTreeMatcher {
  private static final WaitGroupGoroutines.Counter LATCH =
      WaitGroupGoroutines.Counter.LATCHES_AND_PHASERS;

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyse(tree, state));
  }

  private Description analyse(MethodInvocationTree wait, VisitorState state) {
    if (!JdkApi.mentionsConcurrency(state)
        || !JdkApi.LATCH_OR_PHASER_AWAIT_NAMES.contains(Calls.nameOf(wait)) // cheap, first
        || !LATCH.await().matches(wait, state)
        || !(WaitGroupGoroutines.groupOf(wait) instanceof VarSymbol latch)) {
      return Description.NO_MATCH;
    }
    Optional<AwaitsHoldingLocks.Deadlock> deadlock =
        AwaitsHoldingLocks.at(state.getPath(), latch, LATCH, state);
    if (deadlock.isEmpty()) {
      return Description.NO_MATCH;
    }
    String name = latch.getSimpleName().toString();
    return buildDescription(wait)
        .setMessage(
            WaitGroupAwaitHoldingLock.message(
                state.getSourceForNode(wait),
                "task",
                name + "." + countDownName(latch, state),
                deadlock.get(),
                state))
        .build();
  }

  private static String countDownName(VarSymbol latch, VisitorState state) {
    return GoconcApi.isSubtypeOf(latch.type, JdkApi.COUNT_DOWN_LATCH, state)
        ? "countDown()"
        : "arrive()";
  }
}
