package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.AbandonedSenders.Leak;
import dev.goconc.checker.model.AbandonedSenders;
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
import dev.goconc.checker.model.SendCounts;
import dev.goconc.checker.util.SourceLines;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A hand-off through a {@code BlockingQueue} that leaves a task waiting for ever. First, the
 * abandoned producer: tasks started by a method {@code put} into a bounded {@code
 * BlockingQueue} that only the method takes from, and the method can leave while they still have
 * more to put than the queue holds; they block in {@code put} for ever, each keeping its thread
 * (and its pool's {@code awaitTermination}). GoroutineLeak's abandoned sender, asked of the same
 * model with the queue as the channel ({@link ChannelKind#QUEUE}, {@link AbandonedSenders}):
 *
 * <ul>
 *   <li>The queue is a local the method (or lambda, or initializer block) makes once with a
 *       constant bound: {@code new ArrayBlockingQueue<>(n)}, {@code new
 *       LinkedBlockingQueue<>(n)}/{@code LinkedBlockingDeque<>(n)}, or a {@code
 *       SynchronousQueue} (it holds none). An unbounded queue ({@code new LinkedBlockingQueue<>()},
 *       {@code PriorityBlockingQueue}, ...) never blocks a {@code put}: never judged. A queue that
 *       escapes (passed to a method or a constructor, such as a named {@code Producer} class;
 *       stored; returned; {@code drainTo}, {@code clear}, or any method the model cannot count) is
 *       another owner's: quiet.
 *   <li>Producers are tasks started in the method (the model's launches: executors, threads,
 *       {@code CompletableFuture}, goconc's own) whose code calls {@code put}; {@code offer} and
 *       {@code add} never wait for ever and are not counted. Only the method takes: where a task
 *       takes, the producers are not counted (the model does not follow a consumer task's pace),
 *       and the consumer question below is asked instead.
 *   <li>Counted: puts at their most per producer (a put in a loop, or a producer launched in a
 *       loop, is unboundedly many), takes on each path from a launch to an exit ({@code return},
 *       an explicit {@code throw}, the end) at their least; a loop that takes, or polls with a
 *       timeout, is taken to take everything. A timed {@code poll} outside a loop can give up
 *       before the value comes, and the method then leaves while the producer still waits in
 *       {@code put} (the hand-off with a deadline: {@code q.poll(200, MILLISECONDS)} on a {@code
 *       SynchronousQueue}): where the method takes from the queue only so, each such poll takes
 *       none at its least. Where it also takes ({@code take()} after a poll that timed out), or
 *       stops the producers anywhere ({@code future.cancel(true)} when the poll returns {@code
 *       null}), the graph cannot tell the poll that timed out from the one that took a value:
 *       the poll counts as one take, and a stop anywhere as the answer: quiet. Flagged when some
 *       path takes fewer than the puts beyond the bound.
 *   <li>Left early: a {@code take()} in a loop of the method, reached from the launch with no
 *       other take on the way, after which the method can leave from inside the loop (a {@code
 *       return}, {@code throw} or {@code break} to an exit) while the producers can still put more
 *       than the queue holds. Quiet when the producers end with a marker the consumer waits for:
 *       a put of a constant (a {@code static final} poison pill the method names, a literal put
 *       once), or a last put after the producer's loop or in a {@code finally}.
 *   <li>A path through {@code shutdownNow()}, a future's {@code cancel} or a thread's {@code
 *       interrupt()} wakes the producers: not judged.
 * </ul>
 *
 * <p>And the consumer that never ends, the unclosed channel's twin (queues cannot be closed): the
 * one task started by the method that takes from the queue does so in a loop with no way out (no
 * {@code return}, {@code break} or {@code throw}: no poison pill, no exit on an interrupt), never
 * polls with a timeout, its producers (the method itself, or other tasks) all end, and nothing
 * can interrupt it — its {@code Future} or {@code Thread} is dropped, and it runs on a thread of
 * its own or on a pool the method makes and never stops with {@code shutdownNow()} nor hands
 * over. It then waits in {@code take()} for ever. A worker on a pool from elsewhere (a service's
 * own, stopped with {@code shutdownNow()} when the service closes) is the correct idiom: quiet;
 * so is {@code main}, whose end ends the process. The fix, offered where the number of puts is known and the bound is a literal of
 * an {@code ArrayBlockingQueue} or {@code LinkedBlockingQueue}, gives the queue room for every put;
 * elsewhere (and for the consumer) no fix: whether to take on every path, stop the producers or
 * end the consumer is the author's call.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A BlockingQueue hand-off that leaves a task waiting for ever: producers blocked in put()"
            + " after the method stops taking, or a consumer whose take() loop nothing can end",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "QueueHandoffLeak.md",
    linkType = CUSTOM)
public final class QueueHandoffLeak extends BugChecker
    implements MethodTreeMatcher, LambdaExpressionTreeMatcher, ClassTreeMatcher {

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseRoot(tree.getBody(), state));
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> JdkApi.mentionsConcurrency(state)
            && CodeRoots.insideCodeThatMakes(ChannelKind.QUEUE, state)
        ? analyseRoot(tree.getBody(), state)
        : Description.NO_MATCH);
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> CodeRoots.judgeInitializers(
        tree, state, JdkApi::mentionsConcurrency,
        block -> analyseRoot(block.getPath().getLeaf(), block)));
  }

  private Description analyseRoot(Tree body, VisitorState state) {
    if (body == null
        || !JdkApi.mentionsConcurrency(state)
        || !Calls.makes(ChannelKind.QUEUE, body, state)) {
      return Description.NO_MATCH;
    }
    ChannelUses uses = ChannelUses.in(state.getPath(), ChannelKind.QUEUE, state);
    for (VarSymbol queue : uses.byChannel().keySet()) {
      judge(queue, uses, state).ifPresent(state::reportMatch);
    }
    return Description.NO_MATCH;
  }

  private Optional<Description> judge(VarSymbol queue, ChannelUses uses, VisitorState state) {
    List<Use> all = uses.of(queue);
    Tree root = uses.root();
    Optional<Use> make = uses.madeHere(queue);
    if (make.isEmpty()
        || all.stream().anyMatch(u -> u.kind() == Kind.ESCAPE)
        || all.stream().noneMatch(u -> u.unit() != root)) {
      return Optional.empty();
    }
    if (!AbandonedSenders.onlyGoroutinesSend(all, root)) {
      return unstoppableConsumer(queue, all, uses, state);
    }
    ExpressionTree made = make.get().made();
    OptionalInt capacity = ChannelKind.QUEUE.capacity(made, state);
    if (capacity.isEmpty() || capacity.getAsInt() == SendCounts.UNBOUNDED) {
      return Optional.empty();
    }
    ChannelWaits ops = new ChannelWaits(uses, state);
    Predicate<Tree> stops = t -> t instanceof MethodInvocationTree call
        && JdkApi.INTERRUPTS_TASKS.matches(call, state);
    int bound = capacity.getAsInt();
    if (onlyGivesUp(all, root, state)
        && Calls.anyInOwnCode(CodeRoots.codeOf(root), JdkApi.INTERRUPTS_TASKS, state)) {
      return Optional.empty(); // the graph cannot tell the poll that timed out from the other
    }
    Optional<Leak> counted = AbandonedSenders.counted(all, bound, ops, stops, state);
    if (counted.isPresent()) {
      return Optional.of(describe(queue, counted.get(), null, made, bound, state));
    }
    if (AbandonedSenders.endWithMarker(all, root, ops)) {
      return Optional.empty();
    }
    return AbandonedSenders.leftEarly(all, bound, ops,
            u -> u.call() != null && JdkApi.QUEUE_TAKE.matches(u.call(), state), stops,
            (receive, exit) -> true, state)
        .map(leak -> describe(queue, leak, leak, made, bound, state));
  }

  /**
   * The consumer that never ends: the one task of the method that takes from the queue does so
   * in an endless loop ({@link EndlessLoops}: no way out), polls with no timeout, the producers
   * (the method, or tasks other than the consumer) all end (no endless loop of their own), and
   * nothing can interrupt the consumer ({@link Cancellation#canBeInterrupted}). Not judged in
   * {@code main}, whose end ends the process.
   */
  private Optional<Description> unstoppableConsumer(
      VarSymbol queue, List<Use> all, ChannelUses uses, VisitorState state) {
    Tree root = uses.root();
    if (root instanceof MethodTree method && isMain(method)) {
      return Optional.empty();
    }
    List<Tree> consumers = all.stream()
        .filter(u -> u.unit() != root && u.kind() == Kind.RECEIVE)
        .map(Use::unit).distinct().toList();
    if (consumers.size() != 1
        || !(consumers.get(0) instanceof LambdaExpressionTree
            || consumers.get(0) instanceof MethodTree)) {
      return Optional.empty();
    }
    Tree consumer = consumers.get(0);
    if (all.stream().anyMatch(u -> u.unit() == consumer
        && (u.kind() == Kind.SEND || (u.call() != null
            && JdkApi.QUEUE_TIMED_POLL.matches(u.call(), state))))) {
      return Optional.empty(); // it feeds itself, or it can give up waiting
    }
    List<Tree> producers = all.stream()
        .filter(u -> u.kind() == Kind.SEND).map(Use::unit).distinct().toList();
    if (producers.isEmpty()) {
      return Optional.empty();
    }
    for (Tree producer : producers) {
      TreePath path = uses.pathTo(producer);
      if (path == null || !EndlessLoops.in(path, state).isEmpty()) {
        return Optional.empty(); // a producer that never ends feeds it for ever: by design
      }
    }
    ChannelWaits ops = new ChannelWaits(uses, state);
    TreePath consumerPath = uses.pathTo(consumer);
    TreePath launch = ops.launchPath(consumer);
    if (consumerPath == null || launch == null
        || Cancellation.canBeInterrupted(launch, root, state)) {
      return Optional.empty();
    }
    for (var loop : EndlessLoops.in(consumerPath, state)) {
      for (Use take : all) {
        if (take.unit() == consumer && take.call() != null
            && JdkApi.QUEUE_TAKE.matches(take.call(), state)
            && ChannelWaits.contains(loop, take.call())) {
          String name = queue.getSimpleName().toString();
          return Optional.of(buildDescription(take.call()).setMessage(String.format(
              "consumer task taking from '%s' (line %d) never ends: its loop has no way out, the"
                  + " producers finish, and nothing can interrupt it (its Future or Thread is"
                  + " dropped, and no shutdownNow() reaches it), so it waits in take() for ever"
                  + " and keeps its thread; end the loop on a poison pill the producers put last,"
                  + " or keep the Future and cancel(true) it when they are done",
              name, SourceLines.of(take.call(), state))).build());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the method's own code receives from the queue only by timed {@code poll}s outside loops
   * ({@link ChannelKind#receiveMayGiveUp}): it can stop waiting and leave with nothing taken.
   */
  private static boolean onlyGivesUp(List<Use> all, Tree root, VisitorState state) {
    List<Use> receives = all.stream()
        .filter(u -> u.unit() == root && u.kind() == Kind.RECEIVE).toList();
    return !receives.isEmpty() && receives.stream().allMatch(u -> !u.inLoop() && u.call() != null
        && ChannelKind.QUEUE.receiveMayGiveUp(u.call(), state));
  }

  private static boolean isMain(MethodTree method) {
    return method.getName().contentEquals("main")
        && method.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.STATIC)
        && method.getParameters().size() == 1;
  }

  private Description describe(VarSymbol queue, Leak leak, Leak early, ExpressionTree made,
      int bound, VisitorState state) {
    int sent = leak.sent();
    String name = queue.getSimpleName().toString();
    String where = leak.exit().named() == null
        ? "at line " + SourceLines.of(leak.launch(), state)
        : leak.exit().where(state);
    String how = early != null
        ? "from inside the loop that takes from '" + name + "'"
        : leak.receivesSome() ? "having taken fewer values than were put" : "without taking";
    boolean fixable = sent != SendCounts.UNBOUNDED && literalBound(made);
    String message = String.format(
        "producer task putting on '%s' (line %d) blocks for ever: the method can leave %s %s,"
            + " and '%s' holds %d of %s puts; take everything on every path, or stop the"
            + " producers (shutdownNow()) before leaving%s",
        name, SourceLines.of(leak.send(), state), where, how, name, bound,
        sent == SendCounts.UNBOUNDED ? "unboundedly many" : String.valueOf(sent),
        fixable ? ", or give the queue room for every put (" + sent + ")" : "");
    Description.Builder description = buildDescription(leak.send()).setMessage(message);
    if (fixable) {
      description.addFix(
          SuggestedFix.replace(((NewClassTree) made).getArguments().get(0), String.valueOf(sent)));
    }
    return description.build();
  }

  /** Whether the queue is made with a literal bound the fix can raise. */
  private static boolean literalBound(ExpressionTree made) {
    return made instanceof NewClassTree created
        && !created.getArguments().isEmpty()
        && created.getArguments().get(0) instanceof LiteralTree;
  }
}
