package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a method of the compilation unit does to a channel it is given: its summary, so that a
 * call {@code worker(ch)} counts at the call site as the sends, receives and close the method
 * performs on its parameter ({@code Go.go(() -> produce(out, items))} is a goroutine that sends
 * on {@code out}). Computed once per method, parameter and channel kind, and shared by every call
 * site and every rule.
 *
 * <p>A summary is only given where it is certain, and otherwise the call stays what it was
 * before summaries existed: an escape, which every rule reads as "unknown, stay quiet". There is
 * no summary when
 *
 * <ul>
 *   <li>the method is not declared in this unit, has no body, or may be overridden (neither
 *       {@code private}, {@code static} nor {@code final}, in a class that is not final): the code
 *       that runs may be another's;
 *   <li>the method can call itself, directly or through other methods of the unit;
 *   <li>the parameter is a variable arity one, is reassigned, escapes again in the method in a
 *       way no summary describes (stored, returned, passed on to a method without a summary),
 *       or is used by a goroutine the method starts;
 *   <li>the method closes the channel on some of its paths only, or some of its sends (or
 *       receives) have a way out and others do not: one effect per kind cannot say that.
 * </ul>
 *
 * <p>Each {@link Effect} is what a call does of one kind: a close, present only when every
 * normal way out of the method closes; sends or receives, with whether one can run repeatedly
 * in a call (a loop in the method), whether they loop until the close, whether each waits for a
 * partner, whether every way out performs one, and (for receives) whether each is a case of a
 * select in a loop that another case can end. A send on some paths only counts as a send at
 * the call site: the rules ask about the most sends, and about the least receives, so that
 * over-counts only sends' least and receives' most, both on the quiet side.
 */
public final class ParameterEffects {
  private ParameterEffects() {}

  /**
   * One kind of operation a call performs on the channel passed as the parameter.
   *
   * @param kind {@link Kind#SEND}, {@link Kind#RECEIVE} or {@link Kind#CLOSE}
   * @param method the summarised method
   * @param operation the first operation of this kind in the method, for messages
   * @param most the most times one call performs it ({@link SendCounts#UNBOUNDED} in a loop)
   * @param loopReceive a receive that loops until the close (for-each, {@code receiveOk} loop)
   * @param waits whether each operation waits for its partner, with no way out (a plain send or
   *     receive; not a {@code trySend} or a select case with a way out)
   * @param onEveryPath whether every normal way out of the method performs it
   * @param selectLoop for receives: every one is a case of a select with another way out, in a
   *     loop of the method ({@link ChannelWaits#inSelectLoopWithWayOut}): the method receives
   *     until that other case ends its loop, whether or not the channel is closed
   */
  public record Effect(Kind kind, MethodSymbol method, Tree operation, int most,
      boolean loopReceive, boolean waits, boolean onEveryPath, boolean selectLoop) {
    /** Whether one call can perform it more than once. */
    public boolean repeats() {
      return most > 1;
    }
  }

