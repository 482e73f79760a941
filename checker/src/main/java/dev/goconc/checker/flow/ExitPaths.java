package dev.goconc.checker.flow;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.UnitMemo;
import dev.goconc.checker.util.CostProbe;
import dev.goconc.checker.util.SourceLines;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SingleSuccessorBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SpecialBlock;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.checkerframework.errorprone.dataflow.cfg.node.BooleanLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ReturnNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThrowNode;

/**
 * All-paths questions on the control-flow graph of one method or lambda body, the one place the
 * checks walk a graph: which exits can be reached from a start point (or the entry) without
 * passing a node that satisfies a predicate (go vet's lostcancel asks this of its cancel variable;
 * the channel rules ask it of a receive, a send or a close), and which trees can be reached so.
 *
 * <p>The graph is the Checker Framework dataflow CFG bundled with Error Prone, which lays out
 * {@code finally} blocks on every path through them (normal, return, break, continue, throw),
 * try-with-resources, loops, labelled jumps and switches. The walk follows the project's path
 * rules: an exception that an ordinary call may throw is not a path (only an explicit {@code throw}
 * leaves by an exceptional edge, into a {@code catch}, a {@code finally} or out of the body), and a
 * call that never returns ({@code System.exit}, {@code Runtime.halt}) ends its path with an exit of
 * kind {@link Kind#HALT}, which callers asking "does the body leave" ignore. One question sets the
 * first rule aside: {@link #exitsAvoidingThrows} also follows the exception a tree may throw, any
 * but an {@code Error}, for a task whose every way out, a failure included, must pass some call (a
 * future's {@code completeExceptionally}, a latch's {@code countDown}). "May throw" is the graph's
 * one notion of it: a tree may throw when the graph gives it an exceptional edge, which it does
 * for a method or constructor call, an array access or creation, an integer division or
 * remainder, a cast, an unboxing and a field read through a reference (an explicit {@code throw}
 * always leaves); an assignment, a comparison, a local or {@code this} field read, a literal, a
 * lambda's creation or {@code synchronized} entry and exit have none. The caller says which of
 * those trees it asks about. A
 * constant condition
 * ({@code do ... while (true)}) has one edge only, so a loop that never leaves simply has no exit.
 * Lambdas and classes declared inside the body are single nodes: their code is not this body's
 * path, and a predicate sees the lambda (or {@code new} of an anonymous class) as one tree.
 *
 * <p>Use: {@code ExitPaths.of(methodOrLambdaPath, state)} once per body (it builds the graph, or
 * takes the one another rule built for the same body from {@link UnitMemo}), then
 * ask {@link #exitsAvoiding}, {@link #exitsFromEntryAvoiding}, {@link #reachedAvoiding} or {@link
 * #leastCountsFromEntry} as often as needed. The graph keeps no node for a bare {@code return;};
 * such exits are placed by {@link BareReturns} for the message's sake, and each exit also carries
 * the last tree its path evaluated.
 */
public final class ExitPaths {
  /** How a path leaves the body. */
  public enum Kind {
    /** A {@code return} statement. */
    RETURN,
    /** Falling off the end of the body (or a lambda's expression body completing). */
    END_OF_BODY,
    /** An explicit {@code throw} that no {@code catch} of the body handles. */
    THROW,
    /** A call that never returns, such as {@code System.exit}. */
    HALT
  }

  /**
   * One way out. {@code tree} is the {@code return} or {@code throw} statement or the
   * never-returning call, and {@code null} for {@link Kind#END_OF_BODY}. {@code last} is the last
   * source tree the path evaluated before leaving (the start tree when it evaluated none after it;
   * null when it evaluated nothing at all); exits are told apart by kind and tree alone.
   */
  public record Exit(Kind kind, Tree tree, Tree last) {
    /**
     * The tree a message names: a {@code return} with a value or a {@code throw}, which the graph
     * evaluates, else the last tree evaluated (a bare {@code return;} or the end of the body).
     */
    public Tree named() {
      boolean evaluated =
          (tree instanceof ReturnTree r && r.getExpression() != null) || tree instanceof ThrowTree;
      return evaluated ? tree : last;
    }

    /**
     * The statement that leaves: the {@code return} (a bare one too, placed by {@link
     * BareReturns}), the {@code throw} or the never-returning call; for the end of the body, the
     * last tree evaluated.
     */
    public Tree statement() {
      return tree != null ? tree : last;
    }

    /** "at line N" for a return with a value or a throw, "after line N" otherwise. */
    public String where(VisitorState state) {
      String line = String.valueOf(SourceLines.of(named(), state));
      return named() == tree ? "at line " + line : "after line " + line;
    }

