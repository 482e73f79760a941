package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What "observes cancellation" means, decided once for every rule: code observes it when it asks
 * a context whether it is done — {@code ctx.done()} (a select case, a receive) or {@code
 * ctx.err()}, on the context in scope or on any context derived from it (an ErrGroup's {@code
 * context()}, a {@code withTimeout} child) — or asks the thread whether it was interrupted; or
 * when it calls a method of this compilation unit that does so (followed a few calls deep, never
 * through recursion). Handing a context to a call is not observing it: the callee may ignore it,
 * and a loop whose own blocking select never looks at {@code ctx.done()} waits on regardless.
 */
public final class Cancellation {
  private Cancellation() {}

  /** A call that observes cancellation by itself. */
  public static final Matcher<ExpressionTree> OBSERVES =
      Matchers.anyOf(GoconcApi.CONTEXT_DONE, GoconcApi.CONTEXT_ERR, JdkApi.THREAD_INTERRUPTED);

  /** How many calls into the unit's methods a question follows. */
  private static final int DEPTH = 3;

  /** Whether {@code call} observes cancellation, by itself or through a method of the unit. */
  public static boolean observedBy(MethodInvocationTree call, VisitorState state) {
    return OBSERVES.matches(call, state) || observingMethod(call, state, DEPTH, new HashSet<>());
  }

  /** Whether any code in {@code tree}, lambdas and classes in it included, observes cancellation. */
  public static boolean observedIn(Tree tree, VisitorState state) {
    return scan(tree, state, DEPTH, new HashSet<>());
  }

  /**
   * Whether a goroutine body ends once its context is cancelled: it observes cancellation, or it
   * hands a context to the work it runs (whose callee, by the convention every context API keeps,
   * returns when it is done). Only for deciding whether the goroutines on the other side of a
   * channel will finish; a loop's own waiting is judged by {@link #observedIn} alone.
   */
  public static boolean endsWithContext(Tree body, VisitorState state) {
    return observedIn(body, state) || handsContextOn(body, state);
  }

  private static boolean handsContextOn(Tree tree, VisitorState state) {
    Boolean found = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }

      @Override
      public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
        for (ExpressionTree argument : call.getArguments()) {
          if (GoconcApi.isSubtypeOf(ASTHelpers.getType(argument), GoconcApi.CONTEXT, state)) {
            return true;
          }
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  private static boolean scan(Tree tree, VisitorState state, int depth, Set<MethodTree> seen) {
    Boolean found = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean scan(Tree node, Void unused) {
        return Boolean.TRUE.equals(super.scan(node, unused));
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }

      @Override
      public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
        return OBSERVES.matches(call, state)
            || observingMethod(call, state, depth, seen)
            || super.visitMethodInvocation(call, unused);
      }
    }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  private static boolean observingMethod(
      MethodInvocationTree call, VisitorState state, int depth, Set<MethodTree> seen) {
    if (depth == 0) {
      return false;
    }
    Optional<MethodTree> callee =
        GoroutineBodies.declarationInUnit(ASTHelpers.getSymbol(call), state);
    return callee.isPresent()
        && callee.get().getBody() != null
        && seen.add(callee.get())
        && scan(callee.get().getBody(), state, depth - 1, seen);
  }
}