  /**
   * The effects of {@code call} on its argument number {@code index}, a channel of {@code kind};
   * empty when the call has no summary for it (see the class comment).
   */
  public static Optional<List<Effect>> of(
      MethodInvocationTree call, int index, ChannelKind kind, VisitorState state) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)
        || method.isVarArgs() && index >= method.getParameters().size() - 1
        || index >= method.getParameters().size()) {
      return Optional.empty();
    }
    return summaries(state).of(method, index, kind, state);
  }

  private static final UnitMemo.Fact<Summaries> SUMMARIES =
      new UnitMemo.Fact<>("parameter effects");

  /**
   * Whether what a call of {@code method} does can be read off its declaration: it is declared in
   * this unit with a body, cannot be overridden, and cannot call itself.
   */
  public static boolean summarisable(MethodSymbol method, VisitorState state) {
    return summaries(state).summarisable(method, state);
  }

  /**
   * As {@link #summarisable}, for a call on an object of exactly the method's class ({@code new
   * C().run()}), which runs this declaration even where a subclass could replace it.
   */
  public static boolean summarisableOnItsOwnClass(MethodSymbol method, VisitorState state) {
    return summaries(state).summarisableOnItsOwnClass(method, state);
  }

  private static Summaries summaries(VisitorState state) {
    return UnitMemo.get(state, SUMMARIES, state.getPath().getCompilationUnit(),
        () -> new Summaries(state.getPath().getCompilationUnit()));
  }

  /** The unit's summaries, computed on demand, and which of its methods can call themselves. */
  private static final class Summaries {
    private final CompilationUnitTree unit;
    private final Map<MethodSymbol, Map<Integer, Map<ChannelKind, Optional<List<Effect>>>>> known =
        new IdentityHashMap<>();
    private Set<MethodSymbol> recursive;

    Summaries(CompilationUnitTree unit) {
      this.unit = unit;
    }

    Optional<List<Effect>> of(MethodSymbol method, int index, ChannelKind kind,
        VisitorState state) {
      Map<ChannelKind, Optional<List<Effect>>> byKind = known
          .computeIfAbsent(method, m -> new java.util.HashMap<>())
          .computeIfAbsent(index, i -> new java.util.HashMap<>());
      Optional<List<Effect>> summary = byKind.get(kind);
      if (summary == null) {
        // A method of the unit that cannot call itself: computing its summary asks only for
        // summaries of methods it calls, which end, so this cannot come back here.
        summary = compute(method, index, kind, state);
        byKind.put(kind, summary);
      }
      return summary;
    }

    private Optional<List<Effect>> compute(
        MethodSymbol method, int index, ChannelKind kind, VisitorState state) {
      if (!summarisable(method, state)) {
        return Optional.empty();
      }
      Optional<MethodTree> declared = GoroutineBodies.declarationInUnit(method, state);
      TreePath methodPath = TreePath.getPath(unit, declared.get());
      VarSymbol parameter = ASTHelpers.getSymbol(declared.get().getParameters().get(index));
      if (methodPath == null || parameter == null) {
        return Optional.empty();
      }
      ChannelUses uses = ChannelUses.in(methodPath, kind, state);
      List<Use> all = uses.of(parameter);
      Map<Kind, List<Use>> byKind = new EnumMap<>(Kind.class);
      for (Use use : all) {
        switch (use.kind()) {
          case SEND, RECEIVE, CLOSE -> {
            if (use.unit() != declared.get()) {
              return Optional.empty(); // used by a goroutine the method starts
            }
            byKind.computeIfAbsent(use.kind(), k -> new java.util.ArrayList<>()).add(use);
          }
          case NEUTRAL -> {}
          default -> {
            return Optional.empty(); // made, reassigned or escaping again
          }
        }
      }
      ChannelWaits waits = new ChannelWaits(uses, state);
      Optional<ExitPaths> paths = ExitPaths.of(methodPath, state);
      if (paths.isEmpty()) {
        return Optional.empty();
      }
      List<Effect> effects = new java.util.ArrayList<>();
      for (Map.Entry<Kind, List<Use>> entry : byKind.entrySet()) {
        Optional<Effect> effect = effect(method, declared.get().getBody(), entry.getKey(),
            entry.getValue(), waits, paths.get(), state);
        if (effect.isEmpty()) {
          return Optional.empty();
        }
        effects.add(effect.get());
      }
      return Optional.of(List.copyOf(effects));
    }

    private static Optional<Effect> effect(MethodSymbol method, Tree body, Kind kind,
        List<Use> ops, ChannelWaits waits, ExitPaths paths, VisitorState state) {
      Set<Boolean> waiting = new HashSet<>();
      Set<Tree> trees = new HashSet<>();
      for (Use op : ops) {
        waiting.add(switch (kind) {
          case SEND -> waits.blocks(op);
          case RECEIVE -> waits.waits(op);
          default -> true;
        });
        trees.add(op.ident());
        trees.add(op.tree());
        if (op.call() != null) {
          trees.add(op.call());
        }
      }
      boolean onEveryPath = paths.exitsFromEntryAvoiding(trees::contains).stream()
          .noneMatch(ExitPaths.Exit::leaves);
      if (waiting.size() != 1 || (kind == Kind.CLOSE && !onEveryPath)) {
        return Optional.empty();
      }
      Set<Tree> operations = new HashSet<>();
      ops.forEach(op -> operations.add(op.operation()));
      int most = ops.stream().anyMatch(Use::inLoop) ? SendCounts.UNBOUNDED
          : SendCounts.max(body, operations, callback -> SendCounts.UNBOUNDED,
              ChannelUses.operationsAt(ops));
      return Optional.of(new Effect(kind, method, ops.get(0).operation(), most,
          ops.stream().anyMatch(op -> ChannelUses.loopsUntilClosed(op, state)), waiting.contains(true),
          onEveryPath, ops.stream().allMatch(waits::inSelectLoopWithWayOut)));
    }

    boolean summarisable(MethodSymbol method, VisitorState state) {
      return !overridable(method) && summarisableOnItsOwnClass(method, state);
    }

    boolean summarisableOnItsOwnClass(MethodSymbol method, VisitorState state) {
      Optional<MethodTree> declared = GoroutineBodies.declarationInUnit(method, state);
      return declared.isPresent() && declared.get().getBody() != null
          && !recursive(state).contains(method);
    }

    /** Whether a subclass may replace the method, so the code a call runs is not this one. */
    private static boolean overridable(MethodSymbol method) {
      if ((method.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) != 0
          || method.isConstructor()) {
        return false;
      }
      Symbol owner = method.owner;
      return (owner.flags() & Flags.FINAL) == 0 && !owner.isAnonymous()
          && (owner.flags() & (Flags.ENUM | Flags.RECORD)) == 0;
    }

    /** The methods of the unit that can reach themselves through calls of the unit's methods. */
    private Set<MethodSymbol> recursive(VisitorState state) {
      if (recursive == null) {
        recursive = findRecursive(callGraph());
      }
      return recursive;
    }

    /** Each method of the unit, with the methods it calls anywhere in its body. */
    private Map<MethodSymbol, Set<MethodSymbol>> callGraph() {
      Map<MethodSymbol, Set<MethodSymbol>> calls = new IdentityHashMap<>();
      new TreeScanner<Void, MethodSymbol>() {
        @Override
        public Void visitMethod(MethodTree tree, MethodSymbol unused) {
          MethodSymbol symbol = ASTHelpers.getSymbol(tree);
          if (symbol != null) {
            calls.putIfAbsent(symbol, new LinkedHashSet<>());
          }
          return super.visitMethod(tree, symbol);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, MethodSymbol caller) {
          record(caller, ASTHelpers.getSymbol(tree));
          return super.visitMethodInvocation(tree, caller);
        }

        @Override
        public Void visitNewClass(NewClassTree tree, MethodSymbol caller) {
          record(caller, ASTHelpers.getSymbol(tree));
          return super.visitNewClass(tree, caller);
        }

        @Override
        public Void visitMemberReference(
            com.sun.source.tree.MemberReferenceTree tree, MethodSymbol caller) {
          record(caller, ASTHelpers.getSymbol(tree));
          return super.visitMemberReference(tree, caller);
        }

        private void record(MethodSymbol caller, Symbol callee) {
          if (caller != null && callee instanceof MethodSymbol method) {
            calls.computeIfAbsent(caller, c -> new LinkedHashSet<>()).add(method);
          }
        }
      }.scan(unit, null);
      return calls;
    }

    private static Set<MethodSymbol> findRecursive(Map<MethodSymbol, Set<MethodSymbol>> calls) {
      Set<MethodSymbol> recursive = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      for (MethodSymbol start : calls.keySet()) {
        Set<MethodSymbol> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodSymbol> work = new ArrayDeque<>(calls.get(start));
        while (!work.isEmpty()) {
          MethodSymbol next = work.pop();
          if (next == start) {
            recursive.add(start);
            break;
          }
          if (seen.add(next)) {
            work.addAll(calls.getOrDefault(next, Set.of()));
          }
        }
      }
      return recursive;
    }
  }
}
