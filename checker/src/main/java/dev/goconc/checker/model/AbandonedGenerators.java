package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.SourceOrder;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * A generator its caller stops reading: a method of the unit returns a channel that one
 * goroutine it starts feeds from a loop, with sends that wait (no way out: no {@code ctx.done()}
 * case, no {@code otherwise}), and a caller takes one value ({@code count(10).receive()}) or
 * leaves its for-each over the channel from the body (a {@code return}, a {@code throw}, a
 * {@code break} out of the loop): the goroutine's next send blocks for ever (the Go pipelines'
 * "downstream stops consuming").
 *
 * <p>The method's summary is certain only as {@link ReturnedChannels}' is: declared in this unit,
 * not overridable, not recursive ({@link ParameterEffects#summarisable}); the channel a local it
 * makes with a constant capacity, every {@code return} returns it, nothing in the method itself
 * receives from it or lets it out otherwise; one goroutine, started once, alone sends on and
 * closes it, and sends from a loop. A caller is judged only where the call's value is taken
 * directly (received from once, or ranged over by a for-each), or held in a local that only
 * this code reads, once, through its aliases; passed on, stored, returned, captured by other
 * code or read twice, it is not followed.
 */
public final class AbandonedGenerators {
  private AbandonedGenerators() {}

  /** The summary: the method, and its goroutine's first send in a loop. */
  public record Generator(MethodSymbol method, Tree send) {}

  /** How the caller at a call stops reading: the tree that does (the receive, the leave). */
  public record StopsReading(Generator generator, Tree at, boolean once) {}

  /** The caller at {@code callPath} stops reading the generator it calls, if it does. */
  public static Optional<StopsReading> at(TreePath callPath, VisitorState state) {
    if (!(callPath.getLeaf() instanceof MethodInvocationTree call)
        || !(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)
        || !ChannelUses.isChannelType(method.getReturnType(), state)) {
      return Optional.empty();
    }
    Tree parent = callPath.getParentPath().getLeaf();
    Tree stops = null;
    boolean once = false;
    if (parent instanceof MemberSelectTree select
        && callPath.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree use
        && use.getMethodSelect() == select
        && receivesOnce(use, state)) {
      stops = use;
      once = true;
    } else if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == call) {
      stops = earlyLeave(new TreePath(callPath.getParentPath(), loop.getStatement()), loop);
    } else if (parent instanceof VariableTree local && local.getInitializer() == call
        && summary(method, callPath, state).isPresent()) {
      Optional<Use> read = soleReadOfLocal(callPath.getParentPath(), state);
      if (read.isPresent() && read.get().tree() instanceof EnhancedForLoopTree loop) {
        TreePath loopPath = TreePath.getPath(callPath.getCompilationUnit(), loop);
        stops = loopPath == null
            ? null
            : earlyLeave(new TreePath(loopPath, loop.getStatement()), loop);
      } else if (read.isPresent() && receivesOnce(read.get().call(), state)) {
        stops = read.get().call();
        once = true;
      }
    }
    if (stops == null) {
      return Optional.empty();
    }
    Tree at = stops;
    boolean taken = once;
    return summary(method, callPath, state).map(g -> new StopsReading(g, at, taken));
  }

  private static boolean receivesOnce(MethodInvocationTree use, VisitorState state) {
    return use != null
        && (GoconcApi.CHAN_RECEIVE.matches(use, state)
            || GoconcApi.CHAN_TRY_RECEIVE.matches(use, state));
  }

  /**
   * The one read of the generator held in the local declared at {@code localPath}, through its
   * aliases ({@code var c = nums}, {@code nums.recvOnly()}): a receive or a for-each that runs
   * once in the code that declares the local, when nothing else reads the channel there, and it
   * goes nowhere else (not passed on, stored, returned, captured by other code, nor reassigned).
   * Empty otherwise: who else may read it is unknown.
   */
  private static Optional<Use> soleReadOfLocal(TreePath localPath, VisitorState state) {
    if (!(ASTHelpers.getSymbol(localPath.getLeaf()) instanceof VarSymbol held)
        || held.getKind() != ElementKind.LOCAL_VARIABLE
        || (held.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) == 0) {
      return Optional.empty();
    }
    TreePath rootPath = CodeRoots.rootOf(localPath);
    if (rootPath == null) {
      return Optional.empty();
    }
    Use read = null;
    for (Use use : ChannelUses.in(rootPath, state).of(held)) {
      if (use.unit() != rootPath.getLeaf() || use.via() != null) {
        return Optional.empty();
      }
      if (use.kind() == Kind.RECEIVE) {
        if (read != null || use.selectCase() || repeats(use, rootPath, state)) {
          return Optional.empty();
        }
        read = use;
      } else if (use.kind() != Kind.NEUTRAL) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(read);
  }

  /**
   * Whether the read can run more than once: a for-each over the channel repeats its receive, not
   * itself, so it counts only when a loop around it runs it again.
   */
  private static boolean repeats(Use read, TreePath rootPath, VisitorState state) {
    if (!(read.tree() instanceof EnhancedForLoopTree loop)) {
      return read.inLoop();
    }
    TreePath loopPath = TreePath.getPath(rootPath, loop);
    return loopPath == null
        || GoroutineBodies.place(loopPath.getParentPath(), rootPath.getLeaf(), state).repeated();
  }

  /** A {@code return}, {@code throw} or {@code break} out of {@code loop} in its body. */
  private static Tree earlyLeave(TreePath body, Tree loop) {
    Tree[] found = {null};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        found[0] = found[0] == null ? tree : found[0];
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        found[0] = found[0] == null ? tree : found[0];
        return null;
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        TreePath target = SourceOrder.breakTarget(getCurrentPath());
        if (found[0] == null && target != null && target.getLeaf() == loop) {
          found[0] = tree;
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
    }.scan(body, null);
    return found[0];
  }

  private static final UnitMemo.Fact<Map<MethodSymbol, Optional<Generator>>> SUMMARIES =
      new UnitMemo.Fact<>("generators");

  private static Optional<Generator> summary(
      MethodSymbol method, TreePath callPath, VisitorState state) {
    Map<MethodSymbol, Optional<Generator>> known =
        UnitMemo.get(state, SUMMARIES, callPath.getCompilationUnit(), HashMap::new);
    Optional<Generator> summary = known.get(method);
    if (summary == null) {
      summary = summarise(method, callPath, state);
      known.put(method, summary);
    }
    return summary;
  }

  private static Optional<Generator> summarise(
      MethodSymbol method, TreePath callPath, VisitorState state) {
    Optional<MethodTree> declared = GoroutineBodies.declarationInUnit(method, state);
    if (declared.isEmpty() || declared.get().getBody() == null
        || !ParameterEffects.summarisable(method, state)) {
      return Optional.empty();
    }
    TreePath methodPath = TreePath.getPath(callPath.getCompilationUnit(), declared.get());
    if (methodPath == null) {
      return Optional.empty();
    }
    ChannelUses uses = ChannelUses.in(methodPath, state);
    ChannelWaits ops = new ChannelWaits(uses, state);
    for (VarSymbol channel : uses.byChannel().keySet()) {
      Optional<Tree> send = fedFromALoop(channel, uses, ops);
      if (send.isPresent() && ReturnedChannels.returnsOnly(channel, declared.get(), uses, state)) {
        return Optional.of(new Generator(method, send.get()));
      }
    }
    return Optional.empty();
  }

  /** The first send of the one goroutine that feeds {@code channel} from a loop, no way out. */
  private static Optional<Tree> fedFromALoop(VarSymbol channel, ChannelUses uses,
      ChannelWaits ops) {
    Optional<Use> make = uses.madeHere(channel);
    if (make.isEmpty() || ChannelUses.capacity(make.get().call()).isEmpty()) {
      return Optional.empty();
    }
    List<Use> all = uses.of(channel);
    if (ReturnedChannels.onlyWriter(all, true, uses, ops).isEmpty()) {
      return Optional.empty();
    }
    List<Use> sends = all.stream().filter(u -> u.kind() == Kind.SEND).toList();
    if (sends.isEmpty() || !sends.stream().allMatch(ops::blocks)) {
      return Optional.empty(); // a send with a way out lets the goroutine stop
    }
    return sends.stream().filter(Use::inLoop).findFirst().map(Use::operation);
  }
}
