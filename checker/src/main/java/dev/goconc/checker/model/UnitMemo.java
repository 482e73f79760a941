package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.util.Context;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the rules work out about one tree of the compilation unit being checked and several of
 * them need: a body's control-flow graph, the channel uses of a method or of the whole unit,
 * whether the unit names the runtime. On code that calls the runtime in nearly every method the
 * rules each computed these again for the same tree; graphs alone were over a third of their
 * time. Each {@link Fact} is computed once per tree and shared.
 *
 * <p>Error Prone runs every check over one unit's trees before it moves on, so the memo holds one
 * unit's facts and forgets them when a rule asks about another unit. A fact depends only on its
 * tree (the same tree gives the same graph, the same uses) and is never changed after it is
 * made, so sharing cannot change a finding. The memo lives in the javac task's {@link Context},
 * never in a static field: nothing outlives the compilation, and javac tasks running in parallel
 * in one JVM share nothing.
 */
public final class UnitMemo {
  private static final Context.Key<UnitMemo> KEY = new Context.Key<>();

  /** One kind of fact about a tree; its identity is the key, its name is for reading. */
  // T is the type of the fact's value, checked where get() takes a Fact<T> and returns a T.
  @SuppressWarnings("UnusedTypeParameter")
  public static final class Fact<T> {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name;
    /** Where a memo keeps this fact's values: facts are made once, as constants of their class. */
    private final int slot = COUNT.getAndIncrement();

    public Fact(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private CompilationUnitTree unit;
  /** Each fact's values for the current unit, at the fact's slot; grown as facts are met. */
  private Map<?, ?>[] facts = new Map<?, ?>[64];

  private UnitMemo() {}

  /**
   * {@code fact} about {@code tree}, a tree of the unit {@code state} is checking: computed by
   * {@code compute} on the first request for this unit, the same object afterwards.
   */
  public static <T> T get(VisitorState state, Fact<T> fact, Tree tree, Supplier<T> compute) {
    UnitMemo memo = state.context.get(KEY);
    if (memo == null) {
      memo = new UnitMemo();
      state.context.put(KEY, memo);
    }
    return memo.lookUp(state.getPath().getCompilationUnit(), fact, tree, compute);
  }

  @SuppressWarnings("unchecked") // each fact's map holds only values its supplier made
  private <T> T lookUp(CompilationUnitTree current, Fact<T> fact, Tree tree, Supplier<T> compute) {
    if (unit != current) {
      unit = current;
      java.util.Arrays.fill(facts, null);
    }
    if (fact.slot >= facts.length) {
      facts = java.util.Arrays.copyOf(facts, Math.max(fact.slot + 1, 2 * facts.length));
    }
    Map<Tree, Object> known = (Map<Tree, Object>) facts[fact.slot];
    if (known == null) {
      known = new IdentityHashMap<>();
      facts[fact.slot] = known;
    }
    Object value = known.get(tree);
    if (value == null) {
      value = compute.get();
      known.put(tree, value);
    }
    return (T) value;
  }
}