    /** Whether the path leaves the body (it did not halt the program). */
    public boolean leaves() {
      return kind != Kind.HALT;
    }

    private Exit withoutLast() {
      return new Exit(kind, tree, null);
    }
  }

  /** A body's graph, built once for every rule that asks; empty when it cannot be built. */
  private static final UnitMemo.Fact<Optional<ControlFlowGraph>> GRAPH =
      new UnitMemo.Fact<>("control-flow graph");

  private final ControlFlowGraph cfg;
  private final VisitorState state;

  private ExitPaths(ControlFlowGraph cfg, VisitorState state) {
    this.cfg = cfg;
    this.state = state;
  }

  /**
   * The graph of {@code bodyPath}'s leaf, a {@link MethodTree} with a body or a {@link
   * LambdaExpressionTree}; empty when the body cannot be modelled.
   */
  public static Optional<ExitPaths> of(TreePath bodyPath, VisitorState state) {
    Tree leaf = bodyPath.getLeaf();
    ClassTree enclosingClass = ASTHelpers.findEnclosingNode(bodyPath, ClassTree.class);
    if (enclosingClass == null) {
      return Optional.empty();
    }
    UnderlyingAST ast;
    if (leaf instanceof MethodTree method && method.getBody() != null) {
      ast = new UnderlyingAST.CFGMethod(method, enclosingClass);
    } else if (leaf instanceof BlockTree initializer
        && bodyPath.getParentPath() != null
        && bodyPath.getParentPath().getLeaf() == enclosingClass) {
      ast = new UnderlyingAST.CFGStatement(initializer, enclosingClass); // static { ... }, { ... }
    } else if (leaf instanceof LambdaExpressionTree lambda) {
      ast =
          new UnderlyingAST.CFGLambda(
              lambda, enclosingClass, ASTHelpers.findEnclosingNode(bodyPath, MethodTree.class));
    } else {
      return Optional.empty();
    }
    UnderlyingAST body = ast;
    return UnitMemo.get(state, GRAPH, leaf, () -> build(bodyPath, body, state))
        .map(graph -> new ExitPaths(graph, state));
  }

  /** Builds the graph of {@code ast}, the body at {@code bodyPath}; empty if it cannot. */
  private static Optional<ControlFlowGraph> build(
      TreePath bodyPath, UnderlyingAST ast, VisitorState state) {
    CostProbe.graphBuilt(state);
    // The builder asserts on trees it does not model (new syntax it predates): no graph, no
    // judgement, under the one crash policy.
    return CrashPolicy.attempt(state, () -> CFGBuilder.build(
        new TreePath(bodyPath, ast.getCode()),
        ast,
        /* assumeAssertionsEnabled= */ false,
        /* assumeAssertionsDisabled= */ false,
        JavacProcessingEnvironment.instance(state.context)));
  }

  /**
   * The exits reachable from just after {@code start} (after each node the graph has for it: a tree
   * in a {@code finally} block has one per copy of the block) without passing a node whose tree
   * satisfies {@code passes}, in a deterministic order; a path that comes back to {@code start} (a
   * loop re-running it) stops there. Empty when {@code start} is not in this body.
   */
  public List<Exit> exitsAvoiding(Tree start, Predicate<Tree> passes) {
    return walkFrom(start, avoiding(passes), null, false).exits();
  }

  /**
   * What a tree costs a path in {@link #exitsWithin}, or what a {@link Meter} answers, when the
   * path ends at the tree.
   */
  public static final int BLOCKS = -1;

  /**
   * How a count carried along a path changes at each tree the path evaluates; see {@link
   * #leastCountsFromEntry}.
   */
  @FunctionalInterface
  public interface Meter {
    /**
     * The count after {@code tree}, given the count before it, or {@link #BLOCKS} when the path
     * ends there. A higher count before never gives a lower one after, and counts stay small.
     */
    int after(Tree tree, int before);
  }

  /**
   * The exits reachable from just after {@code start} on a path whose trees cost at most {@code
   * budget} in all: each tree costs {@code cost.applyAsInt(tree)} (0 for most; {@link #BLOCKS}
   * ends the path). GoroutineLeak counts receives with it: can the method leave having received
   * fewer values than its goroutines send beyond the buffer? A path that comes back to {@code
   * start} stops there, as in {@link #exitsAvoiding}.
   */
  public List<Exit> exitsWithin(Tree start, ToIntFunction<Tree> cost, int budget) {
    Meter within = (tree, spent) -> {
      int price = cost.applyAsInt(tree);
      return price == BLOCKS || (long) spent + price > budget ? BLOCKS : spent + price;
    };
    return walkFrom(start, within, null, false).exits();
  }

