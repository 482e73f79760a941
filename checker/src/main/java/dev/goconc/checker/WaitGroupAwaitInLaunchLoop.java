package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.fixes.FixLayout;
import dev.goconc.checker.model.AwaitsInLaunchLoops;
import dev.goconc.checker.model.CodeRoots;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.StalledAwaits;
import dev.goconc.checker.model.WaitGroupGoroutines;
import dev.goconc.checker.util.SourceLines;
import java.util.Optional;

/**
 * {@code wg.await()} inside the loop that starts the goroutines it waits for, after {@code
 * wg.add(n)} counted all of them before the loop (moby#25384, in GoKer's blocking bugs): the
 * first round's await waits for goroutines that later rounds have not started yet, so it never
 * returns. Decided by {@link AwaitsInLaunchLoops}: the await is in the method's own code (not a
 * goroutine or lambda), the innermost loop around it launches a goroutine counted on the same
 * group ({@code wg.go(...)}, or a goroutine whose own code calls {@code wg.done()}) and adds
 * nothing to the group itself, and before the loop the method added a count that is not the
 * constant 1.
 *
 * <p>The loop unrolled is the same bug and is flagged too: after {@code wg.add(n)} with a
 * constant {@code n}, fewer than {@code n} counted goroutines started before the await (none in a
 * loop), and a counted goroutine started by a statement that follows it, with no {@code add} in
 * between. The await's code may be a method, a lambda or an initializer block.
 *
 * <p>The serial idiom waits for a goroutine that cannot be done when the goroutine can first send
 * on a channel the method receives from only after the loop ({@link StalledAwaits}): unbuffered,
 * the first round's await never returns; with a constant buffer of n slots and no receive in the
 * loop, the await of round n + 1. Flagged too, without a fix (moving the await does not help:
 * the receive must come first, or a receiver must run beside the loop).
 *
 * <p>Quiet on the serial idiom that adds inside the loop ({@code wg.add(1); go(...); wg.await();}
 * each round) when the goroutine can be done without the method, on an await after the loop, on
 * a loop that starts no goroutine counted on the group (a retry loop around an await), on groups
 * reached in ways {@link WaitGroupGoroutines} does not follow, and on an {@code add(1)} before the loop (one goroutine counted: its loop is
 * another bug, a negative counter in the second round, which this rule does not claim). The fix,
 * offered where the await is a statement of the loop's block and the loop a statement of a block,
 * moves the await after the loop.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "WaitGroup.await inside the loop that starts the goroutines it counts waits for goroutines"
            + " not started yet",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "WaitGroupAwaitInLaunchLoop.md",
    linkType = CUSTOM)
public final class WaitGroupAwaitInLaunchLoop extends BugChecker
    implements MethodInvocationTreeMatcher {

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyse(tree, state));
  }

  private Description analyse(MethodInvocationTree await, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)
        || !GoconcApi.WAIT_GROUP_AWAIT.matches(await, state)
        || !(WaitGroupGoroutines.groupOf(await) instanceof VarSymbol group)) {
      return Description.NO_MATCH;
    }
    Optional<AwaitsInLaunchLoops.AwaitInLaunchLoop> found =
        AwaitsInLaunchLoops.at(state.getPath(), group, state);
    if (found.isEmpty()) {
      return stalledInLaunchLoop(await, state);
    }
    MethodInvocationTree add = found.get().countedBefore();
    String name = group.getSimpleName().toString();
    if (found.get().loop() == null) {
      MethodInvocationTree later = found.get().laterLaunch();
      return buildDescription(await)
          .setMessage(
              String.format(
                  "%s.await() waits for the goroutine started after it on line %d, which %s on"
                      + " line %d counted: the count cannot reach zero and the await never"
                      + " returns; await after the last goroutine is started",
                  name,
                  SourceLines.of(later, state),
                  state.getSourceForNode(add),
                  SourceLines.of(add, state)))
          .build();
    }
    Description.Builder description =
        buildDescription(await)
            .setMessage(
                String.format(
                    "%s.await() inside the loop that starts the goroutines %s counts: %s on line"
                        + " %d counted every round's goroutine before the loop, so the first"
                        + " await waits for goroutines not started yet and never returns; await"
                        + " after the loop",
                    name,
                    name,
                    state.getSourceForNode(add),
                    SourceLines.of(add, state)));
    moveAfterLoop(state.getPath(), found.get().loop(), state).ifPresent(description::addFix);
    return description.build();
  }

  /**
   * The round's own goroutine may not be done: it can first send on a channel the method receives
   * from only after the loop ({@link StalledAwaits}), so the first round's await (for a buffer of
   * n slots, the await of round n + 1) never returns.
   */
  private Description stalledInLaunchLoop(MethodInvocationTree await, VisitorState state) {
    TreePath root = CodeRoots.rootOf(state.getPath());
    if (root == null) {
      return Description.NO_MATCH;
    }
    return StalledAwaits.inRoot(root, state).stream()
        .filter(stall -> stall.await() == await && stall.launchLoop() != null)
        .findFirst()
        .map(stall -> {
          String channel = stall.channel().getSimpleName().toString();
          return buildDescription(await)
              .setMessage(
                  String.format(
                      "%s.await() inside the loop that starts the goroutines %s counts never"
                          + " returns: the goroutine started on line %d can send on '%s' before"
                          + " it is done, and the method receives from '%s' only after the loop;"
                          + " receive in the loop before awaiting, or start a receiver first"
                          + " and await once after the loop",
                      stall.group().getSimpleName(), stall.group().getSimpleName(),
                      SourceLines.of(stall.launch(), state), channel, channel))
              .build();
        })
        .orElse(Description.NO_MATCH);
  }

  /** Moves the await statement after the loop, when both are statements of blocks. */
  private static Optional<SuggestedFix> moveAfterLoop(
      TreePath awaitPath, TreePath loopPath, VisitorState state) {
    Tree statement = awaitPath.getParentPath().getLeaf();
    Optional<FixLayout> layout = FixLayout.of(state);
    if (!(statement instanceof ExpressionStatementTree)
        || !(awaitPath.getParentPath().getParentPath().getLeaf() instanceof BlockTree body)
        || body != bodyOf(loopPath.getLeaf())
        || !(loopPath.getParentPath().getLeaf() instanceof BlockTree)
        || layout.isEmpty()) {
      return Optional.empty();
    }
    FixLayout text = layout.get();
    SuggestedFix.Builder fix = SuggestedFix.builder();
    text.delete(fix, statement, state);
    int loopStart = ASTHelpers.getStartPosition(loopPath.getLeaf());
    fix.postfixWith(
        loopPath.getLeaf(),
        text.lineBreak() + text.indentAt(loopStart) + state.getSourceForNode(statement));
    return Optional.of(fix.build());
  }

  private static StatementTree bodyOf(Tree loop) {
    return switch (loop) {
      case WhileLoopTree l -> l.getStatement();
      case DoWhileLoopTree l -> l.getStatement();
      case ForLoopTree l -> l.getStatement();
      case EnhancedForLoopTree l -> l.getStatement();
      default -> null;
    };
  }
}
