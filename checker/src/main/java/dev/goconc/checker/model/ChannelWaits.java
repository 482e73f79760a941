package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Which channel operations can wait forever (see {@link BlockingOperations} for "may this call
 * park at all", which needs no channel uses). A send waits unless it is a {@code trySend} or a
 * {@code select} case with a way out: an {@code otherwise}, or a receive on {@code ctx.done()},
 * a timer, or any channel the analysed code never sends on (a done channel, or one it cannot
 * see). A select built through variables is not seen through: its sends count as not waiting
 * and its receives as waiting, both on the quiet side.
 */
public final class ChannelWaits {
  private final ChannelUses uses;
  private final VisitorState state;

  public ChannelWaits(ChannelUses uses, VisitorState state) {
    this.uses = uses;
    this.state = state;
  }

  public ChannelUses uses() {
    return uses;
  }

  public TreePath pathTo(Tree tree) {
    return uses.pathTo(tree);
  }

  /** Whether the send {@code use} can wait forever for a receiver. */
  public boolean blocks(Use use) {
    if (use.via() != null) {
      return use.kind() == Kind.SEND && use.via().waits();
    }
    if (use.tree() instanceof MemberReferenceTree reference) {
      return use.kind() == Kind.SEND && uses.kind().sendWaits(reference.getName().toString());
    }
    if (!use.selectCase()) {
      return use.call() != null && uses.kind().sendWaits(use.call(), state);
    }
    Optional<List<MethodInvocationTree>> cases = SelectCases.around(pathTo(use.call()), state);
    return cases.isPresent() && !hasWayOut(cases.get(), use);
  }

  /** Whether the receive {@code use} waits for a value (or the close) before going on. */
  public boolean waits(Use use) {
    if (use.via() != null) {
      return use.via().waits();
    }
    if (use.selectCase()) {
      Optional<List<MethodInvocationTree>> cases = SelectCases.around(pathTo(use.call()), state);
      return cases.isEmpty() || !hasWayOut(cases.get(), use);
    }
    return use.call() == null || uses.kind().receiveWaits(use.call(), state);
  }

  /**
   * Whether the receive {@code use} is a case of a select with another way out (a stop channel, a
   * timer, {@code otherwise}; see {@link #waits}) in a loop: a loop that can end on that other
   * case while the channel stays open. A call of a summarised method counts when the method
   * receives only so ({@link ParameterEffects.Effect#selectLoop}).
   */
  public boolean inSelectLoopWithWayOut(Use use) {
    if (use.kind() != Kind.RECEIVE) {
      return false;
    }
    return use.via() != null
        ? use.via().selectLoop()
        : use.selectCase() && use.inLoop() && !waits(use);
  }

  private boolean hasWayOut(List<MethodInvocationTree> cases, Use use) {
    boolean untilClosed = watchesTheClose(use);
    for (MethodInvocationTree other : cases) {
      if (other == use.call()) {
        continue;
      }
      if (GoconcApi.SELECT_OTHERWISE.matches(other, state)) {
        return true;
      }
      if (GoconcApi.SELECT_SEND.matches(other, state)) {
        continue; // another send waits as well
      }
      if (untilClosed && GoconcApi.CLOCK_CHANNEL.matches(other.getArguments().get(0), state)) {
        continue; // a wake-up of a loop that ends on the close
      }
      VarSymbol var = uses.channelOf(other.getArguments().get(0), state);
      if (var == null || (var != use.channel() && !uses.any(var, Kind.SEND))) {
        return true; // ctx.done(), Time.after, a timer, or a done channel
      }
    }
    return false;
  }

  /**
   * Whether {@code use} is a {@code recvOk} case of a select in a loop: the loop reads the
   * channel's close, and is taken to run until it, as a {@code receiveOk} loop is. Its other
   * cases that receive from a timer or a ticker are then wake-ups (a flush, an idle tick) that
   * the model cannot tell from a deadline without values, and are not taken as its way out; a
   * context's {@code done()}, another channel or an {@code otherwise} still are.
   */
  private boolean watchesTheClose(Use use) {
    return use.kind() == Kind.RECEIVE && use.inLoop() && use.call() != null
        && GoconcApi.SELECT_RECV_OK.matches(use.call(), state);
  }

  /**
   * The select case calls among {@code all} (receives on the channel, in the root's own code)
   * whose select surely takes a value from the channel whichever case fires: every other case is
   * a receive on the same channel, or its handler receives from it with a waiting receive on
   * every path ({@code .recv(stop, v -> { results.receive(); return true; })}, draining before it
   * returns). A select that takes one value either way is a receive the path passes, though its
   * case alone has a way out.
   */
  public Set<Tree> surelyReceivingSelects(List<Use> all) {
    Set<Tree> selects = new HashSet<>();
    for (Use use : all) {
      if (use.kind() != Kind.RECEIVE || !use.selectCase() || use.unit() != uses.root()) {
        continue;
      }
      Optional<List<MethodInvocationTree>> cases = SelectCases.around(pathTo(use.call()), state);
      if (cases.isPresent() && cases.get().stream().allMatch(c -> c == use.call()
          || receivesFromTheChannel(c, use, all)
          || handlerSurelyReceives(c, use.channel(), all))) {
        selects.add(use.call());
      }
    }
    return selects;
  }

  private boolean receivesFromTheChannel(MethodInvocationTree selectCase, Use use, List<Use> all) {
    return all.stream().anyMatch(u -> u.call() == selectCase && u.kind() == Kind.RECEIVE
        && u.channel() == use.channel());
  }

  private boolean handlerSurelyReceives(
      MethodInvocationTree selectCase, VarSymbol channel, List<Use> all) {
    if (selectCase.getArguments().isEmpty()
        || !(selectCase.getArguments().getLast() instanceof LambdaExpressionTree handler)) {
      return false;
    }
    Set<Tree> receives = new HashSet<>();
    all.stream()
        .filter(u -> u.channel() == channel && u.kind() == Kind.RECEIVE && !u.selectCase()
            && waits(u) && u.ident() != null && contains(handler, u.ident()))
        .forEach(u -> receives.add(u.ident()));
    TreePath handlerPath = pathTo(handler);
    return !receives.isEmpty() && handlerPath != null
        && ExitPaths.of(handlerPath, state)
            .map(body -> body.exitsFromEntryAvoiding(receives::contains).stream()
                .noneMatch(ExitPaths.Exit::leaves))
            .orElse(false);
  }

  /**
   * The trees whose evaluation means the method waits on the channel: each waiting receive in
   * the root's own code, each select that surely receives ({@link #surelyReceivingSelects}), and
   * the condition of each loop around a waiting receive.
   */
  public Set<Tree> waitingReceives(List<Use> all) {
    Set<Tree> trees = new HashSet<>(surelyReceivingSelects(all));
    for (Use use : all) {
      if (use.unit() != uses.root() || use.kind() != Kind.RECEIVE || !waits(use)) {
        continue;
      }
      trees.add(use.ident());
      if (!use.inLoop()) {
        continue;
      }
      for (TreePath p = pathTo(use.ident()); p != null && p.getLeaf() != uses.root();
          p = p.getParentPath()) {
        Tree condition = switch (p.getLeaf()) {
          case WhileLoopTree loop -> loop.getCondition();
          case ForLoopTree loop -> loop.getCondition();
          case EnhancedForLoopTree loop -> loop.getExpression();
          case DoWhileLoopTree loop -> null; // its body runs at least once
          default -> null;
        };
        if (condition instanceof ExpressionTree expression) {
          trees.add(ASTHelpers.stripParentheses(expression));
        }
      }
    }
    return trees;
  }

  /**
   * What each tree of the root's own code costs a path in values received from the channel whose
   * uses are {@code all}, for {@link dev.goconc.checker.flow.ExitPaths#exitsWithin}: a waiting
   * receive that runs once costs 1; a loop that receives (its condition, or a for-each over the
   * channel) is taken to receive everything sent, so reaching it ends the path ({@code BLOCKS});
   * everything else costs 0. A receive that may not happen (a select case with a way out, a
   * {@code tryReceive}) costs 0; so does one that can give up waiting ({@link
   * ChannelKind#receiveMayGiveUp}: a queue's timed {@code poll}) when the root's own code
   * receives from the channel in no other way: the root then can stop waiting and leave with
   * nothing. Where it also takes, the path that polls and then takes on a timeout is not told
   * from the one that polled a value, so the poll counts as one, on the quiet side.
   */
  public ToIntFunction<Tree> receiveCost(List<Use> all) {
    Set<Tree> receivesAll = new HashSet<>();
    Set<Tree> receivesOne = new HashSet<>(surelyReceivingSelects(all));
    List<Use> waiting = all.stream()
        .filter(use -> use.unit() == uses.root() && use.kind() == Kind.RECEIVE && waits(use))
        .toList();
    boolean onlyGivingUp = waiting.stream().allMatch(this::mayGiveUpOnce);
    for (Use use : waiting) {
      if (use.inLoop() || use.loopReceive()) {
        receivesAll.addAll(waitingReceives(List.of(use)));
        receivesAll.add(use.tree());
      } else if (!onlyGivingUp) {
        receivesOne.add(use.ident());
      }
    }
    return tree -> receivesAll.contains(tree) ? ExitPaths.BLOCKS
        : receivesOne.contains(tree) ? 1 : 0;
  }

  /** A receive, not repeated, that can give up waiting ({@link ChannelKind#receiveMayGiveUp}). */
  private boolean mayGiveUpOnce(Use use) {
    return !use.inLoop() && !use.loopReceive() && !use.selectCase() && use.via() == null
        && use.call() != null && uses.kind().receiveMayGiveUp(use.call(), state);
  }

  /**
   * Whether the goroutine body {@code goroutine} can be started more than once in one run of the
   * root: a launch in a loop or in-place callback ({@code keys.forEach(k -> Go.go(...))}), or a
   * task local launched from several places.
   */
  public boolean launchRepeats(Tree goroutine) {
    return launchTimes(goroutine) > 1;
  }


  /**
   * The most times the goroutine body {@code goroutine} is started in one run of the root: each
   * launch's {@link Repetition#times}, added up over the launches of a task local.
   */
  public int launchTimes(Tree goroutine) {
    TreePath body = pathTo(goroutine);
    if (body == null) {
      return SendCounts.UNBOUNDED;
    }
    if (goroutine instanceof MemberReferenceTree) {
      return Repetition.times(body, uses.root(), state);
    }
    List<MethodInvocationTree> launches = GoroutineBodies.launchesOf(body, state);
    int times = launches.isEmpty() ? SendCounts.UNBOUNDED : 0;
    for (MethodInvocationTree launch : launches) {
      TreePath launchPath = pathTo(launch);
      times = SendCounts.plus(times, launchPath == null ? SendCounts.UNBOUNDED
          : Repetition.times(launchPath, uses.root(), state));
    }
    return times;
  }

  /** The path of the one launch of {@code goroutine}, or null when it has none or several. */
  public TreePath launchPath(Tree goroutine) {
    TreePath body = pathTo(goroutine);
    if (body == null) {
      return null;
    }
    if (goroutine instanceof MemberReferenceTree) {
      return body.getParentPath();
    }
    List<MethodInvocationTree> launches = GoroutineBodies.launchesOf(body, state);
    return launches.size() == 1
        ? GoroutineBodies.inOwnCode(pathTo(launches.get(0)), uses.root())
        : null;
  }

  /**
   * Whether {@code outer} contains {@code inner}, a tree other than itself. By identity: without
   * the compilation's end positions, javac places the end of a loop or an expression at its
   * start.
   */
  public static boolean encloses(Tree outer, Tree inner) {
    return outer != inner && contains(outer, inner);
  }

  /**
   * Whether {@code loop} receives on a stop signal: a channel no code in {@code everywhere} sends
   * on, and that is either closed there or carries nothing but its close ({@code Void}, the
   * idiom's element type). A channel of values that the unit only receives from (a parameter fed
   * by the caller: {@code RecvChan<Long> heartbeats}) is data, not a way to stop the loop.
   */
  public static boolean receivesOnDoneChannel(Tree loop, ChannelUses everywhere) {
    for (var entry : everywhere.byChannel().entrySet()) {
      boolean receivedInLoop = entry.getValue().stream()
          .anyMatch(u -> u.kind() == Kind.RECEIVE && contains(loop, u.tree()));
      if (receivedInLoop && everywhere.isDoneChannel(entry.getKey())
          && (everywhere.any(entry.getKey(), Kind.CLOSE) || carriesNothing(entry.getKey()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean carriesNothing(VarSymbol channel) {
    List<com.sun.tools.javac.code.Type> arguments = channel.type.getTypeArguments();
    return arguments.size() == 1
        && arguments.get(0).tsym.getQualifiedName().contentEquals("java.lang.Void");
  }

  public static boolean contains(Tree outer, Tree inner) {
    boolean[] found = new boolean[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == inner) {
          found[0] = true;
        }
        return found[0] ? null : super.scan(tree, null);
      }
    }.scan(outer, null);
    return found[0];
  }
}
