package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

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
import dev.goconc.checker.fixes.CounterFixes;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.model.WaitGroupGoroutines;
import dev.goconc.checker.util.SourceLines;
import java.util.Optional;

/**
 * {@code wg.add()} inside a goroutine races with {@code wg.await()} outside it: the wait can return
 * before the goroutine has added itself. Judged per launch ({@link GoroutineBodies}): an {@code
 * add} in the goroutine's own code (not in a nested goroutine, lambda or helper method) on a group
 * that is awaited outside the goroutine.
 *
 * <p>Quiet on {@code add} before the launch, on {@code wg.go(...)}, on a goroutine that adds for
 * its own children and awaits them itself, on a goroutine that is itself counted on the group
 * before it starts ({@code wg.add(1)} right before the launch, or {@code wg.go}) and adds for
 * children it starts (the group cannot reach zero meanwhile), and on a group whose {@code await}
 * cannot be seen (a parameter awaited by the caller, a group that escapes). staticcheck's SA2000
 * flags only an {@code Add} that is the goroutine's first statement, whatever the wait; goconc
 * flags any {@code add} of the goroutine's own code, but only when it sees the same group awaited
 * outside (a wider form without that condition measured 3 true bugs in 10, golang/go#18022). The
 * fix moves an {@code add} that is the first statement of a lambda before the launch.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "WaitGroup.add inside the goroutine races with await: the wait can return before"
            + " the goroutine has added itself",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "WaitGroupAddInGoroutine.md",
    linkType = CUSTOM)
public final class WaitGroupAddInGoroutine extends BugChecker
    implements MethodInvocationTreeMatcher {
  private static final WaitGroupGoroutines.Counter GROUP = WaitGroupGoroutines.Counter.WAIT_GROUP;

  @Override
  public Description matchMethodInvocation(MethodInvocationTree launch, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethodInvocation(launch, state));
  }

  private Description analyseMethodInvocation(MethodInvocationTree launch, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)) {
      return Description.NO_MATCH;
    }
    Optional<Tree> body = GoroutineBodies.bodyOf(launch, state);
    if (body.isEmpty()) {
      return Description.NO_MATCH;
    }
    TreePath bodyPath = pathOf(body.get(), state);
    if (bodyPath == null) {
      return Description.NO_MATCH;
    }
    for (WaitGroupGoroutines.GroupCall add :
        WaitGroupGoroutines.callsIn(bodyPath, GROUP.countUp(), state)) {
      if (WaitGroupGoroutines.awaitsItself(bodyPath, add.group(), GROUP, state)
          || WaitGroupGoroutines.countedBeforeLaunch(add.group(), state.getPath(), GROUP, state)) {
        continue; // waits for its children itself, or is counted while it adds for them
      }
      Optional<MethodInvocationTree> await =
          WaitGroupGoroutines.awaitOutside(
              add.group(), body.get(), state.getPath(), GROUP, state);
      if (await.isEmpty()) {
        continue;
      }
      String name = add.group().getSimpleName().toString();
      Description.Builder description =
          buildDescription(add.call())
              .setMessage(
                  String.format(
                      "%s.add() inside the goroutine races with %s.await() on line %d: the wait"
                          + " can return before this goroutine has added itself; call %s.add(1)"
                          + " before starting the goroutine, or start it with %s.go(...)",
                      name, name, SourceLines.of(await.get(), state), name, name));
      CounterFixes.countUpBeforeLaunch(add, body.get(), state.getPath().getParentPath(), state)
          .ifPresent(description::addFix);
      state.reportMatch(description.build());
    }
    return Description.NO_MATCH;
  }

  static TreePath pathOf(Tree body, VisitorState state) {
    return GoroutineBodies.bodyPath(state.getPath(), body);
  }
}
