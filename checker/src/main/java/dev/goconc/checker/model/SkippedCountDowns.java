package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.WaitGroupGoroutines.GroupCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The count-downs of a task (a latch's {@code countDown}, a semaphore's {@code release}, a phaser's
 * {@code arrive}) that some way out of the task skips, asked of the task's control-flow graph
 * ({@link ExitPaths}): a path from the task's start that leaves it, by a {@code return}, its end,
 * an explicit {@code throw} or the exception of a tree that may throw (a call, a {@code new}, an
 * array access, an integer division, a cast, an unboxing: the graph's notion; a call or {@code new}
 * may also throw an {@code Error}, so only a {@code catch} of {@code Throwable} stops all it
 * throws), without passing a count-down of the same primitive. A task in which nothing before the
 * count-down can throw and every path reaches it cannot skip it.
 *
 * <p>A call on the primitive itself ({@code ph.register()}, {@code permits.acquire()}) is not asked
 * either: if it fails, the task holds no part to give back. The trees of a {@code catch} block are
 * not asked whether they throw: they handle a failure,
 * and their own failure would be a second one ({@code catch (Exception e) { log.warn(e); }} before
 * the count-down is the handling, as a {@code finally}'s cleanup is for WaitGroupDoneNotInFinally).
 * An explicit {@code throw} or {@code return} in a {@code catch} is a way out as any other.
 *
 * <p>Only the first count-down of each primitive outside a {@code finally} is judged, and not one
 * inside a {@code try} whose {@code finally} counts the same primitive down.
 */
public final class SkippedCountDowns {
  /** A count-down and a way out of the task that skips it (a return first, for the message). */
  public record Skipped(GroupCall countDown, ExitPaths.Exit exit) {
    /** Whether an exception, not a {@code return} or the task's end, skips the count-down. */
    public boolean byException() {
      return exit.kind() == ExitPaths.Kind.THROW;
    }
  }

  /** The way out a message names when there are several: the most deliberate first. */
  private static final List<ExitPaths.Kind> NAMED_FIRST =
      List.of(ExitPaths.Kind.RETURN, ExitPaths.Kind.THROW, ExitPaths.Kind.END_OF_BODY);

  private SkippedCountDowns() {}

  /**
   * The count-downs among {@code countDowns} (the calls of the task at {@code bodyPath}, in source
   * order) that some way out of the task skips; empty when the task's graph cannot be built.
   */
  public static List<Skipped> of(
      List<GroupCall> countDowns, TreePath bodyPath, VisitorState state) {
    List<Skipped> skipped = new ArrayList<>();
    Set<Object> judged = new HashSet<>();
    Optional<ExitPaths> graph = Optional.empty();
    for (GroupCall down : countDowns) {
      if (down.inFinally() || !judged.add(down.group())) {
        continue;
      }
      if (WaitGroupGoroutines.coveredByFinally(down, countDowns, bodyPath.getLeaf())) {
        continue;
      }
      if (graph.isEmpty()) {
        graph = ExitPaths.of(bodyPath, state);
        if (graph.isEmpty()) {
          return List.of();
        }
      }
      Set<Tree> ofGroup = identitySet();
      countDowns.stream()
          .filter(d -> d.group() == down.group())
          .forEach(d -> ofGroup.add(d.call()));
      Predicate<Tree> mayThrow = outsideHandlers(bodyPath);
      List<ExitPaths.Exit> exits =
          graph.get().exitsFromEntryAvoidingAnyThrow(ofGroup::contains,
                  tree -> mayThrow.test(tree) && !callOn(tree, down.group()))
              .stream()
              .filter(ExitPaths.Exit::leaves)
              .toList();
      exits.stream()
          .min(Comparator.comparing(e -> NAMED_FIRST.indexOf(e.kind())))
          .ifPresent(exit -> skipped.add(new Skipped(down, exit)));
    }
    return skipped;
  }

  /**
   * Whether {@code tree} is a call on the primitive itself ({@code ph.register()}, {@code
   * permits.acquire()}): when it fails, the task has taken no part to give back, so nothing is
   * skipped.
   */
  private static boolean callOn(Tree tree, Object group) {
    return tree instanceof MethodInvocationTree call
        && WaitGroupGoroutines.groupOf(call) == group;
  }

  /** The trees that may throw for this question: all but those in the task's catch blocks. */
  private static Predicate<Tree> outsideHandlers(TreePath bodyPath) {
    Set<Tree> handling = identitySet();
    Tree root = bodyPath.getLeaf();
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void scan(Tree tree, Boolean inHandler) {
        if (tree != null && inHandler) {
          handling.add(tree);
        }
        return super.scan(tree, inHandler);
      }

      @Override
      public Void visitCatch(CatchTree tree, Boolean inHandler) {
        return super.visitCatch(tree, true);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Boolean inHandler) {
        return tree == root ? super.visitLambdaExpression(tree, inHandler) : null;
      }

      @Override
      public Void visitClass(ClassTree tree, Boolean inHandler) {
        return null; // its code is not the task's path
      }
    }.scan(root, false);
    return tree -> !handling.contains(tree);
  }

  private static Set<Tree> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