  /**
   * The least count with which a path from the entry reaches each tree it evaluates (trees no path
   * reaches are absent): the count is 0 at the entry, and {@code meter} changes it at each tree,
   * where a path can also end. GoroutineLeak reads a buffer's fill level so, sends filling it and
   * receives emptying it: a send that every path reaches with the buffer full waits for good.
   * Each position of the graph is walked again only with a lower count than before.
   */
  public Map<Tree, Integer> leastCountsFromEntry(Meter meter) {
    return walkFrom(null, meter, null, true).least();
  }

  /** Whether the graph evaluates {@code tree} (has a node for it). */
  public boolean evaluates(Tree tree) {
    return !nodesFor(tree).isEmpty();
  }

  private static Meter avoiding(Predicate<Tree> passes) {
    return (tree, count) -> passes.test(tree) ? BLOCKS : count;
  }

  /**
   * The exits reachable from the start of the body without passing a node whose tree satisfies
   * {@code passes} (for "does every path through this goroutine close its channel").
   */
  public List<Exit> exitsFromEntryAvoiding(Predicate<Tree> passes) {
    return walkFrom(null, avoiding(passes), null, false).exits();
  }

  /**
   * As {@link #exitsFromEntryAvoiding}, where a tree may also throw: each tree the graph gives an
   * implicit exception (a method or constructor call, and also an array access or creation, an
   * integer division or remainder, a cast, an unboxing, a field read through a reference) whose
   * tree {@code mayThrow} accepts adds its exceptional edges (into a {@code catch}, a {@code
   * finally} or out of the body as {@link Kind#THROW}), but those of {@code Error} types. For
   * "does every way out of this task, an exception from any call included, complete the future".
   */
  public List<Exit> exitsFromEntryAvoidingThrows(Predicate<Tree> passes, Predicate<Tree> mayThrow) {
    return exitsAvoidingThrows(null, passes, mayThrow);
  }

  /**
   * As {@link #exitsAvoiding}, where a tree for which {@code mayThrow} holds may also throw
   * (see {@link #exitsFromEntryAvoidingThrows}); from the entry when {@code start} is null.
   */
  public List<Exit> exitsAvoidingThrows(
      Tree start, Predicate<Tree> passes, Predicate<Tree> mayThrow) {
    return walkThrowing(start, passes, mayThrow, false);
  }

  /**
   * As {@link #exitsAvoidingThrows} from the entry, where a call or constructor may also throw an
   * {@code Error} (whatever code it runs can): for a count-down that only a {@code finally}, or a
   * {@code catch} of {@code Throwable}, makes certain.
   */
  public List<Exit> exitsFromEntryAvoidingAnyThrow(
      Predicate<Tree> passes, Predicate<Tree> mayThrow) {
    return walkThrowing(null, passes, mayThrow, true);
  }

  private List<Exit> walkThrowing(
      Tree start, Predicate<Tree> passes, Predicate<Tree> mayThrow, boolean errors) {
    callsThrow = mayThrow;
    errorsThrown = errors;
    try {
      return walkFrom(start, avoiding(passes), null, false).exits();
    } finally {
      callsThrow = null;
      errorsThrown = false;
    }
  }

  /** Whether the walk under way follows the {@code Error} edges of calls too. */
  private boolean errorsThrown;

  /** The trees whose implicit exceptions the walk under way follows; null for none. */
  private Predicate<Tree> callsThrow;

  /**
   * The trees satisfying {@code target} that a path from just after {@code start} reaches without
   * passing a node whose tree satisfies {@code passes}, in source order (for "is this channel sent
   * on after its close"). A path ends at the first target it reaches, and at {@code start} again.
   */
  public List<Tree> reachedAvoiding(Tree start, Predicate<Tree> target, Predicate<Tree> passes) {
    List<Tree> reached =
        new ArrayList<>(walkFrom(start, avoiding(passes), target, false).reached());
    reached.sort(Comparator.comparingLong(ASTHelpers::getStartPosition));
    return reached;
  }

  /**
   * As {@link #reachedAvoiding}, where a tree {@code mayThrow} accepts may also throw (see {@link
   * #exitsFromEntryAvoidingThrows}): its exception's way into a {@code catch} or a {@code finally}
   * is a path too (for "can this goroutine send, from a catch, before it counts down"). From the
   * entry when {@code start} is null.
   */
  public List<Tree> reachedAvoidingThrows(
      Tree start, Predicate<Tree> target, Predicate<Tree> passes, Predicate<Tree> mayThrow) {
    callsThrow = mayThrow;
    errorsThrown = false;
    try {
      List<Tree> reached =
          new ArrayList<>(walkFrom(start, avoiding(passes), target, false).reached());
      reached.sort(Comparator.comparingLong(ASTHelpers::getStartPosition));
      return reached;
    } finally {
      callsThrow = null;
    }
  }

