package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.flow.ExitPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * An untimed wait on a counting primitive ({@link WaitGroupGoroutines.Counter}: a {@code
 * WaitGroup}, a latch) made while holding a lock that a goroutine it waits for must take before it
 * counts down (cockroach#1055, in GoKer's blocking bugs): when the waiter takes the lock first,
 * the goroutine blocks on the lock, never counts down, and the wait never returns.
 *
 * <p>The locks held at the wait are {@link HeldLocks#heldAt}'s. The goroutines it waits for are
 * those counted on the same group: started by the group's own launch ({@code wg.go(...)}, whose
 * count-down follows the body), or whose own code counts the group down, directly or through a
 * method of the class it calls on {@code this} (one call deep). They are looked for where the
 * group lives: in the method that declares a local group (and only launches from which a path
 * reaches the wait; one run of the method shares its instance with its goroutines), or in the
 * class whose final field the group is, nested classes included (named through the code's
 * enclosing instance, so a goroutine counted on the waiter's group runs on the waiter's instance,
 * and a lock of that instance, or of an instance enclosing it, is the waiter's lock). A goroutine
 * takes a lock before counting down when its body's control-flow graph has a path from its start
 * to a {@code synchronized} block on that lock, a {@code lock()} of it, or a call on {@code this}
 * of a method of the class that is {@code synchronized} on it or takes it in its own code, with
 * no count-down on the way; a {@code synchronized} method run as the goroutine takes its monitor
 * first. A group reached any other way (a parameter, another object's field) is not judged.
 */
public final class AwaitsHoldingLocks {
  private AwaitsHoldingLocks() {}

  /**
   * The wait holds {@code held}, which the goroutine started by {@code launch} takes at {@code
   * taken} before it counts down.
   */
  public record Deadlock(HeldLocks.Taken held, MethodInvocationTree launch, Tree taken) {}

  /** The deadlock of the wait at {@code waitPath} on {@code group}, if it has one. */
  public static Optional<Deadlock> at(
      TreePath waitPath,
      VarSymbol group,
      WaitGroupGoroutines.Counter counter,
      VisitorState state) {
    MethodInvocationTree wait = (MethodInvocationTree) waitPath.getLeaf();
    if (!isCertainGroup(wait, group, waitPath)) {
      return Optional.empty();
    }
    List<HeldLocks.Taken> held = HeldLocks.heldAt(waitPath, state).stream()
        .filter(lock -> sharedWithGoroutines(lock.lock(), group))
        .toList();
    if (held.isEmpty()) {
      return Optional.empty();
    }
    Optional<LaunchScope> scope = LaunchScope.of(waitPath, group);
    if (scope.isEmpty()) {
      return Optional.empty();
    }
    for (TreePath launch : scope.get().launches(state)) {
      if (!scope.get().canStartBefore(launch, wait, state)) {
        continue;
      }
      Optional<Deadlock> found = takenBeforeCountDown(launch, group, counter, held, state);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a goroutine counted on {@code group} that names {@code lock} as the waiter does means
   * the same object: always for a group local to one run of a method (the goroutines share its
   * instance); for a field group, when the lock is the same for all instances or belongs to the
   * group's instance or an instance that encloses it (an inner class's outer instance is fixed).
   */
  private static boolean sharedWithGoroutines(HeldLocks.Lock lock, VarSymbol group) {
    ClassSymbol lockOwner = HeldLocks.instanceOwner(lock);
    if (group.getKind() == ElementKind.LOCAL_VARIABLE || lockOwner == null) {
      return true;
    }
    for (Symbol c = group.enclClass(); c != null; c = ASTHelpers.enclosingClass(c)) {
      if (c == lockOwner) {
        return true;
      }
      if (ASTHelpers.isStatic(c)) {
        return false; // a static nested class has no outer instance
      }
    }
    return false;
  }

  /**
   * Whether {@code call} names the group with certain identity: a local, or a final field named
   * through the code's enclosing instance (or a static one).
   */
  private static boolean isCertainGroup(
      MethodInvocationTree call, VarSymbol group, TreePath where) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (group.getKind() == ElementKind.LOCAL_VARIABLE) {
      return true;
    }
    return group.getKind() == ElementKind.FIELD
        && receiver != null
        && HeldLocks.isSameObjectEverywhere(receiver, group, where);
  }

  /**
   * The first acquisition, in the goroutine {@code launch} starts when it is counted on {@code
   * group}, of a lock of {@code held} that a path from the goroutine's start reaches before
   * counting down.
   */
  private static Optional<Deadlock> takenBeforeCountDown(
      TreePath launch,
      VarSymbol group,
      WaitGroupGoroutines.Counter counter,
      List<HeldLocks.Taken> held,
      VisitorState state) {
    MethodInvocationTree call = (MethodInvocationTree) launch.getLeaf();
    boolean countedByLaunch = counter.countedLaunch().matches(call, state)
        && WaitGroupGoroutines.groupOf(call) == group
        && isCertainGroup(call, group, launch);
    Optional<TreePath> body = GoroutineBodies.launchedBodyPath(launch, state);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    Set<Tree> countDowns = countDownsIn(body.get(), group, counter, state);
    if (!countedByLaunch && countDowns.isEmpty()) {
      return Optional.empty(); // not a goroutine the wait waits for
    }
    Map<Tree, HeldLocks.Taken> acquisitions = new HashMap<>();
    for (HeldLocks.Taken lock : held) {
      if (body.get().getLeaf() instanceof MethodTree method
          && HeldLocks.ownMonitor(method).filter(lock.lock()::equals).isPresent()) {
        return Optional.of(new Deadlock(lock, call, method)); // a synchronized method as the body
      }
      acquisitionsIn(body.get(), lock.lock(), state).forEach(t -> acquisitions.putIfAbsent(t, lock));
    }
    // A helper that both counts down and takes the lock may do the first before the second.
    acquisitions.keySet().removeAll(countDowns);
    if (acquisitions.isEmpty()) {
      return Optional.empty();
    }
    Optional<ExitPaths> paths = ExitPaths.of(body.get(), state);
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    List<Tree> reached =
        paths.get().reachedAvoiding(null, acquisitions::containsKey, countDowns::contains);
    return reached.isEmpty()
        ? Optional.empty()
        : Optional.of(new Deadlock(acquisitions.get(reached.get(0)), call, reached.get(0)));
  }

  /**
   * The trees of {@code body}'s own code that take {@code lock}: a {@code synchronized} block or a
   * {@code lock()} of it, or a call on {@code this} of a method of the unit that is {@code
   * synchronized} on it or takes it in its own code.
   */
  private static Set<Tree> acquisitionsIn(TreePath body, HeldLocks.Lock lock, VisitorState state) {
    Set<Tree> found = new HashSet<>();
    for (HeldLocks.Taken taken : HeldLocks.takenIn(body, kind -> kind == lock.kind(), state)) {
      if (taken.lock().equals(lock)) {
        found.add(taken.at());
      }
    }
    for (TreePath call : callsOnThis(body)) {
      Optional<TreePath> callee =
          calleeOnThis((MethodInvocationTree) call.getLeaf(), call, state);
      if (callee.isPresent() && takesItself(callee.get(), lock, state)) {
        found.add(call.getLeaf());
      }
    }
    return found;
  }

  /** Whether the method at {@code method} takes {@code lock}: it is synchronized on it, or its own code takes it. */
  private static boolean takesItself(TreePath method, HeldLocks.Lock lock, VisitorState state) {
    return HeldLocks.ownMonitor((MethodTree) method.getLeaf()).filter(lock::equals).isPresent()
        || HeldLocks.takenIn(method, kind -> kind == lock.kind(), state).stream()
            .anyMatch(taken -> taken.lock().equals(lock));
  }

  /**
   * The calls {@code body} makes on {@code this} (no receiver, or {@code this.m()}) in its own
   * code.
   */
  private static List<TreePath> callsOnThis(TreePath body) {
    return Calls.pathsInOwnCode(body, body.getLeaf(), HeldLocks::onThis);
  }

  /**
   * The path of the declaration in the unit of the method {@code call} runs on the code's
   * enclosing instance (or a static one). A subclass may override it; the rule takes the
   * declaration as what runs.
   */
  private static Optional<TreePath> calleeOnThis(
      MethodInvocationTree call, TreePath where, VisitorState state) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)
        || !(method.owner instanceof ClassSymbol owner)
        || (!method.isStatic() && !HeldLocks.throughEnclosingInstance(where, owner))) {
      return Optional.empty();
    }
    return GoroutineBodies.declarationInUnit(method, state)
        .map(declared -> TreePath.getPath(where.getCompilationUnit(), declared));
  }

  /**
   * The count-downs on {@code group} of {@code body}'s own code: the calls themselves, and the
   * calls on {@code this} of methods of the class whose own code counts the group down.
   */
  private static Set<Tree> countDownsIn(
      TreePath body, VarSymbol group, WaitGroupGoroutines.Counter counter, VisitorState state) {
    Set<Tree> found = new HashSet<>();
    for (WaitGroupGoroutines.GroupCall down : countDownsOwnCode(body, group, counter, state)) {
      found.add(down.call());
    }
    for (TreePath call : callsOnThis(body)) {
      Optional<TreePath> callee =
          calleeOnThis((MethodInvocationTree) call.getLeaf(), call, state);
      if (callee.isPresent() && !countDownsOwnCode(callee.get(), group, counter, state).isEmpty()) {
        found.add(call.getLeaf());
      }
    }
    return found;
  }

  /** The count-downs of {@code code}'s own code on {@code group}, named with certain identity. */
  private static List<WaitGroupGoroutines.GroupCall> countDownsOwnCode(
      TreePath code, VarSymbol group, WaitGroupGoroutines.Counter counter, VisitorState state) {
    return WaitGroupGoroutines.callsIn(code, counter.countDown(), state).stream()
        .filter(down -> down.group() == group && isCertainGroup(down.call(), group, down.path()))
        .toList();
  }

  /** Where the goroutines a group counts are started. */
  private record LaunchScope(TreePath code, boolean local) {
    /**
     * The method (or lambda, or initializer) that declares a local group; the class whose final
     * field the group is.
     */
    static Optional<LaunchScope> of(TreePath waitPath, VarSymbol group) {
      if (group.getKind() == ElementKind.LOCAL_VARIABLE) {
        TreePath declaration = declarationOf(group, waitPath);
        TreePath root = declaration == null ? null : CodeRoots.rootOf(declaration);
        return root == null ? Optional.empty() : Optional.of(new LaunchScope(root, true));
      }
      for (TreePath p = waitPath; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof ClassTree type && ASTHelpers.getSymbol(type) == group.owner) {
          return Optional.of(new LaunchScope(p, false));
        }
      }
      return Optional.empty();
    }

    /** The declaration of the local {@code group}, in the outermost method around {@code path}. */
    private static TreePath declarationOf(VarSymbol group, TreePath path) {
      TreePath outermost = null;
      for (TreePath p = path; p != null && !(p.getLeaf() instanceof ClassTree);
          p = p.getParentPath()) {
        outermost = p;
      }
      TreePath[] found = {null};
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree variable, Void unused) {
          if (ASTHelpers.getSymbol(variable) == group) {
            found[0] = getCurrentPath();
          }
          return super.visitVariable(variable, null);
        }
      }.scan(outermost, null);
      return found[0];
    }

    /**
     * The launches of the scope: a method's own code's, with the callbacks the JDK runs in place
     * ({@code collectors.forEach((k, c) -> wg.go(...))}); all the code of the group's class.
     */
    List<TreePath> launches(VisitorState state) {
      List<TreePath> launches = new ArrayList<>();
      Tree root = code.getLeaf();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (GoroutineBodies.isLaunch(call, state)) {
            launches.add(getCurrentPath());
          }
          return super.visitMethodInvocation(call, null);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
          if (local && lambda != root) {
            GoroutineBodies.Placement placed =
                GoroutineBodies.place(getCurrentPath(), root, state);
            if (placed.unit() != root || placed.escapes()) {
              return null;
            }
          }
          return super.visitLambdaExpression(lambda, null);
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
          return type == root || !local ? super.visitClass(type, null) : null;
        }
      }.scan(code, null);
      return launches;
    }

    /**
     * Whether the goroutine {@code launch} starts can still be running at {@code wait}: for a local
     * group, a path of the method leads from the launch to the wait; a field's goroutines may be
     * started before any call of the waiting method.
     */
    boolean canStartBefore(TreePath launch, MethodInvocationTree wait, VisitorState state) {
      if (!local) {
        return true;
      }
      Optional<ExitPaths> paths = ExitPaths.of(code, state);
      Tree own = GoroutineBodies.inOwnCode(launch, code.getLeaf()).getLeaf();
      return paths.isPresent()
          && paths.get().reachedAvoiding(own, t -> t == wait, t -> false).contains(wait);
    }
  }
}
