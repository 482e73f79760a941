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
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.TypeTag;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.flow.LastRounds;
import dev.goconc.checker.flow.SourceOrder;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import dev.goconc.checker.model.ChannelUses;
import dev.goconc.checker.model.CodeRoots;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.FieldPathChannels;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.model.UnorderedCloses;
import dev.goconc.checker.util.SourceLines;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A send ({@code send}, {@code trySend}, a {@code select} send case) or a second
 * {@code close()} that some path of the same method or goroutine body reaches after
 * {@code close()} of the same channel (in a method, an initializer block or a goroutine body): Go
 * panics there, goconc throws {@code ChannelClosedException}. A method of the compilation unit
 * that closes the channel it is given on every way out, or sends on it, does so at the call
 * ({@link dev.goconc.checker.model.ParameterEffects}); a close and a send in different goroutines or
 * lambdas (a select handler included) are out of reach, but for one case.
 *
 * <p>That case: a goroutine that closes a channel field it never sends on, and waits for nothing
 * before (no receive, select, join, latch or lock, nothing of goconc or {@code
 * java.util.concurrent}, no call of the unit's own code, which might send or wait), may close it
 * the moment it starts; a send on the field that some path runs after the goroutine's launch, or
 * after a call of the method of the unit that launches it, may then find it closed (GoKer's
 * serving#5865: a watcher closes the channel the manager sends it updates on). A select send case
 * counts: a closed channel's send case throws when the select picks it, whatever the other cases.
 * The field is final and not public or protected, assigned only in a constructor or its
 * declaration and otherwise only sent on, received from or closed: a field handed out in any
 * other way is not judged. Which object a variable holds is not followed: {@code this.ch} closed
 * and {@code x.ch} sent on are the field of any object of the class ({@link
 * dev.goconc.checker.model.UnorderedCloses}). A package-private field is judged too: the close, its
 * lack of any wait and the send after the launch are all in the file, and no other file can order
 * them. A send in a method that neither launches the goroutine nor calls its launcher may have run
 * before the launch, and is not reported.
 *
 * <p>A channel named through a final field of a variable that never changes ({@code
 * car.commands.close(); car.commands.send(s);}, {@link FieldPathChannels}) is one channel within
 * the body, judged as a local is; two variables ({@code from.outbox}, {@code to.outbox}) are two
 * channels, and a field that can be given a new channel is not followed.
 *
 * <p>Paths end where the variable is assigned a new channel, and a for-each variable is a new
 * channel each round: {@code for (Chan<T> s : subscribers) s.close();} closes each once. An alias
 * ({@code var c = ch}, {@code ch.sendOnly()}) is the same channel. A close guarded to run once — in
 * the block that also sets a boolean flag, or under {@code compareAndSet}/{@code getAndSet} —
 * is not judged: the guard makes the later path impossible, and paths are not told apart by
 * values. Nor is a close that only a counted loop's last round runs ({@code for (int i = 0; i <
 * n; i++) { c.send(i); if (i == n - 1) c.close(); }}, read by {@link
 * dev.goconc.checker.flow.LastRounds}): the graph's way from it round to the loop's sends is a
 * path no run takes. A send later in that round, after the loop, or in a loop that can run its
 * rounds again (inside another loop, or whose bound or counter the body changes) is still
 * judged. No fix: where the send belongs is the author's call.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A send or a second close after close() throws ChannelClosedException",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "SendOnClosedChannel.md",
    linkType = CUSTOM)
