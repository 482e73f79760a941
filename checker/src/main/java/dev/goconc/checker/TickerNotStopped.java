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
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.Lifecycles;
import dev.goconc.checker.model.ReleaseObligations;
import dev.goconc.checker.model.UnreleasedFields;
import java.util.Set;

/**
 * A {@code Ticker} or {@code Timer} from {@code Time.newTicker}/{@code Time.newTimer} that some
 * path leaves unstopped: a ticker keeps firing for ever, a timer stays scheduled until it fires. go
 * vet's lostcancel idea applied to tickers, on the same control-flow analysis ({@link
 * ReleaseObligations}) and the same hand-overs (returned, stored, passed where a {@code Ticker},
 * {@code Timer} or {@code AutoCloseable} is expected, a lambda that stops it).
 *
 * <p>A private instance field that holds a ticker its class makes is judged in a class whose
 * instances have an end ({@link Lifecycles}: {@code AutoCloseable}, or a {@code close()}, {@code
 * stop()}, ...): when no code of the class stops it (nor hands it over), it ticks on after that
 * end. A class with no end keeps its ticker for the process's life, by design; a ticker passed in
 * is its maker's; timers fire once and are not judged as fields.
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

  /**
   * The private instance fields that hold a ticker the class makes: judged in classes whose
   * instances have an end ({@link Lifecycles}), where no code of the class stops the ticker.
   */
  private static final UnreleasedFields.FieldObligation TICKER_FIELDS =
      new UnreleasedFields.FieldObligation() {
        @Override
        public boolean tracks(VarSymbol field, VisitorState state) {
          return (field.flags() & Flags.STATIC) == 0
              && GoconcApi.isSubtypeOf(field.type, GoconcApi.TICKER, state);
        }

        @Override
        public boolean ownedOnlyWhenCreated() {
          return true;
        }

        @Override
        public boolean isCreation(ExpressionTree value, VisitorState state) {
          return GoconcApi.TIME_NEW_TIMER_OR_TICKER.matches(value, state) && isTicker(value);
        }

        @Override
        public boolean isRelease(MethodInvocationTree call, VisitorState state) {
          return GoconcApi.TIMER_OR_TICKER_STOP.matches(call, state);
        }

        @Override
        public boolean releasesByReference(String name) {
          return name.equals("stop") || name.equals("close");
        }
      };

  /** Initializer blocks are judged like methods; ticker fields from the top-level class. */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseClass(tree, state));
  }

  private Description analyseClass(ClassTree tree, VisitorState state) {
    ReleaseObligations.reportInitializers(this, TICKERS, tree, state);
    if (!(state.getPath().getParentPath().getLeaf() instanceof CompilationUnitTree)
        || !GoconcApi.mentionsRuntime(state)) {
      return Description.NO_MATCH;
    }
    for (VariableTree field : UnreleasedFields.in(tree, TICKER_FIELDS, state)) {
      VarSymbol symbol = ASTHelpers.getSymbol(field);
      if (symbol == null || !(symbol.owner instanceof ClassSymbol owner)
          || !Lifecycles.hasEnd(owner, state)) {
        continue; // an object with no end keeps its ticker for the process's life, by design
      }
      state.reportMatch(
          buildDescription(field)
              .setMessage(
                  String.format(
                      "private field '%s' holds a ticker that %s makes and no code of %s stops,"
                          + " so it keeps ticking after the instance's end; stop it where the"
                          + " owner closes",
                      field.getName(), owner.getSimpleName(), owner.getSimpleName()))
              .build());
    }
    return Description.NO_MATCH;
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
