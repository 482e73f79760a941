package dev.goconc.checker;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.util.Context;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;

/**
 * The control-flow graphs of the compilation unit being checked, so that the five path rules
 * (LostCancel, TickerNotStopped, GoroutineLeak, UnclosedChannel, SendOnClosedChannel) build one
 * graph per method or lambda between them instead of one each. Error Prone runs every check over
 * one unit before the next, so the cache holds one unit's graphs and is emptied when another
 * unit asks. It lives in the javac task's {@link Context}, never in a static field: nothing
 * outlives the compilation, and parallel javac tasks in one JVM share nothing.
 */
final class GraphCache {
  private static final Context.Key<GraphCache> KEY = new Context.Key<>();

  private CompilationUnitTree unit;
  private final Map<Tree, Optional<ControlFlowGraph>> graphs = new IdentityHashMap<>();

  private GraphCache() {}

  static GraphCache in(VisitorState state) {
    GraphCache cache = state.context.get(KEY);
    if (cache == null) {
      cache = new GraphCache();
      state.context.put(KEY, cache);
    }
    return cache;
  }

  /** The graph of {@code body} (a method or lambda of {@code unit}), built on first request. */
  Optional<ControlFlowGraph> graphOf(
      Tree body, CompilationUnitTree unit, Supplier<Optional<ControlFlowGraph>> build) {
    if (this.unit != unit) {
      this.unit = unit;
      graphs.clear();
    }
    Optional<ControlFlowGraph> graph = graphs.get(body);
    if (graph == null) {
      graph = build.get();
      graphs.put(body, graph);
    }
    return graph;
  }
}