public final class SendOnClosedChannel extends BugChecker
    implements MethodTreeMatcher, LambdaExpressionTreeMatcher, ClassTreeMatcher {
  private static final java.util.regex.Pattern ONCE_GUARD =
      java.util.regex.Pattern.compile("compareAndSet|getAndSet");

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethod(tree, state));
  }

  private Description analyseMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() == null) {
      return Description.NO_MATCH;
    }
    reportRaces(tree, state);
    return judge(state.getPath(), state);
  }

  /** The sends of {@code root}'s own code that may follow a goroutine's unordered close. */
  private void reportRaces(Tree root, VisitorState state) {
    for (UnorderedCloses.Race race : UnorderedCloses.in(state)) {
      if (race.sender() == root) {
        state.reportMatch(describe(race, state));
      }
    }
  }

  private Description describe(UnorderedCloses.Race race, VisitorState state) {
    return buildDescription(race.send()).setMessage(String.format(
        "'%s' is sent on at line %d after line %d starts a goroutine that closes it at line %d,"
            + " which never sends on it and waits for nothing first: the close may come first,"
            + " and the send throws ChannelClosedException; only the sender closes",
        race.field().getSimpleName(), SourceLines.of(race.channel(), state),
        SourceLines.of(race.start(), state), SourceLines.of(race.close(), state)))
        .build();
  }

  /** Initializer blocks ({@code static { ... }}, {@code { ... }}) are judged like methods. */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> CodeRoots.judgeInitializers(
        tree, state, block -> {
          reportRaces(block.getPath().getLeaf(), block);
          judge(block.getPath(), block);
        }));
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseLambdaExpression(tree, state));
  }

  private Description analyseLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)) {
      return Description.NO_MATCH; // the cheap exit before the launch matchers run per lambda
    }
    boolean goroutine = GoroutineBodies.enclosingGoroutine(state.getPath(), state)
        .map(p -> p.getLeaf() == tree)
        .orElse(false);
    return goroutine ? judge(state.getPath(), state) : Description.NO_MATCH;
  }

  private Description judge(TreePath unitPath, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)
        || !Calls.closesChannel(unitPath.getLeaf(), state)) {
      return Description.NO_MATCH;
    }
    ChannelUses uses = ChannelUses.in(unitPath, state);
    Optional<ExitPaths> paths = Optional.empty();
    for (Map.Entry<VarSymbol, List<Use>> entry : uses.byChannel().entrySet()) {
      List<Use> own = entry.getValue().stream().filter(u -> u.unit() == uses.root()).toList();
      List<Use> closes = own.stream()
          .filter(u -> u.kind() == Kind.CLOSE && u.call() != null
              && !guardedOnce(uses.pathTo(u.call()), uses.root()))
          .toList();
      if (closes.isEmpty()) {
        continue;
      }
      Map<Tree, Use> afterClose = new HashMap<>();
      own.stream().filter(u -> u.kind() == Kind.SEND || u.kind() == Kind.CLOSE)
          .forEach(u -> afterClose.put(u.ident(), u));
      VarSymbol channel = entry.getKey();
      for (Use close : closes) {
        if (!SourceOrder.mayFollow(uses.pathTo(close.call()), afterClose.keySet(),
            uses.root())) {
          continue; // the common close after the last send: no path, no graph to build
        }
        if (paths.isEmpty()) {
          paths = ExitPaths.of(unitPath, state);
          if (paths.isEmpty()) {
            return Description.NO_MATCH;
          }
        }
        List<Tree> hits = paths.get().reachedAvoiding(close.call(), afterClose::containsKey,
            t -> assigns(t, channel));
        Optional<ForLoopTree> lastRound =
            LastRounds.lastRoundOf(uses.pathTo(close.call()), uses.root());
        if (lastRound.isPresent() && !hits.isEmpty()) {
          hits = withoutLaterRounds(hits, lastRound.get(), close, afterClose, channel, paths.get(),
              uses);
        }
        if (!hits.isEmpty()) {
          state.reportMatch(describe(channel, close, afterClose.get(hits.get(0)), state));
          break;
        }
      }
    }
    judgeFieldPaths(unitPath, paths, state);
    return Description.NO_MATCH;
  }

  /**
   * The same question for channels named through a final field of an unchanging variable ({@code
   * car.commands.close(); car.commands.send(s);}, {@link FieldPathChannels}). A path ends where
   * the variable is declared again (a for-each's next element is another object).
   */
  private void judgeFieldPaths(
      TreePath unitPath, Optional<ExitPaths> paths, VisitorState state) {
    Tree root = unitPath.getLeaf();
    for (Map.Entry<FieldPathChannels.FieldPath, List<FieldPathChannels.Operation>> entry :
        FieldPathChannels.in(unitPath, state).entrySet()) {
      Map<Tree, FieldPathChannels.Operation> operations = new HashMap<>();
      entry.getValue().forEach(op -> operations.put(op.call(), op));
      VarSymbol base = entry.getKey().base();
      for (FieldPathChannels.Operation close : entry.getValue()) {
        TreePath closePath = close.close() ? TreePath.getPath(unitPath, close.call()) : null;
        if (closePath == null || guardedOnce(closePath, root)
            || LastRounds.lastRoundOf(closePath, root).isPresent()
            || !SourceOrder.mayFollow(closePath, operations.keySet(), root)) {
          continue;
        }
        if (paths.isEmpty()) {
          paths = ExitPaths.of(unitPath, state);
          if (paths.isEmpty()) {
            return;
          }
        }
        List<Tree> hits = paths.get().reachedAvoiding(close.call(), operations::containsKey,
            t -> assigns(t, base));
        if (!hits.isEmpty()) {
          FieldPathChannels.Operation after = operations.get(hits.get(0));
          state.reportMatch(buildDescription(after.call()).setMessage(String.format(
              "'%s' is %s at line %d on a path after close() at line %d, which throws"
                  + " ChannelClosedException; only the sender closes, once, after its last send",
              entry.getKey().name(), after.close() ? "closed again" : "sent on",
              SourceLines.of(after.call(), state), SourceLines.of(close.call(), state)))
              .build());
          break;
        }
      }
    }
  }

  /**
   * {@code hits} without those in the body of {@code loop} that a path reaches only by going
   * round: the close runs in the loop's last round ({@link LastRounds}), so no later round
   * follows it. A loop inside another loop of the root can run its rounds again: kept.
   */
  private static List<Tree> withoutLaterRounds(List<Tree> hits, ForLoopTree loop, Use close,
      Map<Tree, Use> afterClose, VarSymbol channel, ExitPaths paths, ChannelUses uses) {
    TreePath loopPath = uses.pathTo(loop);
    if (loopPath == null || SourceOrder.inLoop(loopPath.getParentPath(), uses.root())) {
      return hits;
    }
    Set<Tree> steps = new HashSet<>();
    loop.getUpdate().forEach(update -> steps.add(update.getExpression()));
    Set<Tree> sameRound = new HashSet<>(paths.reachedAvoiding(close.call(),
        afterClose::containsKey, t -> assigns(t, channel) || steps.contains(t)));
    return hits.stream()
        .filter(hit -> sameRound.contains(hit) || !inside(uses.pathTo(hit), loop.getStatement()))
        .toList();
  }

  private static boolean inside(TreePath path, Tree ancestor) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code tree} gives {@code channel} a value: the path has another channel after it. A
   * declaration counts whether or not it has an initializer: a for-each variable's declaration is
   * where each round gives it the next element ({@code for (Chan<T> s : subscribers) s.close();}
   * closes a different channel each time round), and a declaration with neither is assigned before
   * any use.
   */
  private static boolean assigns(Tree tree, VarSymbol channel) {
    return tree instanceof AssignmentTree assignment
            ? ASTHelpers.getSymbol(assignment.getVariable()) == channel
            : tree instanceof VariableTree variable && ASTHelpers.getSymbol(variable) == channel;
  }

  private Description describe(VarSymbol channel, Use close, Use after, VisitorState state) {
    Tree at = after.call() != null ? after.call() : after.ident();
    String what = after.kind() == Kind.CLOSE
        ? String.format("'%s' is closed again at line %d", channel.getSimpleName(),
            SourceLines.of(at, state))
        : String.format("'%s' is sent on at line %d", channel.getSimpleName(),
            SourceLines.of(at, state));
    return buildDescription(at).setMessage(String.format(
        "%s on a path after close() at line %d%s, which throws ChannelClosedException; only the"
            + " sender closes, once, after its last send",
        what, SourceLines.of(close.call(), state),
        close.via() == null ? "" : " (in " + close.via().method().getSimpleName() + "())"))
        .build();
  }

  /**
   * Whether the close at {@code path} sits in a block that also sets a boolean flag, or under
   * compareAndSet/getAndSet.
   */
  private static boolean guardedOnce(TreePath path, Tree root) {
    for (TreePath p = path; p != null && p.getLeaf() != root; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof BlockTree block && setsBooleanFlag(block.getStatements())) {
        return true;
      }
      if (leaf instanceof IfTree guard && Calls.anyIn(guard.getCondition(),
          c -> ONCE_GUARD.matcher(ASTHelpers.getSymbol(c).getSimpleName()).matches())) {
        return true;
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof MethodTree) {
        return false;
      }
    }
    return false;
  }

  private static boolean setsBooleanFlag(List<? extends StatementTree> statements) {
    for (StatementTree statement : statements) {
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof AssignmentTree assignment
          && ASTHelpers.getType(assignment.getVariable()) != null
          && ASTHelpers.getType(assignment.getVariable()).getTag() == TypeTag.BOOLEAN) {
        return true;
      }
    }
    return false;
  }
}
