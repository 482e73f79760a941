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
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.AbandonedSenders;
import dev.goconc.checker.model.AbandonedSenders.Leak;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.ChannelKind;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import dev.goconc.checker.model.ChannelUses;
import dev.goconc.checker.model.ChannelWaits;
import dev.goconc.checker.model.CodeRoots;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.SendCounts;
import dev.goconc.checker.util.SourceLines;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * The abandoned producer: tasks started by a method {@code put} into a bounded {@code
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
 *       {@code add} never wait for ever and are not counted. Only the method takes: another task
 *       that takes is a consumer the model does not follow (quiet).
 *   <li>Counted: puts at their most per producer (a put in a loop, or a producer launched in a
 *       loop, is unboundedly many), takes on each path from a launch to an exit ({@code return},
 *       an explicit {@code throw}, the end) at their least; a loop that takes, or polls with a
 *       timeout, is taken to take everything. Flagged when some path takes fewer than the puts
 *       beyond the bound.
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
 * <p>The part of the issue about a consumer task whose {@code take()} loop can never end is not
 * decided here. The fix, offered where the number of puts is known and the bound is a literal of
 * an {@code ArrayBlockingQueue} or {@code LinkedBlockingQueue}, gives the queue room for every put;
 * elsewhere no fix: whether to take on every path or stop the producers is the author's call.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "Producer tasks blocked in put() on a bounded queue the method stopped taking from wait"
            + " for ever; take everything, or stop the producers, on every path",
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
    List<Use> makes = all.stream().filter(u -> u.kind() == Kind.MAKE).toList();
    if (makes.size() != 1 || makes.get(0).inLoop() || makes.get(0).unit() != root
        || all.stream().anyMatch(u -> u.kind() == Kind.REASSIGN || u.kind() == Kind.ESCAPE)
        || all.stream().noneMatch(u -> u.unit() != root)
        || !AbandonedSenders.onlyGoroutinesSend(all, root)) {
      return Optional.empty();
    }
    ExpressionTree made = makes.get(0).made();
    OptionalInt capacity = ChannelKind.QUEUE.capacity(made, state);
    if (capacity.isEmpty() || capacity.getAsInt() == SendCounts.UNBOUNDED) {
      return Optional.empty();
    }
    ChannelWaits ops = new ChannelWaits(uses, state);
    Predicate<Tree> stops = t -> t instanceof MethodInvocationTree call
        && JdkApi.INTERRUPTS_TASKS.matches(call, state);
    int bound = capacity.getAsInt();
    Optional<Leak> counted = AbandonedSenders.counted(all, bound, ops, stops, state);
    if (counted.isPresent()) {
      return Optional.of(describe(queue, counted.get(), null, made, bound, state));
    }
    if (endsWithMarker(all, root, ops, state)) {
      return Optional.empty();
    }
    return AbandonedSenders.leftEarly(all, bound, ops,
            u -> u.call() != null && JdkApi.QUEUE_TAKE.matches(u.call(), state), stops, state)
        .map(leak -> describe(queue, leak, leak, made, bound, state));
  }

  /**
   * Whether the producers end with a marker the method can wait for: a put of a {@code static
   * final} field that the method's own code names, a put of a literal outside the producer's
   * loops, or a put that runs once, after another put of the same producer or in a {@code
   * finally} block.
   */
  private static boolean endsWithMarker(
      List<Use> all, Tree root, ChannelWaits ops, VisitorState state) {
    for (Use put : all) {
      if (put.kind() != Kind.SEND || put.unit() == root
          || !(put.call() instanceof MethodInvocationTree call)
          || call.getArguments().isEmpty()) {
        continue;
      }
      ExpressionTree value = ASTHelpers.stripParentheses(call.getArguments().get(0));
      if ((value instanceof LiteralTree && !put.inLoop())
          || (ASTHelpers.getSymbol(value) instanceof VarSymbol constant
              && constant.getKind() == javax.lang.model.element.ElementKind.FIELD
              && ASTHelpers.isStatic(constant)
              && (constant.flags() & com.sun.tools.javac.code.Flags.FINAL) != 0
              && namesIt(root, put.unit(), constant))) {
        return true;
      }
      if (put.inLoop()) {
        continue;
      }
      boolean afterAnother = all.stream().anyMatch(other -> other != put
          && other.kind() == Kind.SEND && other.unit() == put.unit()
          && ASTHelpers.getStartPosition(other.operation())
              < ASTHelpers.getStartPosition(put.operation()));
      if (afterAnother || inFinally(ops.pathTo(put.operation()))) {
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
        return tree == producer || found[0] ? null : super.scan(tree, unused);
      }

      @Override
      public Void visitIdentifier(com.sun.source.tree.IdentifierTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree) == constant;
        return null;
      }

      @Override
      public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree tree, Void unused) {
        found[0] |= ASTHelpers.getSymbol(tree) == constant;
        return super.visitMemberSelect(tree, unused);
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
