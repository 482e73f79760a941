package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fill level of a buffered channel that only the root's own code uses (no goroutine sends on
 * or receives from it), read along the root's control-flow graph: a send adds a value, a receive
 * takes one out. A send that every path reaches with the buffer already full waits for good:
 * nobody else can make room.
 *
 * <p>Each operation counts where the graph evaluates it, in whatever block it sits (a {@code
 * catch}, a switch arm, an initializer). A method reference that a JDK method runs in place counts
 * as often as that method runs it when the source writes the elements out ({@code
 * List.of(a, b).forEach(ch::send)} sends two), else not at all. Where the model cannot tell how
 * many values move, it errs towards an emptier buffer: a select case, a {@code trySend} (its
 * result may choose the branch that sends) or a send inside a lambda counts as no send; a receive
 * inside a lambda, a loop over the channel, a receive by method reference and a {@code close}
 * (after which sends throw rather than wait) empty it. The graph's branches are all taken as
 * possible, so code that asks the channel's {@code len()} or {@code cap()} (and may branch on
 * the level) is not judged. The level at an operation is the least over the paths that reach it,
 * so a send inside a loop is judged by its first round.
 */
public final class FillLevels {
  private FillLevels() {}

  /**
   * The first send (in source order) that finds the buffer of {@code capacity} values full on
   * every path from the root's entry; empty when there is none, when a goroutine or escaping code
   * uses the channel, or when the root's graph cannot be read.
   */
  public static Optional<Tree> sendIntoFullBuffer(
      List<Use> all, int capacity, ChannelWaits ops, VisitorState state) {
    Tree root = ops.uses().root();
    if (all.stream().anyMatch(u -> u.unit() != root
        || u.kind() == Kind.ESCAPE || u.kind() == Kind.REASSIGN
        || (u.kind() == Kind.NEUTRAL && u.call() != null))) {
      return Optional.empty();
    }
    Optional<ExitPaths> graph = ExitPaths.of(ops.uses().rootPath(), state);
    if (graph.isEmpty()) {
      return Optional.empty();
    }
    Map<Tree, Effect> effects = new IdentityHashMap<>();
    for (Use use : all) {
      Effect effect = effectOf(use, ops, state);
      Tree operation = evaluated(use);
      Tree at = operation == null ? null : inOwnCode(operation, ops);
      if (at == null) {
        return Optional.empty();
      }
      if (at != operation) {
        effect = effect.kind() == Change.TAKE || effect.kind() == Change.EMPTY
            ? Effect.EMPTY : Effect.NONE; // inside a callback: how often it runs is unknown
      }
      if (effect.kind() != Change.NONE && !graph.get().evaluates(at)) {
        return Optional.empty(); // an operation the graph does not show: no level to trust
      }
      effects.merge(at, effect, Effect::emptier);
    }
    Map<Tree, Integer> least = graph.get().leastCountsFromEntry((tree, level) -> {
      Effect effect = effects.get(tree);
      return effect == null ? level : effect.after(level, capacity);
    });
    return effects.entrySet().stream()
        .filter(e -> e.getValue().kind() == Change.SEND && least.containsKey(e.getKey())
            && (long) least.get(e.getKey()) + e.getValue().values() > capacity)
        .map(Map.Entry::getKey)
        .min(Comparator.comparingLong(ASTHelpers::getStartPosition));
  }

  /** How an operation changes the level. */
  private enum Change {
    /** Nothing the model counts. */
    NONE,
    /** A send of {@code values} that waits for room. */
    SEND,
    /** Receives of {@code values}. */
    TAKE,
    /** Receives of an unknown number, or a close: the level is taken as 0. */
    EMPTY
  }

  private record Effect(Change kind, int values) {
    static final Effect NONE = new Effect(Change.NONE, 0);
    static final Effect EMPTY = new Effect(Change.EMPTY, 0);

    /** The level after the operation, or {@link ExitPaths#BLOCKS} for a send into a full buffer. */
    int after(int level, int capacity) {
      return switch (kind) {
        case NONE -> level;
        case SEND -> (long) level + values > capacity ? ExitPaths.BLOCKS : level + values;
        case TAKE -> Math.max(0, level - values);
        case EMPTY -> 0;
      };
    }

    /** Of two operations on one tree, the one that leaves the buffer emptier. */
    static Effect emptier(Effect a, Effect b) {
      return a.kind() == Change.EMPTY || b.kind() == Change.EMPTY ? EMPTY
          : a.kind() == Change.NONE ? b
          : b.kind() == Change.NONE ? a
          : EMPTY; // two counted operations on one tree: not a shape to count
    }
  }

  private static Effect effectOf(Use use, ChannelWaits ops, VisitorState state) {
    if (use.via() != null) {
      return summarisedEffect(use, ops);
    }
    boolean reference = use.call() == null && use.tree() instanceof MemberReferenceTree;
    int times = 1;
    if (reference) {
      TreePath path = ops.pathTo(use.tree());
      times = path == null ? SendCounts.UNBOUNDED : Repetition.callbackTimes(path, state);
    }
    return switch (use.kind()) {
      case MAKE, CLOSE -> Effect.EMPTY;
      case RECEIVE -> use.loopReceive() || reference || use.call() == null
          ? Effect.EMPTY : new Effect(Change.TAKE, 1);
      case SEND -> {
        if (use.selectCase() || times == SendCounts.UNBOUNDED || !ops.blocks(use)
            || (use.call() == null && !reference)) {
          yield Effect.NONE;
        }
        yield new Effect(Change.SEND, times);
      }
      default -> Effect.NONE;
    };
  }

  /**
   * A call of a method that operates on the channel ({@link ParameterEffects}): a send counts
   * one value when every way out of the method sends (the least it adds); a receive takes one when
   * the method surely receives exactly once, and otherwise empties the buffer, on the quiet side.
   */
  private static Effect summarisedEffect(Use use, ChannelWaits ops) {
    ParameterEffects.Effect via = use.via();
    return switch (use.kind()) {
      case SEND -> via.onEveryPath() && ops.blocks(use) ? new Effect(Change.SEND, 1) : Effect.NONE;
      case RECEIVE -> via.onEveryPath() && via.most() == 1 ? new Effect(Change.TAKE, 1)
          : Effect.EMPTY;
      case CLOSE -> Effect.EMPTY;
      default -> Effect.NONE;
    };
  }

  /**
   * The tree whose evaluation performs {@code use}: the call, the method reference, the make, or
   * the channel's name (a loop over the channel).
   */
  private static Tree evaluated(Use use) {
    if (use.kind() == Kind.MAKE) {
      return use.call() != null ? use.call() : use.made();
    }
    return use.call() != null || use.tree() instanceof MemberReferenceTree
        ? use.operation() : use.ident();
  }

  /**
   * The tree of the root's own code that evaluates {@code operation}: itself, or the outermost
   * lambda around it (a select handler, a {@code forEach} callback), which the root's graph holds
   * as one node; null when it is not in the root.
   */
  private static Tree inOwnCode(Tree operation, ChannelWaits ops) {
    TreePath path = ops.pathTo(operation);
    if (path == null) {
      return null;
    }
    Tree own = operation;
    for (TreePath p = path; p != null && p.getLeaf() != ops.uses().root(); p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree lambda) {
        own = lambda;
      }
    }
    return own;
  }
}
