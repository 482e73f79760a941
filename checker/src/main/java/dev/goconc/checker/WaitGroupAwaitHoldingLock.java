package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.model.AwaitsHoldingLocks;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.HeldLocks;
import dev.goconc.checker.model.WaitGroupGoroutines;
import dev.goconc.checker.util.SourceLines;
import java.util.Optional;

/**
 * {@code wg.await()} while holding a lock that a goroutine counted on {@code wg} must take before
 * its {@code done()} (cockroach#1055, in GoKer's blocking bugs: {@code Stop()} holds the stopper's
 * mutex while it waits for its workers, and a worker needs the mutex in {@code StartTask()} before
 * it can finish). Whenever the waiter gets the lock first, the goroutine blocks on the lock, never
 * calls {@code done()}, and the await never returns: a deadlock that holds both for good.
 * Decided by {@link AwaitsHoldingLocks}, which {@link LatchAwaitHoldingLock} shares for the JDK's
 * latches and phasers.
 *
 * <p>The locks are those whose identity is certain ({@link HeldLocks}): {@code synchronized} on
 * {@code this}, a class object, or a final field or effectively final local; a {@code
 * synchronized} method; a {@code java.util.concurrent.locks.Lock} in such a variable, held from
 * its {@code lock()} on some path to the await that passes no {@code unlock()}. A field named
 * without a qualifier is the waiting object's, and the group ties it to the goroutines' object: a
 * local group's goroutines run in the same call (started by its own code, callbacks the JDK runs in
 * place included: {@code collectors.forEach((k, c) -> wg.go(...))}), a field group's on the object
 * that owns it (they are looked for in all the code of its class). The goroutine takes the lock in
 * its own code, or in a method of the class it calls on {@code this} (one call deep, the
 * declaration taken as what runs), on a path from its start that reaches no {@code done()} first (a
 * {@code done()} in {@code finally} comes after everything; {@code wg.go(...)} calls it after the
 * body).
 *
 * <p>Quiet on a lock released before the await; on a goroutine that takes another lock, or the
 * same one only after its {@code done()}; on {@code tryLock()}; on locks whose identity is
 * uncertain (a non-final field, another object's field, a call's result, a read or write lock of
 * a {@code ReadWriteLock}); on a lock of an inner object against its outer object's group (each
 * inner object has its own); on a group that is a parameter or another object's field; on a local
 * group's goroutines started only after the await; on a lock that the caller of the waiting
 * method holds (one method up is not read). A hand-shake that guarantees the goroutine has
 * passed its lock before the waiter takes it is not seen, and would be reported: none of the
 * kernels or guides does so. No fix: moving the await out of the lock can let other threads in
 * while the goroutines finish, a change of meaning only its author can judge.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "WaitGroup.await while holding a lock that a goroutine it waits for needs before done:"
            + " a deadlock once the waiter takes the lock first",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "WaitGroupAwaitHoldingLock.md",
    linkType = CUSTOM)
public final class WaitGroupAwaitHoldingLock extends BugChecker
    implements MethodInvocationTreeMatcher {
  private static final WaitGroupGoroutines.Counter GROUP = WaitGroupGoroutines.Counter.WAIT_GROUP;

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyse(tree, state));
  }

  private Description analyse(MethodInvocationTree await, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)
        || !GROUP.await().matches(await, state)
        || !(WaitGroupGoroutines.groupOf(await) instanceof VarSymbol group)) {
      return Description.NO_MATCH;
    }
    Optional<AwaitsHoldingLocks.Deadlock> deadlock =
        AwaitsHoldingLocks.at(state.getPath(), group, GROUP, state);
    return deadlock.isEmpty()
        ? Description.NO_MATCH
        : buildDescription(await)
            .setMessage(
                message(
                    group.getSimpleName() + ".await()",
                    "goroutine",
                    group.getSimpleName() + ".done()",
                    deadlock.get(),
                    state))
            .build();
  }

  /**
   * The message of both twins: {@code wait} and {@code countDown} as the code writes them, {@code
   * goroutine} what the family calls the code it starts.
   */
  static String message(
      String wait,
      String goroutine,
      String countDown,
      AwaitsHoldingLocks.Deadlock deadlock,
      VisitorState state) {
    String lock = deadlock.held().lock().name();
    Tree holder = deadlock.held().at();
    String held = switch (holder) {
      case MethodTree method -> "this synchronized method";
      case SynchronizedTree block -> "synchronized on line " + SourceLines.of(block, state);
      default -> "locked on line " + SourceLines.of(holder, state);
    };
    Tree taken = deadlock.taken();
    String takes = taken instanceof MethodTree
        ? "is a synchronized method on " + lock
        : "takes " + lock + " on line " + SourceLines.of(taken, state);
    return String.format(
        "%s waits while holding %s (%s), but the %s started on line %d %s before its %s:"
            + " once this code holds %s first, the %s cannot take it, never counts down, and the"
            + " wait never returns; release %s before waiting",
        wait,
        lock,
        held,
        goroutine,
        SourceLines.of(deadlock.launch(), state),
        takes,
        countDown,
        lock,
        goroutine,
        lock);
  }
}
