package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.ReleaseObligations;
import java.util.Set;

/**
 * A {@code Ticker} or {@code Timer} from {@code Time.newTicker}/{@code Time.newTimer} that some
 * path leaves unstopped: a ticker keeps firing for ever, a timer stays scheduled until it fires. go
 * vet's lostcancel idea applied to tickers, on the same control-flow analysis ({@link
 * ReleaseObligations}) and the same hand-overs (returned, stored, passed where a {@code Ticker},
 * {@code Timer} or {@code AutoCloseable} is expected, a lambda that stops it).
 *
 * <p>Decisions: a timer whose channel has been received from ({@code t.c().receive()}) has fired
 * and needs no {@code stop()} on that path. A timer used once for its channel, {@code
 * Time.newTimer(d).c()}, is {@code Time.after(d)} and stays quiet; the same of a ticker ticks for
 * ever and is flagged. A loop that never leaves has no exit to judge, in the method or in a
 * goroutine that reads the ticker from such a loop: the goroutine owns the ticker for its whole
 * life (a goroutine ticking for ever is GoroutineLeak's concern). {@code main(String[])} is exempt. Fix: try-with-resources ({@code
 * close()} stops), or {@code stop()} in {@code finally} for an assigned local.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A Ticker or Timer that is not stopped on every path keeps firing (or stays"
            + " scheduled) after its user is gone",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "TickerNotStopped.md",
    linkType = CUSTOM)
public final class TickerNotStopped extends BugChecker
    implements MethodTreeMatcher, ClassTreeMatcher {

  private static final ReleaseObligations.Obligation TICKERS =
      new ReleaseObligations.Obligation() {
        @Override
        public boolean isCreation(ExpressionTree tree, VisitorState state) {
          return GoconcApi.TIME_NEW_TIMER_OR_TICKER.matches(tree, state);
        }

        @Override
        public boolean isRelease(MethodInvocationTree call, VisitorState state) {
          return GoconcApi.TIMER_OR_TICKER_STOP.matches(call, state);
        }

        @Override
        public Set<String> releaseNames() {
          return Set.of("stop", "close");
        }

        @Override
        public boolean inlineUseIsSafe(MethodInvocationTree call, VisitorState state) {
          return isTimerChannel(call, state);
        }

        @Override
        public boolean settles(TreePath callPath, VisitorState state) {
          MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
          return isTimerChannel(call, state)
              && callPath.getParentPath().getLeaf() instanceof MemberSelectTree select
              && callPath.getParentPath().getParentPath().getLeaf()
                  instanceof MethodInvocationTree receive
              && receive.getMethodSelect() == select
              && GoconcApi.CHAN_RECEIVE.matches(receive, state);
        }

        @Override
        public String noun(ExpressionTree creation) {
          return isTicker(creation) ? "ticker" : "timer";
        }

        @Override
        public String verb() {
          return "stopping";
        }

        @Override
        public String consequence(ExpressionTree creation) {
          return isTicker(creation)
              ? "it keeps ticking for ever, and its channel and what it references stay alive"
              : "it stays scheduled until it fires, and what it references stays alive";
        }

        @Override
        public String releaseMethod() {
          return "stop";
        }
      };

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethod(tree, state));
  }

  /** Initializer blocks are judged like methods. */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(
        state, () -> ReleaseObligations.reportInitializers(this, TICKERS, tree, state));
  }

  private Description analyseMethod(MethodTree tree, VisitorState state) {
    return ReleaseObligations.report(this, TICKERS, tree, state);
  }

  private static boolean isTicker(ExpressionTree creation) {
    var symbol = ASTHelpers.getSymbol(creation);
    return symbol != null && symbol.getSimpleName().contentEquals("newTicker");
  }

  /** {@code timer.c()}: the channel of a {@code Timer}. */
  private static boolean isTimerChannel(MethodInvocationTree call, VisitorState state) {
    return ASTHelpers.getReceiver(call) != null && GoconcApi.TIMER_CHANNEL.matches(call, state);
  }
}
