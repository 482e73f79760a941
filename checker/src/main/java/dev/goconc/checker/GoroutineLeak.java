package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.flow.LastRounds;
import dev.goconc.checker.flow.SourceOrder;
import dev.goconc.checker.model.AbandonedGenerators;
import dev.goconc.checker.model.AbandonedSenders;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.Cancellation;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import dev.goconc.checker.model.ChannelUses;
import dev.goconc.checker.model.ChannelWaits;
import dev.goconc.checker.model.CodeRoots;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.EndlessLoops;
import dev.goconc.checker.model.FieldChannelLeaks;
import dev.goconc.checker.model.FillLevels;
import dev.goconc.checker.model.FreshObjectBuffers;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.model.ReturnedChannels;
import dev.goconc.checker.model.SendCounts;
import dev.goconc.checker.model.StalledAwaits;
import dev.goconc.checker.util.SourceLines;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A goroutine that can block forever or never stop. These shapes, each a question to the model
 * of the method (or lambda, or initializer block) that makes the channel, or of the class that
 * keeps it in a field:
 *
 * <ul>
 *   <li>Abandoned sender — the counted question: can the goroutines started here send more values
 *       than the channel's buffer holds plus what the method receives on some path out? Sends are
 *       counted per goroutine at their most: a branch counts as its largest arm, a send in a loop,
 *       a {@code forEach} or a stream, or by method reference ({@code items.forEach(out::send)})
 *       as unboundedly many, and a goroutine launched in a loop or from a callback ({@code
 *       keys.forEach(k -> Go.go(...))}) as unboundedly many goroutines. Receives are counted on
 *       each path from a launch to an exit (return, explicit throw, the end of the body) at their
 *       least: a receive that runs once counts one; a loop that receives is taken to receive
 *       everything (so a path through it is never judged); a select case with a way out ({@code
 *       ctx.done()}, a timer, {@code otherwise}) may not receive and counts nothing. A {@code
 *       recvOk} case in a loop reads the close, and a timer or ticker case beside it is taken as a
 *       wake-up (a flush, an idle tick), not a way out: the loop receives until the close, as a
 *       {@code receiveOk} loop does (values would be needed to tell a flush from a deadline). The
 *       goroutines counted together are those launched on a path to the launch judged with no
 *       receive in between. First answer wins ({@code N} senders, one receive, unbuffered) and
 *       three senders into one slot with one receive are both leaks, each one finding. A later
 *       batch (a launch the method reaches from the leaking ones only through a receive on the
 *       channel) that it can abandon counting its own sends alone is a second finding, at its own
 *       send: a hedged request's second attempt, made after the wait for the first gave up, on a
 *       path that gives up on both ({@link
 *       dev.goconc.checker.model.AbandonedSenders#countedEach}). Fail fast: an explicit
 *       {@code throw} (one the method does not catch) from the round of a loop that receives with
 *       a plain {@code receive()}, or from the body of a for-each over the channel, leaves the
 *       senders that have not been received waiting ({@link
 *       dev.goconc.checker.model.AbandonedSenders#leftEarly}). First answer wins, in a loop: when
 *       the senders are goroutines that each send one value ({@link
 *       dev.goconc.checker.model.AbandonedSenders#eachSendsOnce}), none can stop on its own, so a
 *       {@code return} or a {@code break} to an exit that the loop takes on the value it received
 *       ({@code if (votes.receive() == NO) return false;}, {@link
 *       dev.goconc.checker.model.AbandonedSenders#leavesOnAValue}) strands the rest. A loop left
 *       on a count ({@code if (++seen == n) return}), one left only in the last round of a
 *       counted loop, and one producer streaming values, which may stop once the loop has what
 *       it needs (the model does not follow that), are not judged, nor is a loop whose senders
 *       end with a marker. A
 *       channel made anew in each
 *       round of a loop ({@code while (...) { Chan<T> done = Chan.make(); ... }}) is judged per
 *       round: its goroutines are counted per round, and the round is over where the method leaves
 *       or the next round makes a new channel; a round that can end without receiving (a select
 *       that also takes a timeout or stop case) strands them (GoKer's grpc#660).
 *   <li>Abandoned receiver, the mirror: a goroutine started once that must receive from the
 *       channel before it can end (every path of it passes a waiting receive), while only the
 *       method sends on and closes it, and the method has a path from the launch out on which it
 *       neither sends nor closes (for a goroutine that loops over the channel: does not close).
 *       A receive on a channel nothing ever sends on or closes waits forever too, in a goroutine
 *       or in the method itself (GoKer's grpc#1424).
 *   <li>Stalled sender ({@link dev.goconc.checker.model.StalledAwaits}): goroutines a {@code
 *       WaitGroup} or {@code ErrGroup} counts can send before they are done (a path of the body
 *       reaches a send that waits before its {@code done()}, or its end under {@code wg.go}; a
 *       send in the {@code catch} of a failing call too), and the method receives only after its
 *       {@code await()}: no receive can be reached from the launch before the await, and the
 *       goroutines so launched can send more than the buffer holds (one is enough when it is
 *       unbuffered; a loop of launches outruns any constant buffer). The senders wait for a
 *       receive behind an await that waits for them: Go's "{@code wg.Wait()} before reading the
 *       results", and the error channel read after the wait. An await inside the loop that
 *       launches them is WaitGroupAwaitInLaunchLoop's finding.
 *   <li>Unreceived send: the method itself sends on a local channel no goroutine touches, and the
 *       channel is unbuffered (or has fewer slots than sends and the method never receives, or
 *       a send finds the buffer already full of values the method has not yet received on every
 *       path that reaches it: {@link dev.goconc.checker.model.FillLevels}). A send that every
 *       path reaches only after the method's close does not wait: it throws, which is
 *       SendOnClosedChannel's finding, and is not counted.
 *   <li>A full buffer of an object not yet shared ({@link
 *       dev.goconc.checker.model.FreshObjectBuffers}): after {@code C x = new C()}, while the
 *       method's straight-line statements have not handed {@code x} to any other code, only they
 *       can use its channels; sends on a channel field of {@code x} made in its declaration,
 *       directly ({@code x.ch.send(v)}) or first thing in a method of {@code C} the call surely
 *       runs ({@code x.start()}), are counted, and the one that finds the buffer full (the first,
 *       on an unbuffered channel) waits for good (GoKer's cockroach#24808). The reading ends at the first statement that
 *       may share the object, or that does anything else with it.
 *   <li>Field channels ({@link dev.goconc.checker.model.FieldChannelLeaks}): an unbuffered
 *       channel field made with the object and used, in this file, through its name, {@code
 *       this.name}, or {@code x.name} for a variable {@code x} of its class (taken as the field
 *       of every object of the class at once). For a field no other file can name (private, or
 *       in a private class) and that only its own object names: a send that waits while no code
 *       of the class receives from it (GoKer's kubernetes#25331), and a receive that waits while
 *       nothing sends on or closes it — also when an accessor hands the field out as a {@code
 *       RecvChan} (nobody outside can feed it), with receives on the accessor's result counted
 *       as receives on the field (cockroach#25456: {@code
 *       store.stopper().shouldQuiesce().receive()}). For a private or package-private field: a
 *       send that waits, by the object's own code outside the one goroutine that receives the
 *       field, when every receive is a case of a select with another way out in a loop of that
 *       goroutine — written there, or in a method of the unit the goroutine passes the field to
 *       ({@code processEventsUntil(t.events, stopper)}), whose summary says so — the goroutine
 *       (the method) can end, and the field is never closed: once the loop has returned on its
 *       stop case, the send hangs (etcd#6857; cockroach#1462, where the send sits in a select's
 *       {@code otherwise} handler). A send through a variable ({@code c.inbox.send(m)}) is one
 *       step of a caller's program, not placed against the loop's end: not reported. Not
 *       judged: buffered fields, fields made later than the object ({@code start()}), fields
 *       named otherwise ({@code a.b.ch}) or that are public or protected, and fields an accessor
 *       or a lambda lets out (a receive-only accessor lets the field out for the receive
 *       question only).
 *   <li>Dropped channel ({@link dev.goconc.checker.model.ReturnedChannels}): a call, as a
 *       statement of its own, of a method of the unit that returns an unbuffered channel made
 *       there that only a goroutine it starts sends on, surely: nobody can receive, and the
 *       goroutine blocks for ever (GoKer's moby#4395).
 *   <li>Abandoned generator ({@link dev.goconc.checker.model.AbandonedGenerators}): a method of
 *       the unit returns a channel that one goroutine it starts feeds from a loop with sends that
 *       wait, and a caller takes one value from the call ({@code count(10).receive()}) or leaves
 *       its for-each over the call from the body (a {@code return}, {@code throw} or {@code
 *       break}): the goroutine's next send blocks for ever, as when Go's downstream stops
 *       consuming. A result held in a local counts the same when the code that declares the local
 *       reads it once (one receive, or one for-each not itself in a loop), through the local's
 *       aliases, and nothing else reads it there; passed on, stored, returned, captured by other
 *       code or read twice, it is not followed.
 *   <li>No exit: a goroutine body with an endless loop (no return, break or throw in it, nor a
 *       throw in a select case's handler, which runs in place) that never observes cancellation
 *       ({@link dev.goconc.checker.model.Cancellation}) nor receives on a stop signal: a channel
 *       nothing sends on that the unit closes, or a {@code Void} one (only its close carries
 *       anything). A channel of values the unit only receives from, such as a parameter the
 *       caller feeds ({@code RecvChan<Long> heartbeats}), is data and stops nothing. A body that
 *       only calls a method or constructor of this compilation unit ({@code () -> worker(ctx)},
 *       Go's {@code go worker(ctx)}; a method launched by reference that only delegates) is
 *       judged by that code's loops, a few calls deep.
 * </ul>
 *
 * <p>Goroutines are read in every form: a lambda, a method reference, an anonymous {@code
 * Runnable} or {@code Callable}, a task local that is only launched ({@code Runnable task = ...;
 * Go.go(task)}), started by {@code Go.go}, {@code WaitGroup.go}, {@code ErrGroup.go}/{@code
 * tryGo}, virtual threads, executors or {@code CompletableFuture.runAsync}, or by a method of the
 * unit that surely starts the {@code Runnable} it is given as a goroutine ({@code
 * stopper.runWorker(() -> ...)}; see {@link dev.goconc.checker.model.GoroutineBodies}). A channel
 * is followed through its aliases ({@code var c = ch}, {@code ch.recvOnly()}, {@code
 * ch.sendOnly()}, casts) and its captures, and into the methods of the compilation unit it is passed to: a call of a
 * method that sends on (or receives from, or closes) the channel it is given counts as those
 * operations, as many times as the method performs them ({@code Go.go(() -> query(r, out))} is a
 * sender; see {@link dev.goconc.checker.model.ParameterEffects}). Judged only for channels made in
 * the method that never escape it (stored, captured by code that may run elsewhere, passed to a
 * method that may be overridden, calls itself or keeps the channel: quiet, even where that misses
 * a leak), whose capacity is a constant. One escape is let through for the unreceived send: a channel the
 * method only returns is shared when the method is done, so the method's own sends on it come
 * first and block (GoKer's moby#33293). A send with a way out (trySend, a select with {@code
 * otherwise}, {@code ctx.done()}, a timer or a done channel) never blocks forever. The fix gives
 * the channel room for every send when their number is known.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A goroutine that can block forever on a channel nobody receives from, or that"
        + " loops forever without observing cancellation, leaks",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "GoroutineLeak.md",
    linkType = CUSTOM)
public final class GoroutineLeak extends BugChecker
    implements MethodTreeMatcher, MethodInvocationTreeMatcher, LambdaExpressionTreeMatcher,
        ClassTreeMatcher {

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethod(tree, state));
  }

  /**
   * A lambda is judged as a root of its own (a goroutine that makes a channel and starts
   * goroutines on it, a handler): the method around it sees its channels as made elsewhere.
   */
  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> {
      reportFullBuffers(tree.getBody(), state);
      return CodeRoots.insideCodeThatMakesChannels(state)
          ? analyseRoot(tree.getBody(), state)
          : Description.NO_MATCH;
    });
  }

  private Description analyseMethod(MethodTree tree, VisitorState state) {
    reportFullBuffers(tree.getBody(), state);
    return analyseRoot(tree.getBody(), state);
  }

  /** Sends into a full buffer of an object the code has made and not yet shared. */
  private void reportFullBuffers(Tree body, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)) {
      return;
    }
    List<FreshObjectBuffers.Full> found = FreshObjectBuffers.in(body, state);
    if (found.isEmpty()) {
      return;
    }
    // A send the field's own question reports already (nothing in the class receives) is not
    // reported twice.
    Set<Tree> fieldLeaks = FieldChannelLeaks.in(state).stream()
        .map(leak -> leak.at().use().operation())
        .collect(Collectors.toCollection(() -> Collections.newSetFromMap(new IdentityHashMap<>())));
    for (FreshObjectBuffers.Full full : found) {
      if (fieldLeaks.contains(full.send())) {
        continue;
      }
      String name = full.field().getSimpleName().toString();
      String object = full.made().getName().toString();
      state.reportMatch(buildDescription(full.send())
          .setMessage(String.format(
              "send on '%s' at line %d blocks forever: %s%s, and nothing can receive from it yet:"
                  + " '%s', made at line %d, has not been handed to any other code; start the"
                  + " receiver first, or send in a select with otherwise() when a full buffer"
                  + " already says enough",
              name, SourceLines.of(full.send(), state),
              full.capacity() == 0 ? "it is unbuffered"
                  : "its buffer of " + full.capacity() + " is already full",
              full.call() == null ? ""
                  : String.format(" when %s.%s() runs at line %d", object,
                      ASTHelpers.getSymbol(full.call()).getSimpleName(),
                      SourceLines.of(full.call(), state)),
              object, SourceLines.of(full.made(), state)))
          .build());
    }
  }

  /** A class's initializer blocks ({@code static { ... }}, {@code { ... }}) are roots too. */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> {
      CodeRoots.judgeInitializers(
          tree, state, block -> {
            reportFullBuffers(block.getPath().getLeaf(), block);
            analyseRoot(block.getPath().getLeaf(), block);
          });
      if (GoconcApi.mentionsRuntime(state)
          && state.getPath().getParentPath().getLeaf() instanceof CompilationUnitTree) {
        FieldChannelLeaks.in(state).forEach(leak -> state.reportMatch(describe(leak, state)));
      }
      return Description.NO_MATCH;
    });
  }

  private Description describe(FieldChannelLeaks.Leak leak, VisitorState state) {
    Tree at = leak.at().use().operation();
    String name = leak.field().symbol().getSimpleName().toString();
    String owner = leak.field().symbol().owner.getSimpleName().toString();
    long line = SourceLines.of(at, state);
    String message = switch (leak.shape()) {
      case NEVER_RECEIVED -> String.format(
          "send on '%s' at line %d blocks forever: no code of %s receives from '%s', a private"
              + " field that never leaves the class; start its receiver, or select on the send"
              + " with ctx.done()",
          name, line, owner, name);
      case NEVER_FED -> String.format(
          "receive on '%s' at line %d blocks forever: no code of %s sends on or closes '%s', a"
              + " private field that %s; close it when the awaited work is done, or select on"
              + " ctx.done() beside it",
          name, line, owner, name, leak.field().handedOut()
              ? "leaves the class only to be received from" : "never leaves the class");
      case RECEIVER_GONE -> String.format(
          "send on '%s' at line %d blocks forever once %s has ended (it can leave %s): only it"
              + " receives from '%s'; select on the send together with a channel that is closed"
              + " when it ends",
          name, line, goroutineName(leak.receiver(), state), leak.exit().where(state), name);
    };
    return buildDescription(at).setMessage(message).build();
  }

  private static String goroutineName(Tree body, VisitorState state) {
    return body instanceof MethodTree method
        ? method.getName() + "()"
        : "the goroutine started at line " + SourceLines.of(body, state);
  }

  /** The channels made in the method or lambda at {@code state}'s path, whose body is given. */
  private Description analyseRoot(Tree body, VisitorState state) {
    if (body == null
        || !GoconcApi.mentionsRuntime(state)
        || !Calls.makesChannel(body, state)) {
      return Description.NO_MATCH;
    }
    ChannelUses uses = ChannelUses.in(state.getPath(), state);
    for (VarSymbol channel : uses.byChannel().keySet()) {
      judgeChannel(channel, uses, state).forEach(state::reportMatch);
    }
    return Description.NO_MATCH;
  }

  private List<Description> judgeChannel(
      VarSymbol channel, ChannelUses uses, VisitorState state) {
    Optional<Use> make = uses.madeHere(channel);
    if (make.isPresent()) {
      List<Description> abandoned = abandonedSenders(channel, make.get(), uses, state);
      if (!abandoned.isEmpty()) {
        return abandoned;
      }
    }
    return judgeOnce(channel, uses, state).map(List::of).orElse(List.of());
  }

  /**
   * The counted question, GCatch's constraint without a solver, asked of the model: can the
   * goroutines send more values than the buffer holds plus what the method receives on some path
   * out? One finding per batch of launches that can be stranded ({@link
   * AbandonedSenders#countedEach}), for a channel the root makes and only goroutines send on.
   */
  private List<Description> abandonedSenders(
      VarSymbol channel, Use make, ChannelUses uses, VisitorState state) {
    List<Use> all = uses.of(channel);
    OptionalInt capacity = ChannelUses.capacity(make.call());
    if (capacity.isEmpty()
        || all.stream().anyMatch(u -> u.kind() == Kind.ESCAPE)
        || all.stream().noneMatch(u -> u.unit() != uses.root())
        || !AbandonedSenders.onlyGoroutinesSend(all, uses.root())) {
      return List.of();
    }
    ChannelWaits ops = new ChannelWaits(uses, state);
    return AbandonedSenders.countedEach(all, capacity.getAsInt(), ops, t -> false, state).stream()
        .map(leak -> describeAbandoned(channel, leak, capacity.getAsInt(), make.call(), state))
        .toList();
  }

  private Optional<Description> judgeOnce(
      VarSymbol channel, ChannelUses uses, VisitorState state) {
    List<Use> all = uses.of(channel);
    Optional<Use> make = uses.madeHere(channel);
    if (make.isEmpty()) {
      return uses.madeEachRound(channel)
          .flatMap(round -> abandonedEachRound(channel, all, round, uses, state));
    }
    // Returning the channel shares it only once the method is done: its own sends come first.
    boolean returned = all.stream()
        .anyMatch(u -> u.kind() == Kind.ESCAPE && u.tree() instanceof ReturnTree);
    if (all.stream().anyMatch(u -> u.kind() == Kind.ESCAPE && !(u.tree() instanceof ReturnTree))) {
      return Optional.empty();
    }
    if (!returned && all.stream().noneMatch(u -> u.kind() == Kind.SEND || u.kind() == Kind.CLOSE)) {
      return unfedReceive(channel, all, new ChannelWaits(uses, state), state);
    }
    OptionalInt capacity = ChannelUses.capacity(make.get().call());
    if (capacity.isEmpty()) {
      return Optional.empty();
    }
    ChannelWaits ops = new ChannelWaits(uses, state);
    boolean goroutinesUseIt = all.stream().anyMatch(u -> u.unit() != uses.root());
    if (goroutinesUseIt && returned) {
      return Optional.empty();
    }
    if (!goroutinesUseIt) {
      return unreceivedSend(channel, all, capacity.getAsInt(), ops, state);
    }
    return sendersLeftEarly(channel, all, make.get().call(), capacity.getAsInt(), ops, state)
        .or(() -> abandonedReceiver(channel, all, capacity.getAsInt(), ops, state))
        .or(() -> stalledSender(all, make.get().call(), capacity.getAsInt(), ops, state));
  }

  /**
   * A sender that waits on the await that waits for it ({@link StalledAwaits}): the goroutines a
   * group counts must send before they are done, and the method receives only after awaiting
   * them. An await inside the loop that launches them is WaitGroupAwaitInLaunchLoop's finding.
   */
  private Optional<Description> stalledSender(List<Use> all, MethodInvocationTree make,
      int capacity, ChannelWaits ops, VisitorState state) {
    return StalledAwaits.of(all, capacity, ops, state).stream()
        .filter(stall -> stall.launchLoop() == null)
        .findFirst()
        .map(stall -> {
          String name = stall.channel().getSimpleName().toString();
          boolean bounded = stall.sent() != SendCounts.UNBOUNDED;
          Description.Builder description = buildDescription(stall.send()).setMessage(
              String.format(
                  "goroutine sending on '%s' (line %d) blocks forever: %s.await() on line %d"
                      + " waits for it to finish, and the method receives from '%s' only after"
                      + " that await, while the buffer holds %d of %s sends; receive before"
                      + " awaiting (or in a goroutine of its own)%s",
                  name, SourceLines.of(stall.send(), state), stall.group().getSimpleName(),
                  SourceLines.of(stall.await(), state), name, capacity,
                  bounded ? String.valueOf(stall.sent()) : "unboundedly many",
                  bounded ? ", or make it Chan.make(" + stall.sent() + ")" : ""));
          if (bounded) {
            description.addFix(roomFor(make, stall.sent(), state));
          }
          return description.build();
        });
  }

  /**
   * The mirror of the abandoned sender: a goroutine started once that must receive from the
   * channel before it can end (every path of it passes a waiting receive; a for-each over the
   * channel must see it closed), while only the method sends on and closes it, and the method has
   * a path from the launch out that feeds it nothing — no send (for a plain receiver) and no
   * close. A buffered channel the method sends on before the launch is not judged (the value may
   * be waiting in the buffer).
   */
  private Optional<Description> abandonedReceiver(VarSymbol channel, List<Use> all, int capacity,
      ChannelWaits ops, VisitorState state) {
    Tree root = ops.uses().root();
    if (all.stream().anyMatch(u -> u.unit() != root
        && (u.kind() == Kind.SEND || u.kind() == Kind.CLOSE))) {
      return Optional.empty(); // goroutines feed it too
    }
    Map<Tree, List<Use>> receivesByGoroutine = new LinkedHashMap<>();
    for (Use use : all) {
      if (use.unit() != root && use.kind() == Kind.RECEIVE && ops.waits(use)) {
        receivesByGoroutine.computeIfAbsent(use.unit(), k -> new ArrayList<>()).add(use);
      }
    }
    Optional<ExitPaths> paths = Optional.empty();
    for (Map.Entry<Tree, List<Use>> entry : receivesByGoroutine.entrySet()) {
      Tree goroutine = entry.getKey();
      TreePath launch = ops.launchPath(goroutine);
      if (launch == null || ops.launchRepeats(goroutine)
          || !(goroutine instanceof LambdaExpressionTree || goroutine instanceof MethodTree)
          || (capacity > 0 && all.stream().anyMatch(u -> u.unit() == root
              && u.kind() == Kind.SEND
              && ASTHelpers.getStartPosition(u.operation())
                  < ASTHelpers.getStartPosition(launch.getLeaf())))) {
        continue;
      }
      boolean ranges = entry.getValue().stream().anyMatch(Use::loopReceive);
      if (ranges && all.stream().noneMatch(u -> u.kind() == Kind.CLOSE)) {
        continue; // a loop over a channel nothing closes: UnclosedChannel's finding
      }
      Set<Tree> receiving = new java.util.HashSet<>();
      entry.getValue().stream().filter(Use::surely).forEach(u -> receiving.add(u.ident()));
      boolean mustReceive = ExitPaths.of(ops.pathTo(goroutine), state)
          .map(body -> body.exitsFromEntryAvoiding(receiving::contains).stream()
              .noneMatch(ExitPaths.Exit::leaves))
          .orElse(false);
      if (!mustReceive) {
        continue;
      }
      Set<Tree> feeding = new java.util.HashSet<>();
      all.stream()
          .filter(u -> u.unit() == root
              && (u.kind() == Kind.CLOSE || (!ranges && u.kind() == Kind.SEND)))
          .forEach(u -> {
            feeding.add(u.ident());
            feeding.add(u.tree());
          });
      if (paths.isEmpty()) {
        paths = ExitPaths.of(state.getPath(), state);
        if (paths.isEmpty()) {
          return Optional.empty();
        }
      }
      Optional<ExitPaths.Exit> exit = paths.get()
          .exitsAvoiding(launch.getLeaf(), feeding::contains).stream()
          .filter(ExitPaths.Exit::leaves).findFirst();
      if (exit.isPresent()) {
        Tree receive = entry.getValue().get(0).operation();
        return Optional.of(buildDescription(receive).setMessage(String.format(
            "goroutine receiving on '%s' (line %d) blocks forever: the method can leave %s"
                + " without %s '%s'; %s",
            channel.getSimpleName(), SourceLines.of(receive, state),
            exit.get().named() == null
                ? "at line " + SourceLines.of(launch.getLeaf(), state)
                : exit.get().where(state),
            ranges ? "closing" : "sending on or closing", channel.getSimpleName(),
            ranges ? "close it in finally" : "close it in finally, or select on ctx.done() in"
                + " the goroutine")).build());
      }
    }
    return Optional.empty();
  }

  /**
   * The senders a receiving loop leaves behind when it leaves early ({@link
   * AbandonedSenders#leftEarly}), what the counted question ({@link #abandonedSenders}) leaves out
   * by taking a receiving loop to receive everything: a throw from its round (fail fast), or a
   * return or break on the value it received (first answer wins, in a loop).
   */
  private Optional<Description> sendersLeftEarly(VarSymbol channel, List<Use> all,
      MethodInvocationTree make, int capacity, ChannelWaits ops, VisitorState state) {
    if (!AbandonedSenders.onlyGoroutinesSend(all, ops.uses().root())) {
      return Optional.empty(); // another goroutine receives, or the method sends too
    }
    Optional<AbandonedSenders.Leak> leak = Optional.empty();
    Tree root = ops.uses().root();
    if (throwsFromAReceivingLoop(all, ops)
        && !AbandonedSenders.endWithMarker(all, root, ops)) {
      // Fail fast: a throw from the round of a receiving loop leaves the later senders waiting.
      // A for-each goes round without a node of its own: its throw must sit in its body.
      leak = AbandonedSenders.leftEarly(all, capacity, ops,
          u -> !u.selectCase()
              && (u.call() != null ? !u.loopReceive() : u.tree() instanceof EnhancedForLoopTree),
          t -> false,
          (receive, exit) -> exit.kind() == ExitPaths.Kind.THROW && exit.tree() != null
              && (receive.call() != null || ChannelWaits.encloses(receive.tree(), exit.tree())),
          state);
    }
    java.util.function.Predicate<Use> leavesOnAValue = u -> u.unit() == root
        && u.kind() == Kind.RECEIVE && u.inLoop() && u.call() != null && !u.loopReceive()
        && !u.selectCase() && AbandonedSenders.leavesOnAValue(u, ops);
    if (leak.isEmpty() && all.stream().anyMatch(leavesOnAValue)
        && AbandonedSenders.eachSendsOnce(all, ops, state)
        && !AbandonedSenders.endWithMarker(all, root, ops)) {
      // First answer wins: goroutines that each send one value cannot stop on their own, so a
      // loop that leaves on the value it received (a return, a break to an exit) strands the
      // rest, unless only the last round of a counted loop can leave.
      leak = AbandonedSenders.leftEarly(all, capacity, ops, leavesOnAValue,
          t -> false,
          (receive, exit) -> !inLastRound(exit, ops),
          state);
    }
    return leak.map(found -> describeAbandoned(channel, found, capacity, make, state));
  }
  /** Whether only the last round of a counted loop of the root can take {@code exit}. */
  private static boolean inLastRound(ExitPaths.Exit exit, ChannelWaits ops) {
    TreePath at = exit.statement() == null ? null : ops.pathTo(exit.statement());
    return at != null && LastRounds.lastRoundOf(at, ops.uses().root()).isPresent();
  }

  /**
   * Whether a loop of the root around a plain receive, or a for-each over the channel, holds a
   * {@code throw}: the cheap reading.
   */
  private static boolean throwsFromAReceivingLoop(List<Use> all, ChannelWaits ops) {
    Tree root = ops.uses().root();
    for (Use use : all) {
      if (use.unit() == root && use.kind() == Kind.RECEIVE
          && use.tree() instanceof EnhancedForLoopTree loop && holdsAThrow(loop)) {
        return true;
      }
      if (use.unit() != root || use.kind() != Kind.RECEIVE || !use.inLoop() || use.call() == null
          || use.ident() == null) {
        continue;
      }
      for (TreePath p = ops.pathTo(use.ident()); p != null && p.getLeaf() != root;
          p = p.getParentPath()) {
        Tree leaf = p.getLeaf();
        if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
          break;
        }
        if (SourceOrder.isLoop(leaf) && holdsAThrow(leaf)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean holdsAThrow(Tree loop) {
    return Boolean.TRUE.equals(new Calls.OwnCodeScanner() {
      @Override
      public Boolean visitThrow(com.sun.source.tree.ThrowTree tree, Void unused) {
        return true;
      }
    }.scan(loop, null));
  }

  /**
   * The abandoned sender's finding: where the method (or, per round, the round) can end short of
   * receiving, and the buffer that gives every send room when their number is known.
   */
  private Description describeAbandoned(VarSymbol channel, AbandonedSenders.Leak leak,
      int capacity, MethodInvocationTree make, VisitorState state) {
    int sent = leak.sent();
    String end = leak.exit() == null
        ? "the round can end without receiving (the next round makes a new '"
            + channel.getSimpleName() + "')"
        : String.format("the method can leave %s %s",
            leak.exit().named() == null
                ? "at line " + SourceLines.of(leak.launch(), state)
                : leak.exit().where(state),
            leak.receivesSome()
                ? "having received fewer values than were sent"
                : "without receiving");
    String message = String.format(
        "goroutine sending on '%s' (line %d) blocks forever: %s, and the buffer of '%s' holds"
            + " %d of %s sends; %s",
        channel.getSimpleName(), SourceLines.of(leak.send(), state), end,
        channel.getSimpleName(), capacity,
        sent == SendCounts.UNBOUNDED ? "unboundedly many" : String.valueOf(sent),
        sent == SendCounts.UNBOUNDED
            ? "receive on every path, or send inside a select with ctx.done()"
            : "make it Chan.make(" + sent + ") so every send has room");
    Description.Builder description = buildDescription(leak.send()).setMessage(message);
    if (sent != SendCounts.UNBOUNDED) {
      description.addFix(roomFor(make, sent, state));
    }
    return description.build();
  }

  /**
   * The abandoned sender of a channel made anew each round of a loop: a round can end — the
   * method leaves, or the next round makes a new channel — without receiving what the round's
   * goroutines send (a select that also takes a stop or timeout case).
   */
  private Optional<Description> abandonedEachRound(VarSymbol channel, List<Use> all,
      ChannelUses.Round round, ChannelUses uses, VisitorState state) {
    if (!(round.make().made() instanceof MethodInvocationTree make)) {
      return Optional.empty();
    }
    OptionalInt capacity = ChannelUses.capacity(make);
    if (capacity.isEmpty() || !AbandonedSenders.onlyGoroutinesSend(all, uses.root())
        || all.stream().anyMatch(u -> u.kind() == Kind.ESCAPE)) {
      return Optional.empty();
    }
    ChannelWaits ops = new ChannelWaits(uses, state);
    return AbandonedSenders.perRound(all, capacity.getAsInt(), round, ops, state)
        .map(leak -> describeAbandoned(channel, leak, capacity.getAsInt(), make, state));
  }

  /**
   * A receive that waits on a channel nothing ever sends on or closes (it never leaves this
   * method): the goroutine, or the method itself, waits forever (GoKer's grpc#1424). A loop over
   * such a channel is UnclosedChannel's finding.
   */
  private Optional<Description> unfedReceive(
      VarSymbol channel, List<Use> all, ChannelWaits ops, VisitorState state) {
    return all.stream()
        .filter(u -> u.kind() == Kind.RECEIVE && !u.loopReceive() && ops.waits(u))
        .findFirst()
        .map(receive -> {
          Tree at = receive.operation();
          return buildDescription(at).setMessage(String.format(
              "%s on '%s' at line %d blocks forever: nothing sends on or closes '%s', which"
                  + " never leaves this method; close it when the awaited work is done, or"
                  + " select on ctx.done() beside it",
              receive.unit() == ops.uses().root() ? "the receive" : "the goroutine's receive",
              channel.getSimpleName(), SourceLines.of(at, state), channel.getSimpleName()))
              .build();
        });
  }

  /**
   * Takes out of {@code sends} those that every path reaches only after the method's close of
   * the channel: they throw, they do not wait. False when the graph cannot be read (stay quiet).
   */
  private static boolean dropSendsAfterEveryClose(
      Set<Tree> sends, List<Use> all, ChannelWaits ops, VisitorState state) {
    Set<Tree> closes = all.stream()
        .filter(u -> u.unit() == ops.uses().root() && u.kind() == Kind.CLOSE && u.call() != null)
        .map(Use::call)
        .collect(Collectors.toSet());
    if (closes.isEmpty()) {
      return true;
    }
    Optional<ExitPaths> paths = ExitPaths.of(ops.uses().rootPath(), state);
    if (paths.isEmpty()) {
      return false;
    }
    sends.removeIf(
        send -> paths.get().reachedAvoiding(null, t -> t == send, closes::contains).isEmpty());
    return true;
  }

  private Optional<Description> unreceivedSend(VarSymbol channel, List<Use> all, int capacity,
      ChannelWaits ops, VisitorState state) {
    Set<Tree> sends = all.stream().filter(u -> u.kind() == Kind.SEND && ops.blocks(u))
        .map(Use::operation).collect(Collectors.toSet());
    if (!sends.isEmpty() && !dropSendsAfterEveryClose(sends, all, ops, state)) {
      return Optional.empty();
    }
    if (sends.isEmpty()) {
      return Optional.empty();
    }
    boolean receives = all.stream().anyMatch(u -> u.kind() == Kind.RECEIVE);
    int count = AbandonedSenders.sendCount(
        ops.uses().root(), sends, ChannelUses.operationsAt(all), ops, state);
    if (capacity > 0 && count <= capacity) {
      return Optional.empty();
    }
    if (capacity > 0 && receives) {
      return FillLevels.sendIntoFullBuffer(all, capacity, ops, state)
          .map(send -> buildDescription(send).setMessage(String.format(
              "send on '%s' at line %d blocks forever: the buffer already holds %d values not"
                  + " yet received and no goroutine receives from it; receive before sending"
                  + " more, or give the channel room for every send",
              channel.getSimpleName(), SourceLines.of(send, state), capacity))
              .build());
    }
    Tree first = all.stream().filter(u -> sends.contains(u.operation())).findFirst().get()
        .operation();
    return Optional.of(buildDescription(first).setMessage(String.format(
        "send on '%s' at line %d blocks forever: %s and no goroutine receives from it; start"
            + " the receiver before sending, or give the channel room for every send",
        channel.getSimpleName(), SourceLines.of(first, state),
        capacity == 0 ? "the channel is unbuffered" : "the buffer holds " + capacity
            + " of " + (count == SendCounts.UNBOUNDED ? "unboundedly many" : count) + " sends"))
        .build());
  }

  /** {@code Chan.make(n)}: keeps how the call names {@code make}, replaces its arguments. */
  private static SuggestedFix roomFor(MethodInvocationTree make, int sends, VisitorState state) {
    return SuggestedFix.replace(
        state.getEndPosition(make.getMethodSelect()),
        state.getEndPosition(make),
        "(" + sends + ")");
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethodInvocation(tree, state));
  }

  private Description analyseMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)) {
      return Description.NO_MATCH;
    }
    Optional<ReturnedChannels.FedByGoroutine> dropped =
        ReturnedChannels.droppedBy(state.getPath(), state);
    if (dropped.isPresent()) {
      return buildDescription(tree).setMessage(String.format(
          "the goroutine that %s() starts sends on the channel it returns (line %d), and this"
              + " call drops it: the send blocks forever; receive from the result, or give the"
              + " channel a buffer of one in %s()",
          dropped.get().method().getSimpleName(), SourceLines.of(dropped.get().send(), state),
          dropped.get().method().getSimpleName())).build();
    }
    Optional<AbandonedGenerators.StopsReading> stops =
        AbandonedGenerators.at(state.getPath(), state);
    if (stops.isPresent()) {
      AbandonedGenerators.Generator generator = stops.get().generator();
      return buildDescription(tree).setMessage(String.format(
          "the goroutine that %s() starts sends on the channel it returns from a loop (line %d),"
              + " and this caller stops reading at line %d %s: its next send blocks forever;"
              + " read until the channel is closed, or pass %s() a context its sends select on",
          generator.method().getSimpleName(), SourceLines.of(generator.send(), state),
          SourceLines.of(stops.get().at(), state),
          stops.get().once() ? "after one value" : "before the close",
          generator.method().getSimpleName())).build();
    }
    if (!GoroutineBodies.isLaunch(tree, state)) {
      return Description.NO_MATCH;
    }
    Optional<Tree> body = GoroutineBodies.bodyOf(tree, state)
        .map(launched -> GoroutineBodies.codeRunBy(launched, state));
    if (body.isEmpty()) {
      return Description.NO_MATCH;
    }
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    TreePath bodyPath = GoroutineBodies.bodyPath(state.getPath(), body.get());
    if (bodyPath == null) {
      return Description.NO_MATCH;
    }
    List<StatementTree> reported = new ArrayList<>();
    ChannelUses[] everywhere = new ChannelUses[1];
    for (StatementTree loop : EndlessLoops.in(bodyPath, state)) {
      if (reported.stream().anyMatch(outer -> ChannelWaits.encloses(outer, loop))
          || Calls.anyIn(loop,
              c -> Cancellation.observedBy(c, state))) {
        continue;
      }
      if (everywhere[0] == null) {
        everywhere[0] = ChannelUses.in(new TreePath(unit), state);
      }
      if (ChannelWaits.receivesOnDoneChannel(loop, everywhere[0])) {
        continue;
      }
      reported.add(loop);
      state.reportMatch(buildDescription(loop).setMessage(String.format(
          "goroutine never stops: the loop at line %d has no return, break or throw and never"
              + " observes ctx.done(), ctx.err() or a done channel; select on ctx.done() and"
              + " return when it fires (a process-lifetime daemon says so with"
              + " @SuppressWarnings(\"GoroutineLeak\"))",
          SourceLines.of(loop, state))).build());
    }
    return Description.NO_MATCH;
  }
}
