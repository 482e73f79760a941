package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.flow.ReceiveAhead;
import dev.goconc.checker.flow.SourceOrder;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The abandoned sender, for any {@link ChannelKind}: goroutines (tasks) started in the root that
 * send on a channel only the root receives from, and a path on which the root leaves while they
 * still have values to send that the buffer cannot hold, so they wait for ever.
 *
 * <p>{@link #counted} is GCatch's constraint without a solver (GoroutineLeak's question): sends
 * are counted per goroutine at their most ({@link SendCounts}; a goroutine launched repeatedly,
 * or sending from a loop or callback, sends unboundedly many); receives along each path at their
 * least (a receive once costs one, a receiving loop is taken to receive all). Each goroutine's
 * launch is a start; the goroutines counted with it are those launched on a path to it with no
 * receive in between.
 *
 * <p>{@link #leftEarly} asks what {@link #counted} leaves out by taking a receiving loop to
 * receive all: a loop that receives once and then leaves the root from its body (a {@code
 * return}, a {@code throw}, a {@code break} to an exit) while the goroutines can still send more
 * than the buffer holds. Senders that end with a marker ({@link #endWithMarker}: a poison pill, a
 * last value) tell the receiving loop when they are done; a rule leaves such loops alone.
 */
public final class AbandonedSenders {
  private AbandonedSenders() {}

  /**
   * An abandoned send: {@code send} (of the goroutine started by {@code launch}) waits for ever
   * when the root leaves at {@code exit}; {@code sent} sends ({@link SendCounts#UNBOUNDED}: any
   * number) meet a buffer that holds fewer, and the root received some ({@code receivesSome}) or
   * none on the way.
   */
  public record Leak(Tree send, Tree launch, ExitPaths.Exit exit, int sent, boolean receivesSome) {}

  /** The senders of {@code channel}, counted: each goroutine, its sends and its launch. */
  private record Senders(
      Map<Tree, Set<Tree>> sendsByGoroutine,
      Map<Tree, Integer> sends,
      Map<Tree, TreePath> launches,
      int total) {}

  /**
   * Whether the uses {@code all} of {@code channel} have the shape the abandoned sender asks
   * about: the root only receives, goroutines only send.
   */
  public static boolean onlyGoroutinesSend(List<Use> all, Tree root) {
    return all.stream().noneMatch(u -> u.unit() == root ? u.kind() == Kind.SEND
        : u.kind() == Kind.RECEIVE);
  }

  private static Senders senders(List<Use> all, ChannelWaits ops, VisitorState state) {
    return senders(all, ops, ops::launchTimes, state);
  }

  /** As above, each goroutine started {@code launchTimes} times. */
  private static Senders senders(List<Use> all, ChannelWaits ops,
      ToIntFunction<Tree> launchTimes, VisitorState state) {
    Map<Tree, Set<Tree>> sendsByGoroutine = new LinkedHashMap<>();
    for (Use use : all) {
      if (use.kind() == Kind.SEND && ops.blocks(use)) {
        sendsByGoroutine.computeIfAbsent(use.unit(), k -> new LinkedHashSet<>())
            .add(use.operation());
      }
    }
    Map<Tree, Integer> sends = new LinkedHashMap<>();
    Map<Tree, TreePath> launches = new LinkedHashMap<>();
    int total = 0;
    for (Map.Entry<Tree, Set<Tree>> entry : sendsByGoroutine.entrySet()) {
      Tree goroutine = entry.getKey();
      ToIntFunction<Tree> weight = ChannelUses.operationsAt(all);
      int count = goroutine instanceof MemberReferenceTree
          ? entry.getValue().size()
          : sendCount(goroutine, entry.getValue(), weight, ops, state);
      if (count > 1 && count != SendCounts.UNBOUNDED
          && (goroutine instanceof LambdaExpressionTree || goroutine instanceof MethodTree)) {
        int counted = count;
        count = ExitPaths.of(ops.pathTo(goroutine), state)
            .map(body -> Math.min(counted,
                SendCounts.maxOnAPath(body, entry.getValue(), weight)))
            .orElse(count);
      }
      count = count > 0 ? Repetition.multiply(count, launchTimes.applyAsInt(goroutine)) : count;
      sends.put(goroutine, count);
      total = SendCounts.plus(total, count);
      TreePath launch = ops.launchPath(goroutine);
      if (launch != null) {
        launches.put(goroutine, launch);
      }
    }
    return new Senders(sendsByGoroutine, sends, launches, total);
  }

  /**
   * The counted question (see the class comment), for a channel only goroutines send on and only
   * the root receives from ({@link #onlyGoroutinesSend}); {@code stops} marks the trees of the
   * root after which no sender can be left waiting (a {@code shutdownNow()} that interrupts them):
   * a path through one is not judged.
   */
  public static Optional<Leak> counted(List<Use> all, int capacity, ChannelWaits ops,
      Predicate<Tree> stops, VisitorState state) {
    return counted(all, capacity, ops, stops, false, state).stream().findFirst();
  }

  /**
   * {@link #counted}, and then every later launch whose goroutine can be left waiting by itself:
   * counting its own sends only, a path from its launch leaves receiving fewer than the buffer
   * does not hold, and the method reaches it from the launches already found only through a
   * receive on the channel (a later batch, launched after looking at what came back). The first
   * leak names the send of the earliest goroutine counted with it, as {@link #counted} does; each
   * later one names its own. Goroutines that only together outrun
   * the receives (three first-answer launches, one receive) are one mistake and one finding; a
   * second launch the method can abandon on a path of its own (a hedged request's second
   * attempt, after the first was given up on) is a second mistake and a second finding.
   */
  public static List<Leak> countedEach(List<Use> all, int capacity, ChannelWaits ops,
      Predicate<Tree> stops, VisitorState state) {
    return counted(all, capacity, ops, stops, true, state);
  }

  private static List<Leak> counted(List<Use> all, int capacity, ChannelWaits ops,
      Predicate<Tree> stops, boolean each, VisitorState state) {
    Senders senders = senders(all, ops, state);
    if (senders.total() <= capacity) {
      return List.of();
    }
    Tree root = ops.uses().root();
    List<Leak> leaks = new ArrayList<>();
    Set<Tree> looked = null; // anyReceive, read once a later batch is asked about
    Set<Tree> receives = ops.waitingReceives(all);
    ToIntFunction<Tree> receiveCost = ops.receiveCost(all);
    ToIntFunction<Tree> cost =
        t -> stops.test(t) ? ExitPaths.BLOCKS : receiveCost.applyAsInt(t);
    Tree rootBody = CodeRoots.codeOf(root);
    BlockTree body = rootBody instanceof BlockTree block ? block : null;
    Optional<ExitPaths> paths = Optional.empty();
    for (Tree goroutine : senders.launches().keySet()) {
      TreePath launchPath = senders.launches().get(goroutine);
      if (body != null && ReceiveAhead.guaranteed(launchPath, body, receives)) {
        continue; // the method ranges over the channel before it can leave: no graph needed
      }
      if (paths.isEmpty()) {
        paths = ExitPaths.of(ops.uses().rootPath(), state);
        if (paths.isEmpty()) {
          return List.of();
        }
      }
      Tree launch = launchPath.getLeaf();
      int own = senders.sends().get(goroutine);
      int sent = own;
      Tree firstSender = goroutine;
      for (Tree earlier : senders.launches().keySet()) {
        if (earlier != goroutine && launchedBefore(senders.launches().get(earlier).getLeaf(),
            launch, receives, paths.get())) {
          sent = SendCounts.plus(sent, senders.sends().get(earlier));
          firstSender = firstSender == goroutine ? earlier : firstSender;
        }
      }
      // The first leak counts the goroutines launched with this one; a later one, its own sends
      // (see countedEach), and it names its own send.
      int judged = leaks.isEmpty() ? sent : own;
      Tree named = leaks.isEmpty() ? firstSender : goroutine;
      if (judged <= capacity) {
        continue;
      }
      if (!leaks.isEmpty()) {
        // A later batch only: every path from the leaking launches to this one receives first.
        if (looked == null) {
          looked = anyReceive(all, root);
        }
        boolean sameBatch = false;
        for (Leak leak : leaks) {
          sameBatch |= launchedBefore(leak.launch(), launch, looked, paths.get());
        }
        if (sameBatch) {
          continue;
        }
      }
      // Unboundedly many sends outrun any finite number of receives; a finite number needs a
      // path that receives no more than the sends beyond the buffer, less one.
      List<ExitPaths.Exit> exits = judged == SendCounts.UNBOUNDED
          ? paths.get().exitsWithin(launch,
              t -> cost.applyAsInt(t) == ExitPaths.BLOCKS ? ExitPaths.BLOCKS : 0, 0)
          : paths.get().exitsWithin(launch, cost, judged - capacity - 1);
      Optional<ExitPaths.Exit> exit = exits.stream().filter(ExitPaths.Exit::leaves).findFirst();
      if (exit.isPresent()) {
        Tree send = senders.sendsByGoroutine().get(named).iterator().next();
        if (leaks.stream().anyMatch(leak -> leak.send() == send)) {
          continue;
        }
        boolean receivesSome = !paths.get().exitsAvoiding(launch, receives::contains).stream()
            .anyMatch(e -> e.kind() == exit.get().kind() && e.tree() == exit.get().tree());
        leaks.add(new Leak(send, launch, exit.get(), sent, receivesSome));
        if (!each) {
          break;
        }
      }
    }
    return leaks;
  }

  /**
   * The counted question for a channel made anew each round of a loop ({@link
   * ChannelUses#madeEachRound}): the goroutines a round starts send into that round's channel
   * only, and the round is over where the root leaves or where the next round makes a new
   * channel. A path from a launch to either that receives nothing strands every send beyond the
   * buffer (GoKer's grpc#660: a select that also takes a stop case). Launches are counted per
   * round; {@link Leak#exit} is null when the path ends at the next round.
   */
  public static Optional<Leak> perRound(List<Use> all, int capacity, ChannelUses.Round round,
      ChannelWaits ops, VisitorState state) {
    Tree root = ops.uses().root();
    Senders senders = senders(all, ops, goroutine -> {
      TreePath launch = ops.launchPath(goroutine);
      return launch == null ? SendCounts.UNBOUNDED
          : Repetition.times(launch, round.loop().getLeaf(), state);
    }, state);
    if (senders.total() <= capacity || senders.launches().size() != senders.sends().size()) {
      return Optional.empty(); // room for all, or a sender the model cannot place in the round
    }
    Set<Tree> receives = new java.util.HashSet<>();
    all.stream().filter(u -> u.unit() == root && u.kind() == Kind.RECEIVE && ops.waits(u))
        .forEach(u -> receives.add(u.ident()));
    receives.addAll(ops.surelyReceivingSelects(all));
    int total = senders.total();
    Optional<ExitPaths> paths = ExitPaths.of(ops.uses().rootPath(), state);
    Tree nextMake = round.make().made();
    for (Map.Entry<Tree, TreePath> entry : senders.launches().entrySet()) {
      Tree launch = entry.getValue().getLeaf();
      Tree send = senders.sendsByGoroutine().get(entry.getKey()).iterator().next();
      Optional<ExitPaths.Exit> exit = paths.flatMap(p -> p
          .exitsAvoiding(launch, receives::contains).stream()
          .filter(ExitPaths.Exit::leaves).findFirst());
      if (exit.isPresent()) {
        return Optional.of(new Leak(send, launch, exit.get(), total, false));
      }
      boolean nextRound = paths.map(p -> !p.reachedAvoiding(launch, t -> t == nextMake,
          receives::contains).isEmpty()).orElse(false);
      if (nextRound) {
        return Optional.of(new Leak(send, launch, null, total, false));
      }
    }
    return Optional.empty();
  }

  /**
   * The early leave (see the class comment): a waiting receive {@code receive} (one of {@code
   * all}, chosen by {@code starts}) in a loop of the root, reached from a launch with no other
   * receive on the way, after which the root can leave from inside the loop, receiving fewer values
   * than the goroutines launched before it can send beyond the buffer. The loop going round is
   * taken to receive all, as in {@link #counted}; {@code stops} as there; only the exits {@code
   * judged} accepts are reported.
   */
  public static Optional<Leak> leftEarly(List<Use> all, int capacity, ChannelWaits ops,
      Predicate<Use> starts, Predicate<Tree> stops,
      java.util.function.BiPredicate<Use, ExitPaths.Exit> judged, VisitorState state) {
    Tree root = ops.uses().root();
    Senders senders = senders(all, ops, state);
    if (senders.total() <= capacity) {
      return Optional.empty();
    }
    Set<Tree> receiveIdents = new java.util.HashSet<>();
    for (Use use : all) {
      if (use.unit() == root && use.kind() == Kind.RECEIVE && ops.waits(use)) {
        receiveIdents.add(use.ident());
      }
    }
    ToIntFunction<Tree> receiveCost = ops.receiveCost(all);
    ToIntFunction<Tree> cost =
        t -> stops.test(t) ? ExitPaths.BLOCKS : receiveCost.applyAsInt(t);
    Optional<ExitPaths> paths = Optional.empty();
    for (Use receive : all) {
      if (receive.unit() != root || receive.kind() != Kind.RECEIVE
          || !(receive.inLoop() || receive.loopReceive())
          || receive.ident() == null || !ops.waits(receive) || !starts.test(receive)) {
        continue;
      }
      if (paths.isEmpty()) {
        paths = ExitPaths.of(ops.uses().rootPath(), state);
        if (paths.isEmpty()) {
          return Optional.empty();
        }
      }
      int sent = 0;
      Tree firstSender = null;
      Tree firstLaunch = null;
      for (Tree goroutine : senders.launches().keySet()) {
        Tree launch = senders.launches().get(goroutine).getLeaf();
        boolean reaches = !paths.get().reachedAvoiding(launch, t -> t == receive.ident(),
            t -> t != receive.ident() && (receiveIdents.contains(t) || stops.test(t))).isEmpty();
        if (reaches) {
          sent = SendCounts.plus(sent, senders.sends().get(goroutine));
          firstSender = firstSender == null ? goroutine : firstSender;
          firstLaunch = firstLaunch == null ? launch : firstLaunch;
        }
      }
      // Leaving after this receive and k more leaves sent - 1 - k values unreceived.
      if (firstSender == null || (sent != SendCounts.UNBOUNDED && sent - 1 <= capacity)) {
        continue;
      }
      // From just after this receive: its own trees cost nothing more; going round the loop
      // (its condition) is taken to receive all.
      ToIntFunction<Tree> after =
          t -> t == receive.ident() || t == receive.tree() ? 0 : cost.applyAsInt(t);
      List<ExitPaths.Exit> exits = sent == SendCounts.UNBOUNDED
          ? paths.get().exitsWithin(receive.ident(),
              t -> after.applyAsInt(t) == ExitPaths.BLOCKS ? ExitPaths.BLOCKS : 0, 0)
          : paths.get().exitsWithin(receive.ident(), after, sent - capacity - 2);
      Optional<ExitPaths.Exit> exit =
          exits.stream().filter(ExitPaths.Exit::leaves).filter(e -> judged.test(receive, e))
              .findFirst();
      if (exit.isPresent()) {
        Tree send = senders.sendsByGoroutine().get(firstSender).iterator().next();
        return Optional.of(new Leak(send, firstLaunch, exit.get(), sent, true));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the senders are independent goroutines that each send one value at most, two or more
   * of them (one launched repeatedly, or several): the first answer wins shape. None of them can
   * stop on its own once the root has the values it needs: each waits until its value is taken.
   */
  public static boolean eachSendsOnce(List<Use> all, ChannelWaits ops, VisitorState state) {
    Tree root = ops.uses().root();
    Map<Tree, Set<Tree>> sendsByGoroutine = new LinkedHashMap<>();
    for (Use use : all) {
      if (use.kind() == Kind.SEND && use.unit() != root && ops.blocks(use)) {
        sendsByGoroutine.computeIfAbsent(use.unit(), k -> new LinkedHashSet<>())
            .add(use.operation());
      }
    }
    int goroutines = 0;
    ToIntFunction<Tree> weight = ChannelUses.operationsAt(all);
    for (Map.Entry<Tree, Set<Tree>> entry : sendsByGoroutine.entrySet()) {
      Tree goroutine = entry.getKey();
      if (!(goroutine instanceof LambdaExpressionTree || goroutine instanceof MethodTree)
          || sendCount(goroutine, entry.getValue(), weight, ops, state) != 1) {
        return false;
      }
      goroutines = SendCounts.plus(goroutines, ops.launchTimes(goroutine));
    }
    return goroutines == SendCounts.UNBOUNDED || goroutines > 1;
  }

  /**
   * Whether the loop around the plain receive {@code receive} can be left early on the value that
   * round received: a {@code return}, or a {@code break} out of the loop, under an {@code if}
   * whose condition reads the receive itself ({@code if (votes.receive() == NO) return false;}) or
   * the local it was stored in ({@code Quote q = quotes.receive(); if (!q.ok()) return ...}): the
   * first answer or the first error decides. A loop left on a count ({@code if (++got == n)
   * return got;}) has received what it expected, and does not qualify.
   */
  public static boolean leavesOnAValue(Use receive, ChannelWaits ops) {
    TreePath receivePath = receive.call() == null ? null : ops.pathTo(receive.call());
    if (receivePath == null) {
      return false;
    }
    Tree loop = null;
    Tree root = ops.uses().root();
    for (TreePath p = receivePath; p != null && p.getLeaf() != root; p = p.getParentPath()) {
      if (SourceOrder.isLoop(p.getLeaf())) {
        loop = p.getLeaf();
        break;
      }
    }
    if (loop == null) {
      return false;
    }
    Set<Object> values = new java.util.HashSet<>();
    values.add(receive.call());
    Tree holder = receivePath.getParentPath().getLeaf();
    if (holder instanceof VariableTree local) {
      values.add(ASTHelpers.getSymbol(local));
    } else if (holder instanceof AssignmentTree assignment
        && assignment.getExpression() == receive.call()) {
      values.add(ASTHelpers.getSymbol(assignment.getVariable()));
    }
    Tree receivingLoop = loop;
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        found[0] |= guardedBy(getCurrentPath(), receivingLoop, values);
        return super.visitReturn(tree, null);
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        TreePath target = SourceOrder.breakTarget(getCurrentPath());
        if (target != null && target.getLeaf() == receivingLoop) {
          found[0] |= guardedBy(getCurrentPath(), receivingLoop, values);
        }
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(pathOf(receivePath, loop), null);
    return found[0];
  }

  /** The path of {@code ancestor}, one of the trees on {@code path}. */
  private static TreePath pathOf(TreePath path, Tree ancestor) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == ancestor) {
        return p;
      }
    }
    return null;
  }

  /**
   * Whether an {@code if} between {@code path} and {@code loop} has a condition that reads one of
   * {@code values} (a receive call, or the symbol of the local holding its value).
   */
  private static boolean guardedBy(TreePath path, Tree loop, Set<Object> values) {
    for (TreePath p = path; p != null && p.getLeaf() != loop; p = p.getParentPath()) {
      if (p.getLeaf() instanceof IfTree guard && reads(guard.getCondition(),
          values)) {
        return true;
      }
    }
    return false;
  }

  private static boolean reads(Tree condition, Set<Object> values) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && (values.contains(tree)
            || (tree instanceof IdentifierTree id
                && values.contains(ASTHelpers.getSymbol(id))))) {
          found[0] = true;
          return null;
        }
        return super.scan(tree, null);
      }
    }.scan(condition, null);
    return found[0];
  }

  /**
   * The most sends among {@code sends} that one run of {@code unit} makes, each counting {@code
   * weight} ({@link ChannelUses#operationsAt} of the channel's uses).
   */
  public static int sendCount(Tree unit, Set<Tree> sends, ToIntFunction<Tree> weight,
      ChannelWaits ops, VisitorState state) {
    return SendCounts.max(unit, sends, callback -> {
      TreePath path = ops.pathTo(callback);
      return path == null ? SendCounts.UNBOUNDED : Repetition.callbackTimes(path, state);
    }, weight);
  }

  /**
   * The trees of the root's receives on the channel, any of them (a select case with a way out
   * too): where the method looks at what came back.
   */
  private static Set<Tree> anyReceive(List<Use> all, Tree root) {
    Set<Tree> trees = new HashSet<>();
    for (Use use : all) {
      if (use.unit() == root && use.kind() == Kind.RECEIVE) {
        trees.add(use.ident());
        trees.add(use.operation());
      }
    }
    return trees;
  }

  /**
   * Whether a path from the launch {@code earlier} reaches the launch {@code later} without
   * receiving from the channel: then the goroutines of both are running when the method leaves
   * after {@code later}, and their sends add up.
   */
  private static boolean launchedBefore(
      Tree earlier, Tree later, Set<Tree> receives, ExitPaths paths) {
    return !paths.reachedAvoiding(earlier, t -> t == later, receives::contains).isEmpty();
  }
  /**
   * Whether the senders (goroutines) end with a marker the root can wait for: a send of a {@code static
   * final} field that the root's own code names, a send of a literal outside the producer's
   * loops, or a send that runs once, after another send of the same producer or in a {@code
   * finally} block.
   */
  public static boolean endWithMarker(List<Use> all, Tree root, ChannelWaits ops) {
    for (Use send : all) {
      if (send.kind() != Kind.SEND || send.unit() == root
          || !(send.call() instanceof MethodInvocationTree call)
          || call.getArguments().isEmpty()) {
        continue;
      }
      ExpressionTree value = ASTHelpers.stripParentheses(call.getArguments().get(0));
      if ((value instanceof LiteralTree && !send.inLoop())
          || (ASTHelpers.getSymbol(value) instanceof VarSymbol constant
              && constant.getKind() == javax.lang.model.element.ElementKind.FIELD
              && ASTHelpers.isStatic(constant)
              && (constant.flags() & com.sun.tools.javac.code.Flags.FINAL) != 0
              && namesIt(root, send.unit(), constant))) {
        return true;
      }
      if (send.inLoop()) {
        continue;
      }
      boolean afterAnother = all.stream().anyMatch(other -> other != send
          && other.kind() == Kind.SEND && other.unit() == send.unit()
          && ASTHelpers.getStartPosition(other.operation())
              < ASTHelpers.getStartPosition(send.operation()));
      if (afterAnother || inFinally(ops.pathTo(send.operation()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether code of {@code root} outside the producer {@code producer} names {@code constant}. */
  private static boolean namesIt(Tree root, Tree producer, VarSymbol constant) {
    boolean[] found = new boolean[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return tree == producer || found[0] ? null : super.scan(tree, null);
      }

      @Override
      public Void visitIdentifier(com.sun.source.tree.IdentifierTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree) == constant;
        return null;
      }

      @Override
      public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree) == constant;
        return super.visitMemberSelect(tree, null);
      }
    }.scan(CodeRoots.codeOf(root), null);
    return found[0];
  }

  private static boolean inFinally(TreePath path) {
    Tree child = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree attempt && attempt.getFinallyBlock() == child
          && child != null) {
        return true;
      }
      if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof MethodTree) {
        return false;
      }
      child = p.getLeaf();
    }
    return false;
  }
}
