package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.flow.SourceOrder;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A wait that cannot return because what it waits for waits on it: goroutines that a {@code
 * WaitGroup} (or an {@code ErrGroup}) counts can send on a channel before they are done, only the
 * waiting code receives from the channel, and it receives only after the {@code await()}. Once
 * the senders have filled the buffer, they wait for a receive that comes after an await that
 * waits for them, and neither side moves (Go's "{@code wg.Wait()} before reading the results",
 * and its error-channel twin: {@code catch (E e) { errs.send(e); }} before {@code wg.done()}).
 *
 * <p>Read from the channel's model ({@link ChannelUses}) in the code that makes it, for a channel
 * only goroutines send on and only that code receives from ({@link
 * AbandonedSenders#onlyGoroutinesSend}). A goroutine takes part when it is counted on the group
 * (started by {@code group.go(...)}, or its own code calls {@code group.done()}) and a path of its
 * body reaches a send that waits before any {@code done()} (before its end, for {@code
 * group.go}); the exception of a call where the work may fail ({@link FailingWork}) leads into
 * the {@code catch} that takes it, so a send there counts. Each such goroutine counts one send:
 * the question is whether the await can stall, as the abandoned sender's is whether a send can
 * be left. An await on the group stalls when no receive of the channel can be reached from the
 * goroutine's launch before it, and the goroutines so launched can send more than the buffer
 * holds: one is enough for an unbuffered channel; a buffered one needs goroutines launched again
 * and again (a loop, a callback) or more goroutines than slots, and, for an await in the loop
 * that launches them, no receive anywhere in that loop (a receive after each round's await
 * empties the slot).
 */
public final class StalledAwaits {
  private StalledAwaits() {}

  /**
   * An await that may never return: {@code await} on {@code group} waits for the goroutine started
   * by {@code launch}, which can first make {@code send} on {@code channel}; {@code sent} values
   * ({@link SendCounts#UNBOUNDED}: any number) can be sent before the await returns, into a buffer
   * that holds fewer; {@code launchLoop}, when not null, is the loop that both launches the
   * goroutines and holds the await.
   */
  public record Stall(
      MethodInvocationTree await, VarSymbol group, VarSymbol channel, Tree send, Tree launch,
      int sent, Tree launchLoop) {}

  /**
   * The stalls of the channels made in the root at {@code rootPath} (a method, lambda or
   * initializer block) that never leave it and whose capacity is a constant.
   */
  public static List<Stall> inRoot(TreePath rootPath, VisitorState state) {
    ChannelUses uses = ChannelUses.in(rootPath, state);
    List<Stall> stalls = new ArrayList<>();
    for (VarSymbol channel : uses.byChannel().keySet()) {
      List<Use> all = uses.of(channel);
      Optional<Use> make = uses.madeHere(channel);
      if (make.isEmpty() || all.stream().anyMatch(u -> u.kind() == Kind.ESCAPE)) {
        continue;
      }
      OptionalInt capacity = ChannelUses.capacity(make.get().call());
      if (capacity.isPresent()) {
        stalls.addAll(of(all, capacity.getAsInt(), new ChannelWaits(uses, state), state));
      }
    }
    return stalls;
  }

  /** The stalls of one channel, whose uses are {@code all}, made with {@code capacity} slots. */
  public static List<Stall> of(List<Use> all, int capacity, ChannelWaits ops, VisitorState state) {
    Tree root = ops.uses().root();
    if (!AbandonedSenders.onlyGoroutinesSend(all, root) || !awaitsAGroup(root, state)) {
      return List.of();
    }
    Set<Tree> receives = identitySet();
    for (Use use : all) {
      if (use.unit() == root && use.kind() == Kind.RECEIVE) {
        receives.add(use.tree());
        receives.add(use.operation());
        if (use.ident() != null) {
          receives.add(use.ident());
        }
      }
    }
    if (receives.isEmpty()) {
      return List.of(); // nothing receives at all: the abandoned sender's question
    }
    Map<Tree, Set<Tree>> sendsByGoroutine = new LinkedHashMap<>();
    for (Use use : all) {
      if (use.unit() != root && use.kind() == Kind.SEND && ops.blocks(use)) {
        sendsByGoroutine.computeIfAbsent(use.unit(), k -> identitySet()).add(use.operation());
      }
    }
    Optional<ExitPaths> rootPaths = Optional.empty();
    Map<MethodInvocationTree, List<Sender>> byAwait = new LinkedHashMap<>();
    for (Map.Entry<Tree, Set<Tree>> entry : sendsByGoroutine.entrySet()) {
      Optional<Sender> sender = sender(entry.getKey(), entry.getValue(), ops, state);
      if (sender.isEmpty()) {
        continue;
      }
      if (rootPaths.isEmpty()) {
        rootPaths = ExitPaths.of(ops.uses().rootPath(), state);
        if (rootPaths.isEmpty()) {
          return List.of();
        }
      }
      Tree launch = sender.get().launch();
      VarSymbol group = sender.get().group();
      for (Tree reached : rootPaths.get().reachedAvoiding(
          launch, t -> isAwaitOn(t, group, state), receives::contains)) {
        boolean receivesFirst = !rootPaths.get()
            .reachedAvoiding(launch, receives::contains, t -> t == reached).isEmpty();
        if (!receivesFirst) {
          byAwait.computeIfAbsent((MethodInvocationTree) reached, k -> new ArrayList<>())
              .add(sender.get());
        }
      }
    }
    List<Stall> stalls = new ArrayList<>();
    byAwait.forEach((await, senders) ->
        stalled(await, senders, all.get(0).channel(), capacity, receives, ops)
            .ifPresent(stalls::add));
    return stalls;
  }

  /** A goroutine that can send before it is done, where it is launched, and its group. */
  private record Sender(Tree goroutine, Tree send, TreePath launchPath, VarSymbol group) {
    Tree launch() {
      return launchPath.getLeaf();
    }
  }

  private static Optional<Stall> stalled(MethodInvocationTree await, List<Sender> senders,
      VarSymbol channel, int capacity, Set<Tree> receives, ChannelWaits ops) {
    Tree root = ops.uses().root();
    int sent = 0;
    Tree launchLoop = null;
    for (Sender sender : senders) {
      sent = SendCounts.plus(sent, ops.launchTimes(sender.goroutine()));
      Tree loop = loopAround(sender.launchPath(), await, root);
      if (loop != null) {
        if (capacity > 0 && receives.stream().anyMatch(r -> ChannelWaits.encloses(loop, r))) {
          return Optional.empty(); // each round's await may find its slot emptied
        }
        launchLoop = loop;
      }
    }
    if (sent != SendCounts.UNBOUNDED && sent <= capacity) {
      return Optional.empty();
    }
    Sender first = senders.get(0);
    return Optional.of(
        new Stall(await, first.group(), channel, first.send(), first.launch(), sent, launchLoop));
  }

  /** The innermost loop of the root's own code around {@code launch} that also holds {@code await}. */
  private static Tree loopAround(TreePath launch, Tree await, Tree root) {
    for (TreePath p = launch; p != null && p.getLeaf() != root; p = p.getParentPath()) {
      if (SourceOrder.isLoop(p.getLeaf()) && ChannelWaits.encloses(p.getLeaf(), await)) {
        return p.getLeaf();
      }
    }
    return null;
  }

  /**
   * The goroutine {@code goroutine} as a sender that can make one of {@code sends} before it is
   * done: the first such send, its one launch, and the group that counts it.
   */
  private static Optional<Sender> sender(
      Tree goroutine, Set<Tree> sends, ChannelWaits ops, VisitorState state) {
    TreePath body = ops.pathTo(goroutine);
    TreePath launchPath = ops.launchPath(goroutine);
    if (body == null || launchPath == null
        || !(goroutine instanceof LambdaExpressionTree || goroutine instanceof MethodTree)) {
      return Optional.empty();
    }
    List<MethodInvocationTree> launches = GoroutineBodies.launchesOf(body, state);
    if (launches.size() != 1) {
      return Optional.empty();
    }
    MethodInvocationTree launch = launches.get(0);
    boolean countedByLaunch = GoconcApi.WAIT_GROUP_GO.matches(launch, state)
        || GoconcApi.ERR_GROUP_GO.matches(launch, state);
    Map<VarSymbol, Set<Tree>> dones = new LinkedHashMap<>();
    if (!countedByLaunch) {
      for (WaitGroupGoroutines.GroupCall done :
          WaitGroupGoroutines.callsIn(body, GoconcApi.WAIT_GROUP_DONE, state)) {
        dones.computeIfAbsent(done.group(), k -> identitySet()).add(done.call());
      }
    } else if (WaitGroupGoroutines.groupOf(launch) instanceof VarSymbol group) {
      dones.put(group, Set.of()); // done when the body ends
    }
    if (dones.isEmpty()) {
      return Optional.empty(); // no group waits for it
    }
    Optional<ExitPaths> paths = ExitPaths.of(body, state);
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    for (Map.Entry<VarSymbol, Set<Tree>> entry : dones.entrySet()) {
      Set<Tree> calls = entry.getValue();
      // A send some path reaches before the count-down, a catch's included (the catch exists
      // for the exception of a call where the work may fail).
      List<Tree> sendsFirst = paths.get().reachedAvoidingThrows(null, sends::contains,
          calls::contains, t -> FailingWork.mayFail(t, state) && !sends.contains(t));
      if (!sendsFirst.isEmpty()) {
        return Optional.of(new Sender(goroutine, sendsFirst.get(0), launchPath, entry.getKey()));
      }
    }
    return Optional.empty();
  }

  private static final UnitMemo.Fact<Boolean> AWAITS_A_GROUP = new UnitMemo.Fact<>("awaitsAGroup");
  private static final Matcher<ExpressionTree> GROUP_AWAIT =
      Matchers.anyOf(GoconcApi.WAIT_GROUP_AWAIT, GoconcApi.ERR_GROUP_AWAIT);

  /** Whether the root's own code awaits a WaitGroup or an ErrGroup at all: the cheap reading. */
  private static boolean awaitsAGroup(Tree root, VisitorState state) {
    return UnitMemo.get(state, AWAITS_A_GROUP, root, () ->
        Calls.anyInOwnCode(CodeRoots.codeOf(root), GROUP_AWAIT, state));
  }

  private static boolean isAwaitOn(Tree tree, VarSymbol group, VisitorState state) {
    return tree instanceof MethodInvocationTree call
        && GROUP_AWAIT.matches(call, state)
        && WaitGroupGoroutines.groupOf(call) == group;
  }

  private static Set<Tree> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
