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
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.model.SelectCases;
import dev.goconc.checker.util.SourceLines;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Thread.sleep} or {@code TimeUnit.sleep} used to wait for goroutines the method started:
 * a guessed delay instead of a WaitGroup, a channel receive or a join ({@code Time.sleep} too,
 * should the runtime grow one).
 *
 * <p>Judged: a sleep in a method's own code (not in a lambda, so never inside a goroutine body)
 * that follows a goroutine launch ({@link GoroutineBodies#isLaunch}; also one in a callback the
 * JDK runs in place, {@code items.forEach(x -> Go.go(...))}) with no synchronisation
 * between them, and is followed by no synchronisation in the method (a WaitGroup or ErrGroup
 * await, a channel receive, ranging over a channel, a select without {@code otherwise},
 * {@code join}, {@code Future.get}, a latch, barrier, phaser, semaphore or queue wait, an
 * executor's {@code awaitTermination}/{@code close}). Quiet: a sleep inside a loop (retry,
 * backoff, polling and ticker-like loops pace work, they do not wait for it), and a sleep
 * followed by a stop signal ({@code cancel()}, a channel's {@code close()}, a ticker's
 * {@code stop()}, also through a task local run in place, {@code Runnable quit = done::close;
 * quit.run();}): that sleep lets the work run for a while, it does not wait for it to end. A
 * sleep in an initialiser block, or in the runtime's own package, is not judged.
 *
 * <p>Fix, only where mechanical: when the goroutines since the last synchronisation were all
 * started with {@code wg.go(...)} on one WaitGroup, or one WaitGroup was {@code add}ed to before
 * them, the sleep statement becomes {@code wg.await();} — unless it sits in a {@code try} with
 * catch clauses, which could be left catching an exception nothing throws.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A sleep waits a guessed time for goroutines; synchronise with them instead",
    severity = WARNING,
    link = GoconcApi.RULES_BASE_URL + "SleepInsteadOfSynchronization.md",
    linkType = CUSTOM)
