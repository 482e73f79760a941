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
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.DroppedOwners;
import dev.goconc.checker.model.ReleaseObligations;
import dev.goconc.checker.model.UnreleasedFields;
import dev.goconc.checker.util.LocalSuppressions;
import dev.goconc.checker.util.SourceLines;
import java.util.Set;

/**
 * A context from {@code withCancel}/{@code withTimeout}/{@code withDeadline} that some path leaves
 * uncancelled: its timer and children live until the parent ends. The Java counterpart of go vet's
 * lostcancel, answered on the control-flow graph by {@link ReleaseObligations} (flags a discarded
 * context, one passed straight into a call, and a local that a {@code return} or the end of the
 * body reaches without {@code cancel()}/{@code close()} or a hand-over), and, past lostcancel, a
 * private {@code CancelFunc} field that no code of its top-level class calls ({@link
 * UnreleasedFields}).
 *
 * <p>Past lostcancel too, an object that alone can cancel ({@link DroppedOwners}): a method makes
 * an object of a final class of the unit that extends and implements nothing, stores a context it
 * created and its cancel only in the object's fields, and the methods of the class that cancel
 * that field (its end methods, {@code close()}) are the only code that can. The code run on the
 * object — its constructor, the methods the method calls on it or starts as goroutines ({@code
 * Go.go(conn::run)}) — is read with everything it calls in the unit: it must not call an end
 * method, a method that may be overridden, or code outside the JDK and goconc, so no other code
 * can end the object. A {@code return} or the end of the method that a path reaches without
 * calling an end method on the object or handing it on (returning, storing, passing it) is
 * reported there: the context, and every goroutine waiting on it, live on (GoKer's grpc#862, a
 * failed dial that drops its connection). A local only ever assigned {@code null} is null, so
 * {@code if (conn == null) cc.close();} ends it on every path.
 *
 * <p>Where goconc differs from lostcancel, deliberately: the context itself carries the power to
 * cancel, so only what can cancel it counts as a use (cancel, close, try-with-resources, a
 * hand-over where a {@code CancelContext}, {@code CancelFunc}, {@code AutoCloseable} or type
 * variable is expected, return, store, a lambda that does one of these); using it as a plain {@code
 * Context} does not, where lostcancel counts any use of its cancel variable. A type variable the
 * call site fixes as a plain {@code Context} is one: {@code backend.apply(ctx, key)} on a {@code
 * BiFunction<Context, String, R>} hands over only what cannot cancel. A local alias ({@code
 * var other = ctx;}) counts as a hand-over: quiet rather than a guess. An explicit {@code throw}
 * needs no cancel (lostcancel's panic), nor does an exception leaving the method; a {@code
 * return} from the {@code catch} that takes a call's exception does ({@code catch (IOException
 * e) { return false; }}), and so does a second assignment to the local before the first context
 * is cancelled (lostcancel's reassigned cancel variable). A context chosen by a conditional or a
 * switch expression whose every arm makes one is judged as one. Code in {@code main(String[])} is exempt; lostcancel has no
 * such exemption. A {@code cancel()} inside any lambda counts as that lambda cancelling it, so a
 * {@code Select} whose one handler cancels is quiet where lostcancel flags the Go {@code select}
 * whose other cases fall through. A null check of the local counts as a use (Java's {@code if (ctx
 * != null) ctx.cancel()} in {@code finally}). Lambdas in field initializers and initializer blocks
 * are not judged.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A cancellable context that is not cancelled on every path keeps its timer and"
            + " children alive until its parent ends",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "LostCancel.md",
    linkType = CUSTOM)
public final class LostCancel extends BugChecker implements MethodTreeMatcher, ClassTreeMatcher {

  private static final ReleaseObligations.Obligation CONTEXTS =
      new ReleaseObligations.Obligation() {
        @Override
        public boolean isCreation(ExpressionTree tree, VisitorState state) {
          return GoconcApi.CONTEXT_WITH_CANCEL.matches(tree, state);
        }

        @Override
        public boolean isRelease(MethodInvocationTree call, VisitorState state) {
          return GoconcApi.CONTEXT_CANCEL.matches(call, state)
              || GoconcApi.CANCEL_FUNC_CANCEL.matches(call, state);
        }

        @Override
        public Set<String> releaseNames() {
          return Set.of("cancel", "close");
        }

        @Override
        public boolean yieldsAlias(MethodInvocationTree call, VisitorState state) {
          return GoconcApi.CONTEXT_CANCEL_FUNC.matches(call, state);
        }

        @Override
        public String noun(ExpressionTree creation) {
          return "context";
        }

        @Override
        public String verb() {
          return "cancelling";
        }

        @Override
        public String consequence(ExpressionTree creation) {
          return "its timer and child contexts stay alive until the parent context ends";
        }

        @Override
        public String releaseMethod() {
          return "cancel";
        }
      };

  private static final UnreleasedFields.FieldObligation CANCEL_FUNC_FIELDS =
      new UnreleasedFields.FieldObligation() {
        @Override
        public boolean tracks(VarSymbol field, VisitorState state) {
          return GoconcApi.isSubtypeOf(field.type, GoconcApi.CANCEL_FUNC, state);
        }

        @Override
        public boolean isRelease(MethodInvocationTree call, VisitorState state) {
          return GoconcApi.CANCEL_FUNC_CANCEL.matches(call, state);
        }

        @Override
        public boolean releasesByReference(String name) {
          return true; // cancel::cancel, or the field handed on as a method reference
        }
      };

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethod(tree, state));
  }

  private Description analyseMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() != null && GoconcApi.mentionsRuntime(state)) {
      for (DroppedOwners.Drop drop : DroppedOwners.in(state.getPath(), state)) {
        if (!LocalSuppressions.suppressed(this, drop.declaration().getInitializer(), state)) {
          state.reportMatch(describe(drop, state)); // @SuppressWarnings on the object's local
        }
      }
    }
    return ReleaseObligations.report(this, CONTEXTS, tree, state);
  }

  private Description describe(DroppedOwners.Drop drop, VisitorState state) {
    boolean returns = drop.exit().kind() == ExitPaths.Kind.RETURN;
    Tree at = returns ? drop.exit().statement() : drop.declaration();
    String exit = returns
        ? "the return on line " + SourceLines.of(at, state)
        : "the end of the method";
    return buildDescription(at).setMessage(String.format(
        "%s may drop '%s' without calling %s(): it holds the only cancel of the context from line"
            + " %d, in its field '%s', and no other code can end it, so the context and every"
            + " goroutine waiting on it live on; call %s.%s() on this path, or hand '%s' on",
        exit, drop.owner().getSimpleName(), drop.end().getSimpleName(),
        SourceLines.of(drop.creation(), state), drop.field().getSimpleName(),
        drop.owner().getSimpleName(), drop.end().getSimpleName(), drop.owner().getSimpleName()))
        .build();
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseClass(tree, state));
  }

  private Description analyseClass(ClassTree tree, VisitorState state) {
    ReleaseObligations.reportInitializers(this, CONTEXTS, tree, state);
    if (!(state.getPath().getParentPath().getLeaf() instanceof CompilationUnitTree)
        || !GoconcApi.mentionsRuntime(state)) {
      return Description.NO_MATCH; // fields are judged once, from the top-level class
    }
    for (var field : UnreleasedFields.in(tree, CANCEL_FUNC_FIELDS, state)) {
      state.reportMatch(
          buildDescription(field)
              .setMessage(
                  String.format(
                      "private CancelFunc field '%s' is never called by any code of %s, so the"
                          + " context it cancels stays alive until its parent ends; call"
                          + " %s.cancel() when the owner stops",
                      field.getName(), tree.getSimpleName(), field.getName()))
              .build());
    }
    return Description.NO_MATCH;
  }
}
