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
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.fixes.CounterFixes;
import dev.goconc.checker.fixes.FixLayout;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.model.WaitGroupGoroutines;
import dev.goconc.checker.util.SourceLines;
import java.util.List;
import java.util.Optional;

/**
 * {@code wg.done()} in a goroutine outside a {@code finally}: an exception before it skips it, and
 * {@code wg.await()} waits forever (Go writes {@code defer wg.Done()}). Judged per launch ({@link
 * GoroutineBodies}) on the goroutine's own code, for a group awaited outside it.
 *
 * <p>Quiet when every {@code done()} of the group is in a {@code finally} (at any place in it: the
 * statements before it there are cleanup, and precision comes first), when a {@code done()} sits
 * inside a {@code try} whose {@code finally} calls {@code done()} on the group too (an exception
 * runs that one; a goroutine that calls both on one path is WaitGroupDoneExceedsAdd's), when the
 * goroutine is started with {@code wg.go} (which calls {@code done} itself), when nothing before
 * {@code done()} can throw out of the goroutine (it comes first, or after statements that are
 * each a {@code try} catching {@code Throwable}), and when no {@code await} of the group can be
 * seen. A {@code done} in a helper method the goroutine calls is not judged.
 *
 * <p>Fix, for a lambda whose last statement is the group's only {@code done()}: where the launch is
 * {@code Go.go} right after {@code wg.add(1)}, start it with {@code wg.go} instead and drop both;
 * otherwise wrap the statements before {@code done()} in {@code try} and move {@code done()} into
 * its {@code finally}.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "WaitGroup.done outside finally: an exception in the goroutine skips it and await"
            + " waits forever",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "WaitGroupDoneNotInFinally.md",
    linkType = CUSTOM)
public final class WaitGroupDoneNotInFinally extends BugChecker
    implements MethodInvocationTreeMatcher {
  private static final WaitGroupGoroutines.Counter GROUP = WaitGroupGoroutines.Counter.WAIT_GROUP;

  @Override
  public Description matchMethodInvocation(MethodInvocationTree launch, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethodInvocation(launch, state));
  }

  private Description analyseMethodInvocation(MethodInvocationTree launch, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)
        || GoconcApi.WAIT_GROUP_GO.matches(launch, state)) {
      return Description.NO_MATCH;
    }
    Optional<Tree> body = GoroutineBodies.bodyOf(launch, state);
    TreePath bodyPath = body.isEmpty() ? null : WaitGroupAddInGoroutine.pathOf(body.get(), state);
    if (bodyPath == null) {
      return Description.NO_MATCH;
    }
    List<WaitGroupGoroutines.GroupCall> dones =
        WaitGroupGoroutines.callsIn(bodyPath, GROUP.countDown(), state);
    for (WaitGroupGoroutines.GroupCall done :
        WaitGroupGoroutines.skippable(dones, body.get(), state)) {
      Optional<MethodInvocationTree> await =
          WaitGroupGoroutines.awaitOutside(
              done.group(), body.get(), state.getPath(), GROUP, state);
      if (await.isEmpty()) {
        continue;
      }
      String name = done.group().getSimpleName().toString();
      Description.Builder description =
          buildDescription(done.call())
              .setMessage(
                  String.format(
                      "%s.done() is not in a finally: if the goroutine throws before it,"
                          + " %s.await() on line %d waits forever; call %s.done() in a finally"
                          + " block, or start the goroutine with %s.go(...)",
                      name, name, SourceLines.of(await.get(), state), name, name));
      fix(done, dones, body.get(), state).ifPresent(description::addFix);
      state.reportMatch(description.build());
    }
    return Description.NO_MATCH;
  }

  private static Optional<SuggestedFix> fix(
      WaitGroupGoroutines.GroupCall done,
      List<WaitGroupGoroutines.GroupCall> dones,
      Tree body,
      VisitorState state) {
    List<? extends StatementTree> statements = WaitGroupGoroutines.statementsOf(body);
    Optional<ExpressionStatementTree> statement =
        WaitGroupGoroutines.topLevelStatement(done.path(), body);
    if (statement.isEmpty()
        || !(body instanceof LambdaExpressionTree) // a fix for lambdas only
        || statements.get(statements.size() - 1) != statement.get()
        || dones.stream().anyMatch(d -> d != done && d.group() == done.group())) {
      return Optional.empty();
    }
    Optional<SuggestedFix> toGroupGo = launchWithGroupGo(done, statement.get(), state);
    if (toGroupGo.isPresent()) {
      return toGroupGo;
    }
    return CounterFixes.countDownInFinally(done, body, state);
  }

  /** {@code wg.add(1); Go.go(() -> { ...; wg.done(); });} becomes {@code wg.go(() -> { ... });}. */
  private static Optional<SuggestedFix> launchWithGroupGo(
      WaitGroupGoroutines.GroupCall done,
      ExpressionStatementTree doneStatement,
      VisitorState state) {
    MethodInvocationTree launch = (MethodInvocationTree) state.getPath().getLeaf();
    TreePath launchStatement = state.getPath().getParentPath();
    if (!GoconcApi.GO_GO.matches(launch, state)
        || !(launchStatement.getLeaf() instanceof ExpressionStatementTree)
        || !(launchStatement.getParentPath().getLeaf() instanceof BlockTree block)) {
      return Optional.empty();
    }
    List<? extends StatementTree> around = block.getStatements();
    int index = around.indexOf(launchStatement.getLeaf());
    if (index < 1
        || !(around.get(index - 1) instanceof ExpressionStatementTree previous)
        || !(previous.getExpression() instanceof MethodInvocationTree add)
        || !GoconcApi.WAIT_GROUP_ADD.matches(add, state)
        || !(WaitGroupGoroutines.groupOf(add) instanceof VarSymbol group)
        || group != done.group()
        || !(add.getArguments().get(0) instanceof LiteralTree literal)
        || !Integer.valueOf(1).equals(literal.getValue())) {
      return Optional.empty();
    }
    Optional<FixLayout> layout = FixLayout.of(state);
    if (layout.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    layout.get().delete(fix, previous, state);
    fix.replace(
        launch.getMethodSelect(), state.getSourceForNode(ASTHelpers.getReceiver(add)) + ".go");
    layout.get().delete(fix, doneStatement, state);
    return Optional.of(fix.build());
  }
}
