package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.fixes.FixLayout;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.RepeatedDones;
import dev.goconc.checker.model.SymbolicCount;
import dev.goconc.checker.model.WaitGroupCounts;
import dev.goconc.checker.model.WaitGroupGoroutines;
import dev.goconc.checker.util.SourceLines;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code wg.done()} called more times than {@code wg.add()} counted: the counter goes below zero,
 * where Go panics ("negative WaitGroup counter") and goconc's {@code done()} throws {@code
 * IllegalStateException}; before that, {@code await()} can return while goroutines still run
 * (kubernetes#13058, in GoKer's non-blocking bugs). Three shapes are decided, each certain:
 *
 * <ul>
 *   <li>A goroutine that calls {@code done()} twice on one path and once on another ({@link
 *       RepeatedDones}): a {@code done()} that every way out of the goroutine follows with another
 *       one, typically on an early path of a body whose {@code finally} calls it again (a
 *       {@code catch} that takes the failure of the work in its {@code try} is such a path: see
 *       {@link dev.goconc.checker.model.FailingWork}). Whatever
 *       the goroutine was counted, one of its paths is wrong. The fix deletes the earlier call.
 *   <li>For a group a method makes and keeps to itself, more {@code done()} calls certainly run than
 *       the method's adds can count ({@link WaitGroupCounts}): three goroutines after {@code
 *       wg.add(2)}; one goroutine more than the {@code jobs.size()} the add counted; two per round
 *       after {@code wg.add(1)} per round; a goroutine whose {@code try} and {@code finally} both
 *       call {@code done()}; a {@code done()} in a goroutine that {@code wg.go} started, which
 *       calls {@code done()} itself; no add at all. Counts are compared over the unknowns they
 *       share (a loop's rounds, {@code n}, a list's size), branches counted against the finding.
 *       A constant count against a goroutine per element of a local collection ({@code wg.add(1)}
 *       before {@code for (Part p : parts) Go.go(...)}) outruns it as soon as the collection holds
 *       more elements than the constant, and is reported so; against an {@code int} bound ({@code
 *       wg.add(3)}, {@code n} rounds) it is not compared, since code the model does not read may
 *       keep {@code n} small.
 *       Reported at the launch whose goroutine takes the count below zero; no fix (the count or a
 *       goroutine may be what is wrong).
 *   <li>A private field group that nothing in the unit adds to, used only through {@code
 *       wg.go(...)}: its first explicit {@code done()} is one too many.
 * </ul>
 *
 * <p>Quiet whenever a count is unknown: an add whose count is not a constant, a fixed {@code int}
 * variable or the size of a list nothing changes while the group is counted (passing the list on
 * after every add and launch, outside their loops, as to a compensation step after {@code
 * await()}, changes nothing counted; passing it on earlier, or from a goroutine, may); an add
 * in a lambda or goroutine; a group passed to a method, stored, returned or reached by {@code
 * wg::add}; a group in a field that anything adds to; launches under a branch or in a loop that can end a round early, which may not run;
 * {@code done()} in a callback run an unknown number of times ({@code handler(wg::done)}), which
 * is the kubernetes#13058 kernel itself: its handler is called once per event, a number no
 * compile-time reading can know. A {@code CountDownLatch} is not judged: a {@code countDown()}
 * past zero does nothing, and latches with more signallers than their count ("the first of these
 * wins") are an idiom.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "WaitGroup.done called more times than add counted takes the counter below zero: done"
            + " throws and await returns before the goroutines end",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "WaitGroupDoneExceedsAdd.md",
    linkType = CUSTOM)
public final class WaitGroupDoneExceedsAdd extends BugChecker
    implements VariableTreeMatcher, MethodInvocationTreeMatcher {

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseGroup(tree, state));
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseDone(tree, state));
  }

  private Description analyseGroup(VariableTree declaration, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)
        || !GoconcApi.isSubtypeOf(ASTHelpers.getType(declaration), GoconcApi.WAIT_GROUP, state)) {
      return Description.NO_MATCH;
    }
    String name = declaration.getName().toString();
    Optional<MethodInvocationTree> unmatched =
        WaitGroupCounts.doneWithoutAdd(state.getPath(), state);
    if (unmatched.isPresent()) {
      return buildDescription(unmatched.get())
          .setMessage(
              String.format(
                  "nothing adds to %s: it counts only through %s.go(...), which calls done()"
                      + " itself, so this %s.done() takes the counter below zero and throws"
                      + " IllegalStateException; drop it",
                  name, name, name))
          .build();
    }
    Optional<WaitGroupCounts.Excess> excess = WaitGroupCounts.excess(state.getPath(), state);
    if (excess.isEmpty()) {
      return Description.NO_MATCH;
    }
    WaitGroupCounts.Excess found = excess.get();
    return buildDescription(found.site())
        .setMessage(
            String.format(
                "%s.done() runs more times than %s counts: at least %s on every path through"
                    + " line %d%s, while %s; the extra done() takes the counter below zero and"
                    + " throws IllegalStateException, and await() can return before every"
                    + " goroutine has ended; count each goroutine once",
                name,
                name,
                found.dones(),
                SourceLines.of(found.site(), state),
                found.onceLarge() ? " (more than it counts as soon as " + found.dones() + " > "
                    + found.added() + ")" : "",
                counted(name, found, state)))
        .build();
  }

  private static String counted(String name, WaitGroupCounts.Excess found, VisitorState state) {
    if (found.adds().isEmpty()) {
      return found.added().equals(SymbolicCount.ZERO)
          ? "nothing adds to " + name
          : name + ".go(...) counts " + found.added() + ", only the goroutines it starts";
    }
    return found.adds().stream()
            .map(add -> state.getSourceForNode(add) + " on line " + SourceLines.of(add, state))
            .collect(Collectors.joining(", "))
        + " count"
        + (found.adds().size() == 1 ? "s" : "")
        + " at most "
        + found.added();
  }

  private Description analyseDone(MethodInvocationTree done, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)
        || !GoconcApi.WAIT_GROUP_DONE.matches(done, state)
        || !(WaitGroupGoroutines.groupOf(done) instanceof VarSymbol group)) {
      return Description.NO_MATCH;
    }
    Optional<RepeatedDones.Repeated> repeated = RepeatedDones.at(state.getPath(), group, state);
    if (repeated.isEmpty()) {
      return Description.NO_MATCH;
    }
    String name = group.getSimpleName().toString();
    long next = SourceLines.of(repeated.get().next(), state);
    Description.Builder description =
        buildDescription(done)
            .setMessage(
                String.format(
                    "every path from this %s.done() calls %s.done() again on line %d, while"
                        + " another path through the goroutine calls it once: counted once, this"
                        + " path takes the counter below zero (done() throws"
                        + " IllegalStateException) and lets await() return early; drop this call"
                        + " and let the one on line %d count the goroutine",
                    name, name, next, next));
    dropCall(state.getPath(), state).ifPresent(description::addFix);
    return description.build();
  }

  /** Deletes the statement {@code done()} is, when it is a statement of a block. */
  private static Optional<SuggestedFix> dropCall(TreePath done, VisitorState state) {
    TreePath statement = done.getParentPath();
    Optional<FixLayout> layout = FixLayout.of(state);
    if (!(statement.getLeaf() instanceof ExpressionStatementTree)
        || !(statement.getParentPath().getLeaf() instanceof BlockTree)
        || layout.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    layout.get().delete(fix, statement.getLeaf(), state);
    return Optional.of(fix.build());
  }
}
