package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.fixes.FixLayout;
import dev.goconc.checker.flow.ExceptionHandlers;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.flow.FinallyGuard;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.Cancellation;
import dev.goconc.checker.model.ChannelKind;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import dev.goconc.checker.model.ChannelUses;
import dev.goconc.checker.model.ChannelWaits;
import dev.goconc.checker.model.CodeRoots;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.EndlessLoops;
import dev.goconc.checker.model.FailingWork;
import dev.goconc.checker.model.FieldChannels;
import dev.goconc.checker.model.Lifecycles;
import dev.goconc.checker.model.RangedResults;
import dev.goconc.checker.util.SourceLines;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A channel that receivers wait on until it closes, and that its senders never close. Only
 * loops are judged (for-each over the channel, also in method form, {@code ch.forEach(action)}, and
 * {@code receiveOk} in a loop), plus channels a
 * method returns, whose callers are out of sight:
 *
 * <ul>
 *   <li>a channel made in the method and looped over, that nothing closes;
 *   <li>a returned channel that nothing closes while its goroutines forward values from a loop
 *       over another channel (a fan-in or pipeline stage: callers must range over it);
 *   <li>a returned channel fed by a single goroutine that has a path (an early return, an
 *       explicit throw) on which it neither sends nor closes; a path that observed
 *       {@code ctx.done()} or {@code ctx.err()} may leave quietly (the caller holds the same
 *       context). The exception of a call where the work may fail ({@link
 *       dev.goconc.checker.model.FailingWork}: not the JDK's in-memory code) is a path where a
 *       {@code catch} of the goroutine takes it ({@code catch (IOException e) { return; }}: the
 *       {@code catch} exists for it); leaving the goroutine by that exception, uncaught, is not
 *       judged. A way out through a {@code catch} that takes the work's failures only, never
 *       cancellation ({@link dev.goconc.checker.model.Cancellation#catchesFailuresOnly}), is not
 *       excused by a {@code ctx.err()} check earlier on its path: it is taken because the work
 *       failed. A send counts once the call runs, after its argument: in {@code
 *       out.send(decode(rec))}, a failing {@code decode} leaves before anything is sent;
 *   <li>a receive-only channel returned to code of the unit that ranges over the call's result
 *       until it closes ({@link dev.goconc.checker.model.RangedResults}: a for-each over the call
 *       or over a local holding it, with no way out of the loop), when nothing closes it and the
 *       goroutines that send on it, however many, each come to an end (none loops forever): a
 *       fan-in whose forwarders nobody awaits. An endless stream, consumed for the life of the
 *       program, is not judged; nor is a result returned as a {@code Chan}, which its callers may
 *       close;
 *   <li>a field channel ({@link dev.goconc.checker.model.FieldChannels}: private, made with the
 *       object, seen whole in this file, handed out by no accessor) that the object's goroutines
 *       loop over, when nothing in the file closes it and the object has an end ({@link
 *       dev.goconc.checker.model.Lifecycles}: {@code AutoCloseable}, or a {@code close()}, {@code
 *       stop()}, {@code shutdown()}, ...): the loops outlive that end. An object with no end is a
 *       process-lifetime worker by design, and a loop on the caller's own thread is the
 *       caller's: neither is judged.
 * </ul>
 *
 * <p>Every sender's every exit: when the one goroutine that sends on a ranged channel also closes
 * it, each of its paths must close it (a {@code close()} in {@code finally} does); an early
 * {@code return} or an explicit {@code throw} that skips the close, a {@code return} from a
 * {@code catch} too, leaves the loop waiting for ever. So must a closer: a goroutine, started
 * once, that alone closes the channel and never sends on it ({@code wg.await(); if
 * (errors.isEmpty()) ch.close();} leaves the loop waiting whenever one sender failed). The
 * channel is followed through its aliases and narrowings ({@code return out.recvOnly()} returns
 * it), sends by method reference ({@code items.forEach(out::send)}) are sends, and the
 * goroutine may be a lambda or an anonymous task class.
 *
 * <p>A for-each over the channel that can leave on a value (a break, return or throw inside it:
 * a sentinel, an error) is not judged; a {@code receiveOk} loop is, its way out being the close.
 * Quiet when a close exists elsewhere (a closer goroutine after {@code wg.await()}), and on
 * channels that escape (stored; passed to a method the model cannot summarise, which may close
 * it). A method of the compilation unit that sends on, ranges over or closes the channel it is
 * given counts at the call as what it does ({@code Go.go(() -> produce(items, out))} feeds
 * {@code out}; a helper that closes on some paths only is not summarised). Fix: when a single
 * goroutine, started once, sends and never closes, close in {@code finally} in that goroutine.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A receiver loops over a channel that its senders never close, so the loop never"
        + " ends",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "UnclosedChannel.md",
    linkType = CUSTOM)
public final class UnclosedChannel extends BugChecker
    implements MethodTreeMatcher, LambdaExpressionTreeMatcher, ClassTreeMatcher {

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
    return CrashPolicy.describe(state, () -> CodeRoots.insideCodeThatMakesChannels(state)
        ? analyseRoot(tree.getBody(), state)
        : Description.NO_MATCH);
  }

  private Description analyseMethod(MethodTree tree, VisitorState state) {
    return analyseRoot(tree.getBody(), state);
  }

  /** A class's initializer blocks ({@code static { ... }}, {@code { ... }}) are roots too. */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> {
      CodeRoots.judgeInitializers(
          tree, state, block -> analyseRoot(block.getPath().getLeaf(), block));
      if (state.getPath().getParentPath().getLeaf() instanceof CompilationUnitTree
          && GoconcApi.mentionsRuntime(state)) {
        FieldChannels.in(ChannelKind.GOCONC, state)
            .forEach(field -> rangedButNeverClosed(field, state).ifPresent(state::reportMatch));
      }
      return Description.NO_MATCH;
    });
  }

  /**
   * A field channel that goroutines of its object loop over until it closes, when nothing can
   * close it and the object has an end ({@link Lifecycles}): the loops outlive the object's end.
   * Judged only for a field the model sees all of ({@link FieldChannels}) that no other file can
   * name and no accessor hands out; loops on the caller's thread, and objects with no end (a
   * process-lifetime worker), are not judged.
   */
  private Optional<Description> rangedButNeverClosed(FieldChannels.Field field, VisitorState state) {
    if (!field.confined() || field.handedOut() || field.any(Kind.CLOSE)
        || !(field.symbol().owner instanceof ClassSymbol owner)
        || !Lifecycles.hasEnd(owner, state)) {
      return Optional.empty();
    }
    return field.of(Kind.RECEIVE).stream()
        .filter(u -> u.runner() != null && ChannelUses.loopsUntilClosed(u.use(), state))
        .findFirst()
        .map(u -> buildDescription(u.use().tree()).setMessage(String.format(
            "the goroutine's loop over '%s' at line %d waits for a close that never comes:"
                + " nothing closes '%s', so it outlives the %s's end; close '%s' in the method"
                + " that ends it",
            field.symbol().getSimpleName(), SourceLines.of(u.use().tree(), state),
            field.symbol().getSimpleName(), owner.getSimpleName(),
            field.symbol().getSimpleName())).build());
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
      judge(channel, uses, state).ifPresent(state::reportMatch);
    }
    return Description.NO_MATCH;
  }

  private Optional<Description> judge(VarSymbol channel, ChannelUses uses, VisitorState state) {
    List<Use> all = uses.of(channel);
    if (uses.madeHere(channel).isEmpty()) {
      return Optional.empty();
    }
    boolean closed = all.stream().anyMatch(u -> u.kind() == Kind.CLOSE);
    boolean returned = all.stream().anyMatch(u -> u.kind() == Kind.ESCAPE && isReturn(u));
    if (all.stream().anyMatch(u -> u.kind() == Kind.ESCAPE && !isReturn(u))) {
      return Optional.empty();
    }
    Set<Tree> feeders = new LinkedHashSet<>();
    all.stream().filter(u -> u.kind() == Kind.SEND).forEach(u -> feeders.add(u.unit()));
    // A for-each that breaks out on a value (a sentinel, an error) ends without the close.
    Optional<Use> loop = all.stream().filter(u -> ChannelUses.loopsUntilClosed(u, state)).findFirst();
    ChannelWaits ops = new ChannelWaits(uses, state);
    if (!returned && loop.isPresent() && !closed) {
      return Optional.of(report(channel, loop.get().tree(), String.format(
          "the loop over '%s' at line %d never ends: nothing closes '%s'; close it in finally"
              + " in its sender, or from a goroutine after wg.await()",
          channel.getSimpleName(), SourceLines.of(loop.get().tree(), state),
          channel.getSimpleName()), feeders, all, ops, state));
    }
    if (!returned && loop.isPresent()) {
      // Closed somewhere: by a single goroutine that feeds it alone, or by a single goroutine
      // that only closes it (a closer after wg.await()); every path of either must close.
      Optional<Tree> feeder = soleFeeder(all, feeders, ops);
      String role = feeder.isPresent() ? "feeding" : "closing";
      return feeder.or(() -> soleCloser(all, feeders, ops))
          .flatMap(g -> exitWithout(g, all, EnumSet.of(Kind.CLOSE), false, ops, state))
          .map(exit -> report(channel, exit.statement(), String.format(
              "the loop over '%s' at line %d never ends: the goroutine %s it can leave at"
                  + " line %d without closing it; close '%s' in finally",
              channel.getSimpleName(), SourceLines.of(loop.get().tree(), state), role,
              SourceLines.of(exit.statement(), state), channel.getSimpleName()),
              feeders, all, ops, state));
    }
    if (!returned || feeders.contains(uses.root())
        || all.stream().anyMatch(u -> u.unit() == uses.root() && u.kind() == Kind.CLOSE)) {
      return Optional.empty();
    }
    if (!closed && feeders.stream().anyMatch(f -> loopsOverAChannel(f, uses))) {
      Tree sendTree = firstSend(all);
      return Optional.of(report(channel, sendTree, String.format(
          "nothing closes '%s', returned to callers that must range over it: its goroutine"
              + " (line %d) forwards until its input closes; close '%s' in finally when the"
              + " sender is done, or from a goroutine after wg.await()",
          channel.getSimpleName(), SourceLines.of(sendTree, state),
          channel.getSimpleName()), feeders, all, ops, state));
    }
    Optional<Description> single = soleFeeder(all, feeders, ops)
        .flatMap(g -> exitWithout(g, all, EnumSet.of(Kind.SEND, Kind.CLOSE), true, ops, state))
        .map(exit -> report(channel, exit.named(), String.format(
            "the goroutine feeding '%s' can leave %s without sending or closing it, and a"
                + " caller waiting on the returned channel blocks forever; close '%s' in finally",
            channel.getSimpleName(), exit.where(state),
            channel.getSimpleName()), feeders, all, ops, state));
    return single.isPresent() || closed
        ? single
        : rangedByCallers(channel, all, feeders, ops, state);
  }

  /**
   * A channel nothing closes, returned receive-only to callers of the unit that range over it
   * until it is closed ({@link RangedResults}), fed by goroutines that each come to an end: once
   * they have, the caller's loop waits for ever. Goroutines that never end (an endless loop: an
   * event stream meant to last) are not judged.
   */
  private Optional<Description> rangedByCallers(VarSymbol channel, List<Use> all,
      Set<Tree> feeders, ChannelWaits ops, VisitorState state) {
    if (!(ops.uses().root() instanceof MethodTree method)
        || feeders.isEmpty()
        || !(ASTHelpers.getSymbol(method) instanceof MethodSymbol symbol)
        || !GoconcApi.isSubtypeOf(symbol.getReturnType(), GoconcApi.RECV_CHAN, state)
        || GoconcApi.isSubtypeOf(symbol.getReturnType(), GoconcApi.SEND_CHAN, state)) {
      return Optional.empty();
    }
    // The unit's loops are read once per unit; the feeders' bodies are walked only after.
    return RangedResults.loopOver(symbol, state)
        .filter(loop -> feeders.stream()
            .allMatch(f -> EndlessLoops.in(ops.pathTo(f), state).isEmpty()))
        .map(loop -> {
          Tree sendTree = firstSend(all);
          return report(channel, sendTree, String.format(
              "nothing closes '%s', and the loop over %s() at line %d ranges over it until it"
                  + " is closed: once its senders (line %d) are done, that loop waits forever;"
                  + " close '%s' from a goroutine after wg.await(), or in finally in its only"
                  + " sender",
              channel.getSimpleName(), symbol.getSimpleName(), SourceLines.of(loop, state),
              SourceLines.of(sendTree, state), channel.getSimpleName()), feeders, all, ops, state);
        });
  }

  /**
   * The one goroutine, started once, that sends on and closes the channel (no other code does
   * either), when there is one.
   */
  private static Optional<Tree> soleFeeder(List<Use> all, Set<Tree> feeders, ChannelWaits ops) {
    Set<Tree> writers = new LinkedHashSet<>(feeders);
    all.stream().filter(u -> u.kind() == Kind.CLOSE).forEach(u -> writers.add(u.unit()));
    if (writers.size() != 1) {
      return Optional.empty();
    }
    Tree g = writers.iterator().next();
    return (g instanceof LambdaExpressionTree || g instanceof MethodTree) && g != ops.uses().root()
        && !ops.launchRepeats(g)
        ? Optional.of(g)
        : Optional.empty();
  }

  /**
   * The one goroutine, started once, that closes the channel and never sends on it, when every
   * close is its own: a closer that waits for the senders ({@code wg.await(); ch.close();}).
   */
  private static Optional<Tree> soleCloser(List<Use> all, Set<Tree> feeders, ChannelWaits ops) {
    Set<Tree> closers = new LinkedHashSet<>();
    all.stream().filter(u -> u.kind() == Kind.CLOSE).forEach(u -> closers.add(u.unit()));
    if (closers.size() != 1) {
      return Optional.empty();
    }
    Tree g = closers.iterator().next();
    return (g instanceof LambdaExpressionTree || g instanceof MethodTree) && g != ops.uses().root()
        && !feeders.contains(g) && !ops.launchRepeats(g)
        ? Optional.of(g)
        : Optional.empty();
  }

  /**
   * A way out of the goroutine {@code g} on which none of its operations of the kinds {@code
   * writes} runs (nor, when {@code cancellationExcuses}, an observation of {@code ctx.done()} or
   * {@code ctx.err()}): an early return or an explicit throw. The exception a call where the work
   * may fail ({@link FailingWork}) throws is a path where a {@code catch} of the goroutine takes
   * it (the {@code catch} exists for it: {@code catch (IOException e) { return; }}), but not the
   * channel's own operations; leaving by that exception, uncaught, is not judged.
   */
  private static Optional<ExitPaths.Exit> exitWithout(Tree g, List<Use> all, Set<Kind> writes,
      boolean cancellationExcuses, ChannelWaits ops, VisitorState state) {
    Set<Tree> writing = new java.util.HashSet<>();
    // A path has written once it passes the call that writes, not the channel's name before it:
    // in out.send(decode(rec)), decode's failure leaves after the name and before the send.
    Set<Tree> written = new java.util.HashSet<>();
    all.stream().filter(u -> u.unit() == g && writes.contains(u.kind())).forEach(u -> {
      writing.add(u.ident());
      written.add(u.call() != null ? u.call() : u.ident());
    });
    Tree body = g instanceof LambdaExpressionTree lambda ? lambda.getBody()
        : ((MethodTree) g).getBody();
    if (FinallyGuard.opens(body, first -> first instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree select
        && writing.contains(select.getExpression()))) {
      return Optional.empty(); // the goroutine's finally writes: every path does
    }
    Set<Tree> ownOperations = new java.util.HashSet<>();
    all.stream().filter(u -> u.unit() == g && u.call() != null)
        .forEach(u -> ownOperations.add(u.call()));
    java.util.function.Predicate<Tree> passes = t -> written.contains(t)
        || (cancellationExcuses && t instanceof MethodInvocationTree call
            && Cancellation.observedBy(call, state));
    Optional<ExitPaths> graph = ExitPaths.of(ops.pathTo(g), state);
    if (graph.isEmpty()) {
      return Optional.empty();
    }
    java.util.function.Predicate<ExitPaths.Exit> judged = e -> e.leaves() && e.named() != null
        && !(e.kind() == ExitPaths.Kind.THROW && e.tree() == null);
    Optional<ExitPaths.Exit> exit = FailingWork.exitsThroughCatches(
            graph.get(), body, null, passes, ownOperations::contains, state).stream()
        .filter(judged)
        .findFirst();
    if (exit.isPresent() || !cancellationExcuses) {
      return exit;
    }
    // Observing the context excuses the ways out it leads to, not one through a catch that takes
    // the work's failures only: that way out is taken because the work failed.
    return FailingWork.exitsThroughCatches(
            graph.get(), body, null, written::contains, ownOperations::contains, state).stream()
        .filter(judged)
        .filter(e -> ExceptionHandlers.catchHolding(body, e.statement()) instanceof CatchTree c
            && Cancellation.catchesFailuresOnly(c, state))
        .findFirst();
  }

  /** The tree of the first send on the channel, for messages (there is one where this is asked). */
  private static Tree firstSend(List<Use> all) {
    return all.stream().filter(u -> u.kind() == Kind.SEND).findFirst().orElseThrow().operation();
  }

  private static boolean isReturn(Use use) {
    return use.tree() instanceof ReturnTree;
  }

  private static boolean loopsOverAChannel(Tree unit, ChannelUses uses) {
    return uses.byChannel().values().stream()
        .flatMap(List::stream)
        .anyMatch(u -> u.unit() == unit && u.loopReceive());
  }

  private Description report(VarSymbol channel, Tree at, String message, Set<Tree> feeders,
      List<Use> all, ChannelWaits ops, VisitorState state) {
    Description.Builder description = buildDescription(at).setMessage(message);
    closeInFinally(channel, feeders, all, ops, state).ifPresent(description::addFix);
    return description.build();
  }

  /** Close in finally in the single sender: one goroutine, started once, that never closes. */
  private static Optional<SuggestedFix> closeInFinally(VarSymbol channel, Set<Tree> feeders,
      List<Use> all, ChannelWaits ops, VisitorState state) {
    if (feeders.size() != 1
        || !(feeders.iterator().next() instanceof LambdaExpressionTree goroutine)
        || !(goroutine.getBody() instanceof BlockTree body)
        || body.getStatements().isEmpty()
        || ops.launchRepeats(goroutine)
        || all.stream().anyMatch(u -> u.kind() == Kind.CLOSE)
        || all.stream().anyMatch(u -> u.kind() == Kind.RECEIVE && u.unit() == goroutine)) {
      return Optional.empty();
    }
    Optional<FixLayout> layout = FixLayout.of(state);
    int from = ASTHelpers.getStartPosition(body.getStatements().get(0));
    int to = state.getEndPosition(body.getStatements().getLast());
    if (layout.isEmpty() || from < 0 || to < from) {
      return Optional.empty();
    }
    FixLayout text = layout.get();
    return Optional.of(SuggestedFix.replace(from, to, text.tryBlock(text.indentAt(from), "try",
        text.text(from, to), text.startsLine(from), channel.getSimpleName() + ".close();")));
  }
}
