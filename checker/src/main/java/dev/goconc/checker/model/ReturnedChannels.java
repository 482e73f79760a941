package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A method of the unit that returns a channel only a goroutine it starts sends on: Go's {@code
 * func Go(f) chan error { ch := make(chan error); go func() { ch <- f() }(); return ch }}. The
 * caller holds the only way to receive; a call that drops the result leaves the goroutine
 * blocked on its send for ever (GoKer's moby#4395).
 *
 * <p>The method's summary is certain only when: it is declared in this unit, cannot be overridden
 * and does not call itself (as for {@link ParameterEffects}); the channel is a local it makes
 * once, unbuffered, and every {@code return} returns it; nothing in the method receives from,
 * closes or otherwise lets out the channel; and one goroutine, started once, sends on it on
 * every path with a send that waits. Otherwise there is no summary and a dropped result is not
 * judged.
 */
public final class ReturnedChannels {
  private ReturnedChannels() {}

  /**
   * The summary: the goroutine's first waiting send on the channel the method returns.
   *
   * @param method the method whose result must be received from
   * @param send the goroutine's send, for messages
   */
  public record FedByGoroutine(MethodSymbol method, Tree send) {}

  /**
   * When {@code call} is a statement of its own (its result dropped) and calls a method whose
   * returned channel only its goroutine sends on: that method's summary.
   */
  public static Optional<FedByGoroutine> droppedBy(TreePath call, VisitorState state) {
    if (!(call.getLeaf() instanceof MethodInvocationTree invocation)
        || !(call.getParentPath().getLeaf() instanceof ExpressionStatementTree)
        || !(ASTHelpers.getSymbol(invocation) instanceof MethodSymbol method)
        || !ChannelUses.isChannelType(method.getReturnType(), state)) {
      return Optional.empty();
    }
    Map<MethodSymbol, Optional<FedByGoroutine>> known =
        UnitMemo.get(state, SUMMARIES, call.getCompilationUnit(), java.util.HashMap::new);
    Optional<FedByGoroutine> summary = known.get(method);
    if (summary == null) {
      summary = summarise(method, state);
      known.put(method, summary);
    }
    return summary;
  }

  private static final UnitMemo.Fact<Map<MethodSymbol, Optional<FedByGoroutine>>> SUMMARIES =
      new UnitMemo.Fact<>("returned channels fed by a goroutine");

  private static Optional<FedByGoroutine> summarise(MethodSymbol method, VisitorState state) {
    Optional<MethodTree> declared = GoroutineBodies.declarationInUnit(method, state);
    if (declared.isEmpty() || declared.get().getBody() == null
        || !ParameterEffects.summarisable(method, state)) {
      return Optional.empty();
    }
    TreePath methodPath = TreePath.getPath(state.getPath().getCompilationUnit(), declared.get());
    if (methodPath == null) {
      return Optional.empty();
    }
    ChannelUses uses = ChannelUses.in(methodPath, state);
    ChannelWaits ops = new ChannelWaits(uses, state);
    for (VarSymbol channel : uses.byChannel().keySet()) {
      Optional<Tree> send = fedOnlyByOneGoroutine(channel, uses, ops, state);
      if (send.isPresent() && returnsOnly(channel, declared.get(), uses, state)) {
        return Optional.of(new FedByGoroutine(method, send.get()));
      }
    }
    return Optional.empty();
  }

  /** The goroutine's waiting send, when one goroutine started once surely sends on the channel. */
  private static Optional<Tree> fedOnlyByOneGoroutine(
      VarSymbol channel, ChannelUses uses, ChannelWaits ops, VisitorState state) {
    Optional<Use> make = uses.madeHere(channel);
    if (make.isEmpty() || ChannelUses.capacity(make.get().call()).orElse(-1) != 0) {
      return Optional.empty();
    }
    List<Use> all = uses.of(channel);
    Optional<Tree> only = onlyWriter(all, false, uses, ops);
    if (only.isEmpty()) {
      return Optional.empty();
    }
    Tree goroutine = only.get();
    List<Use> sends = all.stream()
        .filter(u -> u.kind() == Kind.SEND && u.surely() && ops.blocks(u))
        .toList();
    Set<Tree> marks = new HashSet<>();
    sends.forEach(u -> {
      marks.add(u.ident());
      marks.add(u.operation());
    });
    boolean surely = !sends.isEmpty() && ExitPaths.of(ops.pathTo(goroutine), state)
        .map(body -> body.exitsFromEntryAvoiding(marks::contains).stream()
            .noneMatch(ExitPaths.Exit::leaves))
        .orElse(false);
    return surely ? Optional.of(sends.get(0).operation()) : Optional.empty();
  }

  /**
   * The one goroutine, started once, that writes to the channel whose uses in the method are
   * {@code all} (sends, and closes when {@code closes}), when nothing else in the method uses it
   * but to make it, return it, or ask its length: nothing receives from it, reassigns it or lets
   * it out.
   */
  static Optional<Tree> onlyWriter(
      List<Use> all, boolean closes, ChannelUses uses, ChannelWaits ops) {
    Set<Tree> writers = new HashSet<>();
    for (Use use : all) {
      switch (use.kind()) {
        case MAKE, NEUTRAL -> {}
        case SEND -> writers.add(use.unit());
        case CLOSE -> {
          if (!closes) {
            return Optional.empty();
          }
          writers.add(use.unit());
        }
        case ESCAPE -> {
          if (!(use.tree() instanceof ReturnTree) || use.unit() != uses.root()) {
            return Optional.empty();
          }
        }
        default -> {
          return Optional.empty(); // received, or reassigned
        }
      }
    }
    if (writers.size() != 1) {
      return Optional.empty();
    }
    Tree goroutine = writers.iterator().next();
    return goroutine != uses.root()
            && (goroutine instanceof LambdaExpressionTree || goroutine instanceof MethodTree)
            && ops.launchTimes(goroutine) == 1
        ? Optional.of(goroutine)
        : Optional.empty();
  }

  /** Whether every {@code return} of the method returns the channel. */
  static boolean returnsOnly(
      VarSymbol channel, MethodTree method, ChannelUses uses, VisitorState state) {
    boolean[] other = new boolean[1];
    int[] returns = new int[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        returns[0]++;
        other[0] |= tree.getExpression() == null
            || uses.channelOf(tree.getExpression(), state) != channel;
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree tree, Void unused) {
        return null;
      }
    }.scan(method.getBody(), null);
    return returns[0] > 0 && !other[0];
  }
}
