package dev.goconc.checker;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SpecialBlock;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ReturnNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThrowNode;

/**
 * All-paths questions on the control-flow graph of one method or lambda body: which exits can be
 * reached from a start point without passing a node that satisfies a predicate (go vet's lostcancel
 * asks this of its cancel variable).
 *
 * <p>The graph is the Checker Framework dataflow CFG bundled with Error Prone, which lays out
 * {@code finally} blocks on every path through them (normal, return, break, continue, throw),
 * try-with-resources, loops, labelled jumps and switches. The walk follows the project's path
 * rules: an exception that an ordinary call may throw is not a path (only an explicit {@code throw}
 * leaves by an exceptional edge, into a {@code catch}, a {@code finally} or out of the body), and a
 * call that never returns ({@code System.exit}, {@code Runtime.halt}) ends its path with an exit of
 * kind {@link Kind#HALT}. A loop that never leaves simply has no exit. Lambdas and classes declared
 * inside the body are single nodes: their code is not this body's path, and a predicate sees the
 * lambda (or {@code new} of an anonymous class) as one tree.
 *
 * <p>Use: {@code ExitPaths.of(methodOrLambdaPath, state)} once per body (it builds the graph), then
 * ask {@link #exitsAvoiding} or {@link #exitsFromEntryAvoiding} as often as needed. The graph keeps
 * no node for a bare {@code return;}; such exits are placed by {@link BareReturns} for the
 * message's sake.
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
   * never-returning call, and {@code null} for {@link Kind#END_OF_BODY}.
   */
  public record Exit(Kind kind, Tree tree) {}

  private static final Matcher<ExpressionTree> NEVER_RETURNS =
      Matchers.anyOf(
          staticMethod().onClass("java.lang.System").named("exit"),
          instanceMethod().onDescendantOf("java.lang.Runtime").namedAnyOf("exit", "halt"));

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
    ClassTree enclosingClass = enclosing(bodyPath, ClassTree.class);
    if (enclosingClass == null) {
      return Optional.empty();
    }
    UnderlyingAST ast;
    if (leaf instanceof MethodTree method && method.getBody() != null) {
      ast = new UnderlyingAST.CFGMethod(method, enclosingClass);
    } else if (leaf instanceof LambdaExpressionTree lambda) {
      ast =
          new UnderlyingAST.CFGLambda(
              lambda, enclosingClass, enclosing(bodyPath.getParentPath(), MethodTree.class));
    } else {
      return Optional.empty();
    }
    CostProbe.graphBuilt(state);
    try {
      return Optional.of(
          new ExitPaths(
              CFGBuilder.build(
                  new TreePath(bodyPath, ast.getCode()),
                  ast,
                  /* assumeAssertionsEnabled= */ false,
                  /* assumeAssertionsDisabled= */ false,
                  JavacProcessingEnvironment.instance(state.context)),
              state));
    } catch (RuntimeException | AssertionError e) {
      // The builder asserts on trees it does not model (erroneous or unattributed code, new
      // syntax it predates). A check must never break the build: no graph, no judgement.
      return Optional.empty();
    }
  }

  /**
   * The exits reachable from just after {@code start} (the last node the graph has for it) without
   * passing a node whose tree satisfies {@code passes}, in a deterministic order; a path that comes
   * back to {@code start} (a loop re-running it) stops there. Empty when {@code start} is not in
   * this body.
   */
  public List<Exit> exitsAvoiding(Tree start, Predicate<Tree> passes) {
    Node startNode = lastNodeFor(start);
    if (startNode == null) {
      return List.of();
    }
    Block startBlock = startNode.getBlock();
    return walkFrom(
        new Step(startBlock, startBlock.getNodes().indexOf(startNode) + 1, null, start),
        startNode,
        passes);
  }

  /**
   * The exits reachable from the start of the body without passing a node whose tree satisfies
   * {@code passes} (for "does every path through this goroutine close its channel").
   */
  public List<Exit> exitsFromEntryAvoiding(Predicate<Tree> passes) {
    return walkFrom(new Step(cfg.getEntryBlock(), 0, null, null), null, passes);
  }

  private List<Exit> walkFrom(Step first, Node startNode, Predicate<Tree> passes) {
    List<Exit> exits = new ArrayList<>();
    Set<Exit> seenExits = new HashSet<>();
    Set<Step> visited = new HashSet<>();
    Deque<Step> work = new ArrayDeque<>();
    work.push(first);
    while (!work.isEmpty()) {
      Step step = work.pop();
      if (visited.add(step)) {
        walk(step, startNode, passes, work, exits, seenExits);
      }
    }
    return exits;
  }

  /**
   * A position on a path: a block, the node index to resume at, the last return or throw passed,
   * and the last tree evaluated (to place a {@code return;}, which has no node).
   */
  private record Step(Block block, int from, Tree leaving, Tree last) {}

  private void walk(
      Step step,
      Node startNode,
      Predicate<Tree> passes,
      Deque<Step> work,
      List<Exit> exits,
      Set<Exit> seenExits) {
    Block block = step.block();
    Tree leaving = step.leaving();
    Tree last = step.last();
    if (block instanceof SpecialBlock special) {
      switch (special.getSpecialType()) {
        case EXIT -> addExit(regularExit(leaving, last), exits, seenExits);
        case EXCEPTIONAL_EXIT ->
            addExit(
                new Exit(Kind.THROW, leaving instanceof ThrowTree ? leaving : null),
                exits,
                seenExits);
        default -> pushAll(block.getSuccessors(), leaving, last, work);
      }
      return;
    }
    List<Node> nodes = block.getNodes();
    for (int i = step.from(); i < nodes.size(); i++) {
      Node node = nodes.get(i);
      if (node == startNode) {
        return; // the path re-runs the start (a loop): what follows was walked from there
      }
      Tree tree = node.getTree();
      if (tree == null) {
        continue;
      }
      if (passes.test(tree)) {
        return;
      }
      if (node.getInSource()) {
        last = tree; // desugared code (a for-each's iterator calls) has trees of its own
      }
      if (node instanceof ReturnNode) {
        leaving = tree;
      } else if (node instanceof MethodInvocationNode call
          && NEVER_RETURNS.matches(call.getTree(), state)) {
        addExit(new Exit(Kind.HALT, call.getTree()), exits, seenExits);
        return;
      } else if (node instanceof ThrowNode) {
        // An explicit throw leaves only by its exceptional edges.
        if (block instanceof ExceptionBlock thrower) {
          for (Set<Block> targets : thrower.getExceptionalSuccessors().values()) {
            pushAll(targets, tree, last, work);
          }
        }
        return;
      }
    }
    if (block instanceof ExceptionBlock exceptionBlock) {
      // Implicit exceptions of ordinary calls are not paths: the regular edge only.
      if (exceptionBlock.getSuccessor() != null) {
        work.push(new Step(exceptionBlock.getSuccessor(), 0, leaving, last));
      }
      return;
    }
    pushAll(block.getSuccessors(), leaving, last, work);
  }

  /**
   * The exit a path takes into the regular exit block. A {@code return} with a value has a node; a
   * bare {@code return;} has none, so it is placed from the last tree evaluated.
   */
  private Exit regularExit(Tree leaving, Tree last) {
    if (leaving instanceof ReturnTree) {
      return new Exit(Kind.RETURN, leaving);
    }
    Tree bareReturn = last == null ? null : BareReturns.after(last, state);
    return bareReturn != null
        ? new Exit(Kind.RETURN, bareReturn)
        : new Exit(Kind.END_OF_BODY, null);
  }

  private static void pushAll(Set<Block> blocks, Tree leaving, Tree last, Deque<Step> work) {
    List<Block> ordered = new ArrayList<>(blocks);
    ordered.sort((a, b) -> Long.compare(b.getUid(), a.getUid())); // deterministic order
    for (Block b : ordered) {
      work.push(new Step(b, 0, leaving, last));
    }
  }

  private static void addExit(Exit exit, List<Exit> exits, Set<Exit> seen) {
    if (seen.add(exit)) {
      exits.add(exit);
    }
  }

  /** The node that completes {@code tree}: its assignment when it has one, else its last. */
  private Node lastNodeFor(Tree tree) {
    Set<Node> nodes = cfg.getNodesCorrespondingToTree(tree);
    if (nodes == null || nodes.isEmpty()) {
      return null;
    }
    Node chosen = null;
    for (Node node : nodes) {
      if (node instanceof AssignmentNode) {
        return node;
      }
      if (chosen == null || node.getUid() > chosen.getUid()) {
        chosen = node;
      }
    }
    return chosen;
  }

  private static <T extends Tree> T enclosing(TreePath path, Class<T> type) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (type.isInstance(p.getLeaf())) {
        return type.cast(p.getLeaf());
      }
    }
    return null;
  }
}
