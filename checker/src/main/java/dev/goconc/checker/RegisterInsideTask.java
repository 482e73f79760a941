package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.fixes.CounterFixes;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.model.WaitGroupGoroutines.GroupCall;
import dev.goconc.checker.model.WaitGroupGoroutines;
import dev.goconc.checker.util.SourceLines;
import java.util.Optional;

/**
 * {@code phaser.register()} or {@code bulkRegister(n)} inside a task races with the wait for the
 * phase outside it ({@code phaser.arriveAndAwaitAdvance()}, {@code awaitAdvance(p)}): the phase can
 * advance, and the wait return, before the task has registered, so the code after the wait runs
 * while the task is still working. The java.util.concurrent twin of WaitGroupAddInGoroutine,
 * answered by the same model ({@link WaitGroupGoroutines} with {@link
 * WaitGroupGoroutines.Counter#JDK_LATCHES}) on the same tasks as CountDownNotInFinally (executor
 * {@code submit}/{@code execute}, virtual threads, {@code CompletableFuture.runAsync}, a started
 * {@code new Thread(task)}): a registration in the task's own code (not in a task
 * or lambda nested in it, nor in a helper method it calls) on a phaser, held in a local variable,
 * parameter or field, that is waited on without a timeout outside the task (in the launching
 * method for a local, anywhere in the top-level class for a field).
 *
 * <p>Quiet on a registration before the launch; on a task counted on the phaser right before it
 * starts ({@code phaser.register()} as the statement before the launch, {@code bulkRegister(n)}
 * before as many launches, or either before the loop whose body starts with the launch), which may
 * register for children; on a task that starts tasks of its own, deliberately: it may register for them while
 * counted on the phaser through the constructor's parties, which the model does not follow; on a
 * phaser whose wait cannot be seen (a parameter the caller waits on) or is timed (the waiter
 * expects to give up). A {@code CountDownLatch} is not judged: its count is fixed when it is made,
 * so a task cannot add itself to it; whether that count matches the tasks started is a question
 * of counting launches, not of this race. A {@code Semaphore}'s permits are released, not
 * registered: its count-downs are CountDownNotInFinally's.
 *
 * <p>The fix moves a registration that is the first statement of the lambda passed to the launch
 * to just before the launch statement, where its arguments use nothing the lambda declares.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Phaser.register inside the task races with the wait for the phase: the wait can"
            + " return before the task has registered",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "RegisterInsideTask.md",
    linkType = CUSTOM)
public final class RegisterInsideTask extends BugChecker implements MethodInvocationTreeMatcher {
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
    for (GroupCall register : WaitGroupGoroutines.callsIn(bodyPath, LATCHES.countUp(), state)) {
      if (!GoroutineBodies.launchesIn(bodyPath, state).isEmpty()
          || WaitGroupGoroutines.countedBeforeLaunch(
              register.group(), state.getPath(), LATCHES, state)) {
        continue; // may register for its own children, or is counted while it does
      }
      Optional<MethodInvocationTree> await =
          WaitGroupGoroutines.awaitOutside(
              register.group(), body, state.getPath(), LATCHES, state);
      if (await.isEmpty()) {
        continue;
      }
      String call = state.getSourceForNode(register.call());
      Description.Builder description =
          buildDescription(register.call())
              .setMessage(
                  String.format(
                      "%s inside the task races with %s on line %d: the phase can advance"
                          + " before this task has registered; call %s before starting the task",
                      call,
                      CountDownNotInFinally.shortForm(await.get()),
                      SourceLines.of(await.get(), state),
                      call));
      if (launch.getArguments().contains(body)) {
        CounterFixes.countUpBeforeLaunch(
                register, body, state.getPath().getParentPath(), state)
            .ifPresent(description::addFix);
      }
      state.reportMatch(description.build());
    }
    return Description.NO_MATCH;
  }
}
