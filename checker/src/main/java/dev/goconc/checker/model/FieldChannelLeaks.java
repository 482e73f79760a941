package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.FieldChannels.Field;
import dev.goconc.checker.model.FieldChannels.FieldUse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operations on an unbuffered field channel ({@link FieldChannels}) that wait for a partner the
 * class can never provide — the object's goroutines leak, or its callers hang:
 *
 * <ul>
 *   <li><b>Never received</b>: a send that waits, while no code of the class receives from the
 *       field (GoKer's kubernetes#25331: the result nobody reads).
 *   <li><b>Never fed</b>: a receive that waits, while no code of the class sends on or closes the
 *       field (grpc#1424, on a field).
 *   <li><b>Receiver gone</b>: every receive of the field is a case of a select with another way
 *       out in a loop ({@link ChannelWaits#inSelectLoopWithWayOut}), all in one goroutine body
 *       (its {@code run()}, a lambda), which can end — another case returns — and the field is
 *       never closed; a send that waits, from any other code, blocks forever once that goroutine
 *       has ended (etcd#6857: {@code Status()} after {@code Stop()}). The loop may be a method
 *       the goroutine passes the field to ({@code () -> processEventsUntil(t.events, stopper)}),
 *       whose summary says it receives only so and which can return ({@link
 *       ParameterEffects.Effect#selectLoop}): once it has returned, a plain send from another
 *       goroutine (cockroach#1462: a send in a select's {@code otherwise} handler) is stranded.
 *       The fix selects on the send together with a channel closed when the goroutine ends.
 * </ul>
 *
 * <p>A field handed out through a {@link ReceiveOnlyAccessors receive-only accessor} may be
 * received from anywhere, so only the second question holds for it: nobody outside can feed it
 * either (cockroach#25456: {@code shouldQuiesce().receive()} on a quiesce channel nothing closes).
 *
 * <p>A buffered field is not judged: how many sends the buffer absorbs after the receiver is gone
 * is a count the model does not have. The first two ask about every use of the field, so they
 * judge only a field no other file can name ({@link FieldChannels.Field#confined}); the third
 * also judges a package-private field, deliberately: a receiver in another file would compete
 * with the object's own loop for its requests, which is not a design the model assumes.
 *
 * <p>The third also judges a field named through a variable ({@code t.events}; {@link
 * FieldChannels.Field#acrossObjects}): its uses are those of every object's field together, and
 * "every receive is in the one loop" holds for each object when it holds for all of them. The
 * sends it reports are the object's own code's, though ({@code events.send(e)}, {@code
 * this.events.send(e)}): a method or goroutine of the class is its protocol, run whenever it is
 * called or scheduled, after the loop's end included. A send through a variable ({@code
 * c.inbox.send(m)}) is one step of some caller's program, at a point the model does not place
 * against the loop's life (a test that starts the connection and sends its first message, while
 * nothing has stopped it yet: syncthing#5795's twin), so it is not reported. The
 * first two keep to fields only their own object's code names: their any-object reading would
 * be as sound, but would judge code kept quiet so far (objects sending into each other's private
 * fields, {@code other.inbox.send(m)}), a decision left to be taken on its own.
 */
public final class FieldChannelLeaks {
  private FieldChannelLeaks() {}

  /** What is wrong and where. */
  public enum Shape {
    NEVER_RECEIVED,
    NEVER_FED,
    RECEIVER_GONE
  }

  /**
   * One blocked operation.
   *
   * @param at the send or receive that blocks forever
   * @param receiver for {@link Shape#RECEIVER_GONE}: the goroutine body whose end leaves the
   *     field without a receiver, or the method that runs its receiving loop when the goroutine
   *     only receives through calls of it; null otherwise
   * @param exit for {@link Shape#RECEIVER_GONE}: a way that goroutine (that method) ends
   */
  public record Leak(Shape shape, Field field, FieldUse at, Tree receiver, ExitPaths.Exit exit) {}

  /** The leaks of the field channels of the top-level class at {@code state}'s path. */
  public static List<Leak> in(VisitorState state) {
    return FieldChannels.in(ChannelKind.GOCONC, state).stream()
        .filter(field -> field.capacity().isPresent() && field.capacity().getAsInt() == 0)
        .flatMap(field -> leakOf(field, state).stream())
        .toList();
  }

  private static Optional<Leak> leakOf(Field field, VisitorState state) {
    List<FieldUse> blockingSends = field.of(Kind.SEND).stream()
        .filter(send -> send.ops().blocks(send.use()))
        .toList();
    if (!field.confined() || field.acrossObjects()) {
      return field.handedOut() ? Optional.empty() : receiverGone(field, blockingSends, state);
    }
    if (!field.any(Kind.RECEIVE) && !field.handedOut()) {
      return blockingSends.stream().findFirst()
          .map(send -> new Leak(Shape.NEVER_RECEIVED, field, send, null, null));
    }
    if (!field.any(Kind.SEND) && !field.any(Kind.CLOSE)) {
      return field.of(Kind.RECEIVE).stream()
          .filter(receive -> receive.ops().waits(receive.use()))
          .findFirst()
          .map(receive -> new Leak(Shape.NEVER_FED, field, receive, null, null));
    }
    return field.handedOut() ? Optional.empty() : receiverGone(field, blockingSends, state);
  }

  private static Optional<Leak> receiverGone(
      Field field, List<FieldUse> blockingSends, VisitorState state) {
    List<FieldUse> receives = field.of(Kind.RECEIVE);
    if (receives.isEmpty()) {
      return Optional.empty();
    }
    Tree runner = receives.get(0).runner();
    if (runner == null || field.any(Kind.CLOSE)
        || receives.stream().anyMatch(r -> r.runner() != runner
            || !r.ops().inSelectLoopWithWayOut(r.use()))) {
      return Optional.empty();
    }
    List<FieldUse> stranded = blockingSends.stream()
        .filter(send -> send.runner() != runner && !send.throughVariable())
        .toList();
    if (stranded.isEmpty()) {
      return Optional.empty();
    }
    Optional<ExitPaths.Exit> runnerEnds = wayOut(pathOf(runner, receives.get(0), state), state);
    if (runnerEnds.isEmpty()) {
      return Optional.empty();
    }
    // The methods whose loops receive for the goroutine ({@code processEventsUntil(t.events)}),
    // each with its way out: a loop that cannot return is no loop that ends.
    Map<MethodTree, ExitPaths.Exit> loops = new LinkedHashMap<>();
    for (FieldUse receive : receives) {
      if (receive.use().via() == null) {
        continue;
      }
      Optional<MethodTree> loop =
          GoroutineBodies.declarationInUnit(receive.use().via().method(), state);
      Optional<ExitPaths.Exit> end = loop.flatMap(m ->
          wayOut(TreePath.getPath(state.getPath().getCompilationUnit(), m), state));
      if (end.isEmpty()) {
        return Optional.empty();
      }
      loops.put(loop.get(), end.get());
    }
    if (loops.size() == 1 && receives.stream().allMatch(r -> r.use().via() != null)) {
      Map.Entry<MethodTree, ExitPaths.Exit> loop = loops.entrySet().iterator().next();
      return Optional.of(new Leak(
          Shape.RECEIVER_GONE, field, stranded.get(0), loop.getKey(), loop.getValue()));
    }
    return Optional.of(
        new Leak(Shape.RECEIVER_GONE, field, stranded.get(0), runner, runnerEnds.get()));
  }

  /** A way the code at {@code path} (a method or lambda) can end; empty when it cannot. */
  private static Optional<ExitPaths.Exit> wayOut(TreePath path, VisitorState state) {
    return path == null ? Optional.empty()
        : ExitPaths.of(path, state).flatMap(paths -> paths
            .exitsFromEntryAvoiding(t -> false).stream()
            .filter(ExitPaths.Exit::leaves)
            .findFirst());
  }

  /** The path of the goroutine body {@code receiver}: a lambda of a root, or a method. */
  private static TreePath pathOf(Tree receiver, FieldUse someUse, VisitorState state) {
    if (receiver instanceof LambdaExpressionTree || receiver instanceof MethodTree) {
      TreePath inRoot = someUse.ops().pathTo(receiver);
      if (inRoot != null) {
        return inRoot;
      }
      CompilationUnitTree unit = state.getPath().getCompilationUnit();
      return TreePath.getPath(unit, receiver);
    }
    return null;
  }
}