  /**
   * What one walk found: its exits, the target trees it reached, and when asked, the least count
   * each tree was reached with.
   */
  private record Found(List<Exit> exits, Set<Tree> reached, Map<Tree, Integer> least) {}

  /**
   * A walk from just after {@code start}, or from the entry when {@code start} is null, that
   * collects the exits when {@code target} is null and the targets reached otherwise, carrying a
   * count that {@code meter} changes at each tree; with {@code least}, also the least count each
   * tree is reached with, walking a position again only with a lower count.
   */
  private Found walkFrom(Tree start, Meter meter, Predicate<Tree> target, boolean least) {
    Found found = new Found(
        new ArrayList<>(), new LinkedHashSet<>(), least ? new HashMap<>() : null);
    List<Node> startNodes = start == null ? List.of() : nodesFor(start);
    Deque<Step> work = new ArrayDeque<>();
    if (start == null) {
      work.push(new Step(cfg.getEntryBlock(), 0, null, null, 0));
    }
    for (Node startNode : startNodes) {
      Block startBlock = startNode.getBlock();
      if (startBlock != null) {
        work.push(
            new Step(startBlock, indexOf(startNode, startBlock.getNodes()) + 1, null, start, 0));
      }
    }
    Set<Exit> seenExits = new HashSet<>();
    Set<Step> visited = new HashSet<>();
    Map<Position, Integer> lowest = new HashMap<>();
    while (!work.isEmpty()) {
      Step step = work.pop();
      if (least ? lowerThanBefore(step, lowest) : visited.add(step)) {
        walk(step, startNodes, meter, target, work, found, seenExits);
      }
    }
    return found;
  }

  /** A place in the graph: a block and the node index to resume at. */
  private record Position(Block block, int from) {}

  /** Whether {@code step} comes to its position with a lower count than any step before. */
  private static boolean lowerThanBefore(Step step, Map<Position, Integer> lowest) {
    Position position = new Position(step.block(), step.from());
    Integer before = lowest.get(position);
    if (before != null && before <= step.count()) {
      return false;
    }
    lowest.put(position, step.count());
    return true;
  }

  /**
   * A position on a path: a block, the node index to resume at, the last return or throw passed,
   * and the last tree evaluated (to place a {@code return;}, which has no node).
   */
  private record Step(Block block, int from, Tree leaving, Tree last, int count) {}

