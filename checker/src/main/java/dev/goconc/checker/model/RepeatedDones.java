package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A goroutine that calls a group's {@code done()} twice on some paths and once on others: the
 * classic is a {@code done()} on an early path of a body whose {@code finally} calls {@code done()}
 * again. The count added for the goroutine is one number, so one of its paths is wrong whatever it
 * is; counted once (the idiom), the early path takes the counter below zero.
 *
 * <p>Read off the goroutine body's control-flow graph (the body {@link GoroutineBodies} finds for a
 * lambda, an anonymous task class or a method of the unit a launch runs): a {@code done()} the
 * body can reach (a {@code catch} block included, reached where the work in its {@code try} may
 * fail: {@link FailingWork}), from which it can leave, and after which every way out passes
 * another {@code done()} of the same group (so the two run together whenever the first runs,
 * whatever branches correlate); and some path through the body that calls exactly one {@code
 * done()}. A body whose every path calls {@code done()} twice may be counted twice on purpose, and
 * is left to the group's count ({@link WaitGroupCounts}).
 */
public final class RepeatedDones {
  private RepeatedDones() {}

  /** {@code first}, a {@code done()} that every path follows with {@code next}. */
  public record Repeated(MethodInvocationTree first, Tree next) {}

  /** The finding for the {@code done()} at {@code donePath} on {@code group}, if it is one. */
  public static Optional<Repeated> at(TreePath donePath, VarSymbol group, VisitorState state) {
    Optional<TreePath> body = bodyAround(donePath, state);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    List<MethodInvocationTree> dones =
        WaitGroupGoroutines.callsIn(body.get(), GoconcApi.WAIT_GROUP_DONE, state).stream()
            .filter(done -> done.group() == group)
            .map(WaitGroupGoroutines.GroupCall::call)
            .toList();
    MethodInvocationTree first = (MethodInvocationTree) donePath.getLeaf();
    if (dones.size() < 2 || !dones.contains(first)) {
      return Optional.empty(); // the done is not the body's own, or has no other to repeat it
    }
    Optional<ExitPaths> graph = ExitPaths.of(body.get(), state);
    if (graph.isEmpty()) {
      return Optional.empty();
    }
    ExitPaths paths = graph.get();
    Predicate<Tree> isDone = t -> WaitGroupCounts.isDoneOn(t, group, state);
    // A done() in a catch runs where the work in its try may fail (FailingWork). The other
    // questions follow the paths that run without failing: a try and a finally that both call
    // done() stay the group count's question (WaitGroupCounts), not a second finding here.
    boolean reachable = !paths.reachedAvoidingThrows(
        null, t -> t == first, t -> false, t -> FailingWork.mayFail(t, state)).isEmpty();
    boolean repeated =
        reachable
            && leaves(paths.exitsAvoiding(first, t -> false))
            && !leaves(paths.exitsAvoiding(first, isDone));
    if (!repeated || dones.stream().noneMatch(done -> soleOnSomePath(done, paths, isDone))) {
      return Optional.empty();
    }
    List<Tree> next = paths.reachedAvoiding(first, isDone, t -> false);
    return next.isEmpty() ? Optional.empty() : Optional.of(new Repeated(first, next.get(0)));
  }

  /** Whether a path from the body's start to a way out calls {@code done} and no other done. */
  private static boolean soleOnSomePath(Tree done, ExitPaths paths, Predicate<Tree> isDone) {
    return paths.reachedAvoiding(null, t -> t == done, isDone).contains(done)
        && leaves(paths.exitsAvoiding(done, isDone));
  }

  private static boolean leaves(List<ExitPaths.Exit> exits) {
    return exits.stream().anyMatch(ExitPaths.Exit::leaves);
  }

  /**
   * The goroutine body whose code holds {@code path}: a launched lambda or anonymous task class,
   * or a method of the unit that a launch runs (by reference, or as the delegate of its task).
   */
  private static Optional<TreePath> bodyAround(TreePath path, VisitorState state) {
    Optional<TreePath> goroutine = GoroutineBodies.enclosingGoroutineBody(path, state);
    if (goroutine.isPresent()) {
      return goroutine;
    }
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        return GoroutineBodies.launchedBodies(state).containsKey(method)
            ? Optional.of(p)
            : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