public final class SleepInsteadOfSynchronization extends BugChecker
    implements MethodInvocationTreeMatcher {

  private static final Matcher<ExpressionTree> SYNCHRONISES =
      Matchers.anyOf(
          GoconcApi.WAIT_GROUP_AWAIT,
          GoconcApi.ERR_GROUP_AWAIT,
          GoconcApi.CHAN_RECEIVE,
          JdkApi.JDK_WAITS);

  private static final Matcher<ExpressionTree> STOP_SIGNAL =
      Matchers.anyOf(
          GoconcApi.CONTEXT_CANCEL,
          GoconcApi.CANCEL_FUNC_CANCEL,
          GoconcApi.CHAN_CLOSE,
          GoconcApi.TIMER_OR_TICKER_STOP);

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethodInvocation(tree, state));
  }

  private Description analyseMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!JdkApi.SLEEP.matches(tree, state)
        || !GoconcApi.mentionsRuntime(state)
        || IgnoredCancellation.inRuntimePackage(state)) {
      return Description.NO_MATCH;
    }
    TreePath methodPath = ownMethod(state.getPath());
    if (methodPath == null) {
      return Description.NO_MATCH;
    }
    int sleepAt = ASTHelpers.getStartPosition(tree);
    MethodInvocationTree[] lastLaunch = new MethodInvocationTree[1];
    int[] lastSyncBefore = {-1};
    boolean[] settledAfter = {false};
    // The goroutines since the last synchronisation, and the WaitGroups that may count them.
    Set<Symbol> groups = new HashSet<>();
    int[] firstAdd = {Integer.MAX_VALUE};
    int[] firstOtherLaunch = {Integer.MAX_VALUE};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        int at = ASTHelpers.getStartPosition(call);
        if (at < sleepAt && GoroutineBodies.isLaunch(call, state)) {
          lastLaunch[0] = call;
          if (GoconcApi.WAIT_GROUP_GO.matches(call, state)) {
            groups.add(symbolOf(Calls.receiverOf(call)));
          } else {
            firstOtherLaunch[0] = Math.min(firstOtherLaunch[0], at);
          }
        } else if (at < sleepAt && GoconcApi.WAIT_GROUP_ADD.matches(call, state)) {
          groups.add(symbolOf(Calls.receiverOf(call)));
          firstAdd[0] = Math.min(firstAdd[0], at);
        }
        if (synchronises(call, state)) {
          if (at < sleepAt) {
            lastSyncBefore[0] = at;
            groups.clear();
            firstAdd[0] = Integer.MAX_VALUE;
            firstOtherLaunch[0] = Integer.MAX_VALUE;
          } else {
            settledAfter[0] = true;
          }
        } else if (at > sleepAt && stopsTheWork(call, state)) {
          settledAfter[0] = true;
        }
        super.visitMethodInvocation(call, null);
        if (JdkApi.RUNS_CALLBACK_IN_PLACE.matches(call, state)) {
          // items.forEach(x -> Go.go(...)): the callback runs here, as the method's own code.
          for (ExpressionTree argument : call.getArguments()) {
            if (argument instanceof LambdaExpressionTree callback) {
              scan(callback.getBody(), null);
            }
          }
        }
        return null;
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
        if (ASTHelpers.getStartPosition(loop) > sleepAt
            && GoconcApi.isSubtypeOf(
                ASTHelpers.getType(loop.getExpression()), GoconcApi.RECV_CHAN, state)) {
          settledAfter[0] = true;
        }
        return super.visitEnhancedForLoop(loop, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null; // a goroutine's or callback's code is not the method's own
      }

      @Override
      public Void visitClass(ClassTree cls, Void unused) {
        return null;
      }
    }.scan(((MethodTree) methodPath.getLeaf()).getBody(), null);
    MethodInvocationTree launch = lastLaunch[0];
    if (launch == null
        || lastSyncBefore[0] > ASTHelpers.getStartPosition(launch)
        || settledAfter[0]) {
      return Description.NO_MATCH;
    }
    long line = SourceLines.of(launch, state);
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                String.format(
                    "%s guesses how long the goroutine started on line %d needs: when it runs"
                        + " longer the method goes on before it has finished; wait for it with a"
                        + " WaitGroup, a channel receive or a join instead",
                    state.getSourceForNode(tree.getMethodSelect()) + "(...)",
                    line));
    boolean counted =
        firstOtherLaunch[0] == Integer.MAX_VALUE || firstAdd[0] < firstOtherLaunch[0];
    if (groups.size() == 1 && !groups.contains(null) && counted) {
      awaitFix(groups.iterator().next(), state).ifPresent(description::addFix);
    }
    return description.build();
  }

  /**
   * A stop signal, made directly or by running in place a task local that holds one ({@code
   * Runnable quit = done::close; quit.run();}).
   */
  private static boolean stopsTheWork(MethodInvocationTree call, VisitorState state) {
    return STOP_SIGNAL.matches(call, state)
        || GoroutineBodies.taskRunInPlaceBy(call, state)
            .filter(task -> task instanceof MemberReferenceTree && STOP_SIGNAL.matches(task, state))
            .isPresent();
  }

  private static Symbol symbolOf(ExpressionTree receiver) {
    return receiver == null ? null : ASTHelpers.getSymbol(receiver);
  }

  private static boolean synchronises(MethodInvocationTree call, VisitorState state) {
    return SYNCHRONISES.matches(call, state)
        || (GoconcApi.SELECT_RUN.matches(call, state)
            && !SelectCases.hasOtherwise(call, state));
  }

  /** The method whose own code holds the sleep; null inside a lambda or a loop. */
  private static TreePath ownMethod(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        return method.getBody() == null ? null : p;
      }
      if (leaf instanceof LambdaExpressionTree
          || leaf instanceof ClassTree
          || leaf instanceof WhileLoopTree
          || leaf instanceof DoWhileLoopTree
          || leaf instanceof ForLoopTree
          || leaf instanceof EnhancedForLoopTree) {
        return null;
      }
    }
    return null;
  }

  /** Replaces the sleep statement with {@code group.await();} where that cannot break a catch. */
  private static Optional<SuggestedFix> awaitFix(Symbol group, VisitorState state) {
    TreePath statement = state.getPath().getParentPath();
    if (!(statement.getLeaf() instanceof ExpressionStatementTree)) {
      return Optional.empty();
    }
    for (TreePath p = statement; !(p.getLeaf() instanceof MethodTree); p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree tryTree && !tryTree.getCatches().isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        SuggestedFix.replace(statement.getLeaf(), group.getSimpleName() + ".await();"));
  }
}
