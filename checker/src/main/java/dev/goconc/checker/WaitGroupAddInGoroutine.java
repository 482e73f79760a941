package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.fixes.CounterFixes;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.model.HelperGroupCalls;
import dev.goconc.checker.model.WaitGroupGoroutines;
import dev.goconc.checker.util.SourceLines;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;

/**
 * {@code wg.add()} inside a goroutine races with {@code wg.await()} outside it: the wait can return
 * before the goroutine has added itself. Judged per launch ({@link GoroutineBodies}): an {@code
 * add} in the goroutine's own code (not in a nested goroutine or lambda), or one to three calls
 * away in methods of the compilation unit whose code is certain ({@link HelperGroupCalls}: not
 * overridable, not recursive), on a group that is awaited outside the goroutine.
 *
 * <p>Through calls, the group is a local or parameter the goroutine passes on, or a field confined
 * to the unit (private, or in a private class); every instance of the field's class counts as one
 * group, so {@code Go.go(server::gossip)}, where {@code gossip()} calls {@code
 * stopper.runWorker(...)} and that does {@code stop.add(1)}, races with {@code stop.await()} in
 * {@code Stopper.stop()}. Such a helper that adds before it launches is the correct idiom when
 * ordinary code calls it; the bug is calling it from a goroutine nothing counts. The finding is on
 * the goroutine's call that leads to the add, or on the launch when the goroutine is a method of a
 * class launched by reference (that method may also run where nothing races), and names the chain
 * ({@code gossip() adds to Stopper.stop via runWorker()}). It has no fix: moving the call out of
 * the goroutine changes what runs concurrently.
 *
 * <p>Quiet on {@code add} before the launch, on {@code wg.go(...)}, on a goroutine that adds for
 * its own children and awaits them itself (in its own code or in a method it calls), on a
 * goroutine that is itself counted on the group before it starts ({@code wg.add(1)} right before
 * the launch, {@code wg.add(2)} before two, {@code wg.add(n)} before the launch loop, or {@code
 * wg.go}) and adds for children it starts (the group cannot reach zero meanwhile), on a goroutine
 * whose thread or future the launching code joins before the wait, and on a group whose {@code
 * await} cannot be seen (a parameter awaited by the caller, a group that escapes; through calls, a
 * field other code can reach). staticcheck's SA2000 flags only an {@code Add} that is the
 * goroutine's first statement, whatever the wait; goconc flags any {@code add} of the goroutine,
 * but only when it sees the same group awaited outside (a wider form without that condition
 * measured 3 true bugs in 10, golang/go#18022). The fix moves an {@code add} that is the first
 * statement of a lambda before the launch.
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
    List<WaitGroupGoroutines.GroupCall> ownAdds =
        WaitGroupGoroutines.callsIn(bodyPath, GROUP.countUp(), state);
    List<HelperGroupCalls.Reached> addsThroughCalls =
        HelperGroupCalls.in(bodyPath, GROUP.countUp(), state);
    if (ownAdds.isEmpty() && addsThroughCalls.isEmpty()) {
      return Description.NO_MATCH;
    }
    // A goroutine that waits on a group, itself or in a method it calls, waits for its children.
    Set<VarSymbol> waitedOn = HelperGroupCalls.waitedOn(bodyPath, GROUP.anyWait(), state);
    Set<VarSymbol> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (WaitGroupGoroutines.GroupCall add : ownAdds) {
      Optional<MethodInvocationTree> await = racingAwait(add.group(), waitedOn, body.get(), state);
      if (await.isEmpty()) {
        continue;
      }
      reported.add(add.group());
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
    for (HelperGroupCalls.Reached add : addsThroughCalls) {
      if (reported.contains(add.group())) {
        continue; // one finding per group and goroutine
      }
      Optional<MethodInvocationTree> await = racingAwait(add.group(), waitedOn, body.get(), state);
      if (await.isEmpty()) {
        continue;
      }
      reported.add(add.group());
      state.reportMatch(throughCalls(add, await.get(), bodyPath, launch, state));
    }
    return Description.NO_MATCH;
  }

  /**
   * The wait outside the goroutine that its add to {@code group} races with; empty when the
   * goroutine waits on the group itself, is counted on it before it starts, or is joined before
   * the wait, or when no wait can be seen.
   */
  private static Optional<MethodInvocationTree> racingAwait(
      VarSymbol group, Set<VarSymbol> waitedOn, Tree body, VisitorState state) {
    if (waitedOn.contains(group)
        || WaitGroupGoroutines.countedBeforeLaunch(group, state.getPath(), GROUP, state)) {
      return Optional.empty(); // waits for its children itself, or is counted while it adds
    }
    return WaitGroupGoroutines.awaitOutside(group, body, state.getPath(), GROUP, state)
        .filter(await -> !WaitGroupGoroutines.joinedBefore(state.getPath(), await, state));
  }

  /**
   * The finding for an add that the goroutine makes through calls: on the call in its own code
   * that leads there, or, for a goroutine that runs a method of a class (launched by method
   * reference: the method may run elsewhere without a race), on the launch.
   */
  private Description throughCalls(
      HelperGroupCalls.Reached add,
      MethodInvocationTree await,
      TreePath bodyPath,
      MethodInvocationTree launch,
      VisitorState state) {
    boolean classMethod = bodyPath.getLeaf() instanceof MethodTree
        && !(bodyPath.getParentPath().getParentPath().getLeaf() instanceof NewClassTree);
    List<MethodSymbol> chain = new ArrayList<>();
    if (classMethod) {
      chain.add(ASTHelpers.getSymbol((MethodTree) bodyPath.getLeaf()));
    }
    chain.addAll(add.chain());
    VarSymbol group = add.group();
    String name = group.getSimpleName().toString();
    String groupName = group.getKind() == ElementKind.FIELD
        ? group.owner.getSimpleName() + "." + name
        : name;
    return buildDescription(classMethod ? launch : add.call())
        .setMessage(
            String.format(
                "%s() adds to %s%s inside the goroutine (%s.add() on line %d), racing with"
                    + " %s.await() on line %d: the wait can return before the goroutine has"
                    + " added; call %s() before the wait, not in a goroutine nothing counts, or"
                    + " count the goroutine on %s before it starts",
                chain.get(0).getSimpleName(), groupName, via(chain.subList(1, chain.size())),
                WaitGroupGoroutines.groupOf(add.groupCall()).getSimpleName(),
                SourceLines.of(add.groupCall(), state), name, SourceLines.of(await, state),
                chain.get(0).getSimpleName(), groupName))
        .build();
  }

  /** The methods an add is reached through, after the first: {@code " via runWorker()"}. */
  private static String via(List<MethodSymbol> rest) {
    return rest.isEmpty()
        ? ""
        : rest.stream()
            .map(m -> m.getSimpleName() + "()")
            .collect(Collectors.joining(" and ", " via ", ""));
  }

  static TreePath pathOf(Tree body, VisitorState state) {
    return GoroutineBodies.bodyPath(state.getPath(), body);
  }
}