  private void walk(
      Step step,
      List<Node> startNodes,
      Meter meter,
      Predicate<Tree> target,
      Deque<Step> work,
      Found found,
      Set<Exit> seenExits) {
    Block block = step.block();
    Tree leaving = step.leaving();
    Tree last = step.last();
    int count = step.count();
    if (block instanceof SpecialBlock special) {
      if (target != null && special.getSpecialType() != SpecialBlock.SpecialBlockType.ENTRY) {
        return; // a target search: exits are not asked for
      }
      switch (special.getSpecialType()) {
        case EXIT -> addExit(regularExit(leaving, last), found, seenExits);
        case EXCEPTIONAL_EXIT ->
            addExit(
                new Exit(Kind.THROW, leaving instanceof ThrowTree ? leaving : null, last),
                found,
                seenExits);
        default -> pushAll(block.getSuccessors(), leaving, last, count, work);
      }
      return;
    }
    List<Node> nodes = block.getNodes();
    Node lastNode = null;
    for (int i = step.from(); i < nodes.size(); i++) {
      Node node = nodes.get(i);
      if (isAny(node, startNodes)) {
        return; // the path re-runs the start (a loop): what follows was walked from there
      }
      lastNode = node;
      Tree tree = node.getTree();
      if (tree == null) {
        continue;
      }
      if (target != null && target.test(tree)) {
        found.reached().add(tree);
        return;
      }
      if (found.least() != null) {
        found.least().merge(tree, count, Math::min);
      }
      count = meter.after(tree, count);
      if (count == BLOCKS) {
        return;
      }
      if (node.getInSource()) {
        last = tree; // desugared code (a for-each's iterator calls) has trees of its own
      }
      if (node instanceof ReturnNode) {
        leaving = tree;
      } else if (node instanceof MethodInvocationNode call
          && JdkApi.NEVER_RETURNS.matches(call.getTree(), state)) {
        if (target == null) {
          addExit(new Exit(Kind.HALT, call.getTree(), last), found, seenExits);
        }
        return;
      } else if (node instanceof ThrowNode) {
        // An explicit throw leaves only by its exceptional edges.
        if (block instanceof ExceptionBlock thrower) {
          for (Set<Block> targets : thrower.getExceptionalSuccessors().values()) {
            pushAll(targets, tree, last, count, work);
          }
        }
        return;
      }
    }
    if (block instanceof ExceptionBlock exceptionBlock) {
      // Implicit exceptions are not paths, unless the question asks for those of this tree.
      // A method access's null check is its call's: the call is the tree that may throw.
      Tree thrower =
          exceptionBlock.getNode() instanceof MethodAccessNode
              ? null
              : exceptionBlock.getNode().getTree();
      if (callsThrow != null && thrower != null && callsThrow.test(thrower)) {
        List<Map.Entry<TypeMirror, Set<Block>>> edges =
            new ArrayList<>(exceptionBlock.getExceptionalSuccessors().entrySet());
        edges.sort(Comparator.comparing(edge -> edge.getKey().toString())); // deterministic
        for (Map.Entry<TypeMirror, Set<Block>> edge : edges) {
          if (errorsThrown || !isError(edge.getKey())) {
            pushAll(edge.getValue(), null, last, count, work);
          }
        }
      }
      if (exceptionBlock.getSuccessor() != null) {
        work.push(new Step(exceptionBlock.getSuccessor(), 0, leaving, last, count));
      }
      return;
    }
    if (block instanceof SingleSuccessorBlock single
        && single.getSuccessor() instanceof ConditionalBlock condition
        && lastNode instanceof BooleanLiteralNode constant) {
      // A constant condition (do ... while (true)) has one edge only.
      Block only =
          Boolean.TRUE.equals(constant.getValue())
              ? condition.getThenSuccessor()
              : condition.getElseSuccessor();
      work.push(new Step(only, 0, leaving, last, count));
      return;
    }
    pushAll(block.getSuccessors(), leaving, last, count, work);
  }

  /**
   * The exit a path takes into the regular exit block. A {@code return} with a value has a node; a
   * bare {@code return;} has none, so it is placed from the last tree evaluated.
   */
  private Exit regularExit(Tree leaving, Tree last) {
    if (leaving instanceof ReturnTree) {
      return new Exit(Kind.RETURN, leaving, last);
    }
    Tree bareReturn = last == null ? null : BareReturns.after(last, state);
    return bareReturn != null
        ? new Exit(Kind.RETURN, bareReturn, last)
        : new Exit(Kind.END_OF_BODY, null, last);
  }

  private static void pushAll(
      Set<Block> blocks, Tree leaving, Tree last, int count, Deque<Step> work) {
    List<Block> ordered = new ArrayList<>(blocks);
    ordered.sort((a, b) -> Long.compare(b.getUid(), a.getUid())); // deterministic order
    for (Block b : ordered) {
      work.push(new Step(b, 0, leaving, last, count));
    }
  }

  private boolean isError(TypeMirror thrown) {
    return thrown instanceof Type type
        && state.getTypes().isSubtype(type, state.getSymtab().errorType);
  }

  /** Keeps the first path's exit of each kind and tree. */
  private static void addExit(Exit exit, Found found, Set<Exit> seen) {
    if (seen.add(exit.withoutLast())) {
      found.exits().add(exit);
    }
  }

  /**
   * The nodes of {@code tree}, latest first: one per copy of a {@code finally} block that holds
   * it, and for a declaration both its declaration and its assignment (a walk from the first
   * stops at the second, so each copy is walked from the node that completes it).
   */
  private List<Node> nodesFor(Tree tree) {
    Set<Node> nodes = cfg.getNodesCorrespondingToTree(tree);
    if (nodes == null) {
      return List.of();
    }
    List<Node> ordered = new ArrayList<>(nodes);
    ordered.sort(Comparator.comparingLong(Node::getUid).reversed()); // deterministic order
    return ordered;
  }

  /** Whether {@code node} is one of {@code nodes}: by identity, see {@link #indexOf}. */
  private static boolean isAny(Node node, List<Node> nodes) {
    return indexOf(node, nodes) >= 0;
  }

  /**
   * The index of {@code node} in {@code nodes} by identity, not {@code equals}: nodes that look
   * alike are equal (the copies of a call in each layout of a {@code finally} block).
   */
  private static int indexOf(Node node, List<Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == node) {
        return i;
      }
    }
    return -1;
  }
}
