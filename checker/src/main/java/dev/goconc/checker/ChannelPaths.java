package dev.goconc.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SingleSuccessorBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SpecialBlock;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.checkerframework.errorprone.dataflow.cfg.node.BooleanLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ThrowNode;

/**
 * Path questions over the control-flow graph of one method or lambda body, answered on the
 * Checker Framework dataflow CFG that Error Prone bundles: "can control get from here to an
 * exit without passing X" and "can control get from here to Y without passing X".
 *
 * <p>Paths follow the catalog's decisions: implicit exceptions from ordinary calls are not
 * paths (only an explicit {@code throw} takes an exceptional edge, which may lead to a
 * {@code catch}, a {@code finally} or the exceptional exit, itself an exit); a constant
 * {@code true} loop condition has no false edge, so an infinite loop has no exit. The body of
 * a lambda inside the analysed code is not part of its graph: it is separate code.
 */
public final class ChannelPaths {
  private final ControlFlowGraph cfg;

  private ChannelPaths(ControlFlowGraph cfg) {
    this.cfg = cfg;
  }

  /** The graph of the method or lambda at {@code path}; empty when none can be built. */
  public static Optional<ChannelPaths> of(TreePath path, VisitorState state) {
    try {
      Tree leaf = path.getLeaf();
      ClassTree enclosingClass = ASTHelpers.findEnclosingNode(path, ClassTree.class);
      UnderlyingAST ast;
      TreePath bodyPath;
      if (leaf instanceof MethodTree method && method.getBody() != null) {
        ast = new UnderlyingAST.CFGMethod(method, enclosingClass);
        bodyPath = new TreePath(path, method.getBody());
      } else if (leaf instanceof LambdaExpressionTree lambda) {
        ast = new UnderlyingAST.CFGLambda(
            lambda, enclosingClass, ASTHelpers.findEnclosingNode(path, MethodTree.class));
        bodyPath = new TreePath(path, lambda.getBody());
      } else {
        return Optional.empty();
      }
      CostProbe.graphBuilt(state);
      return Optional.of(new ChannelPaths(CFGBuilder.build(
          bodyPath, ast, false, false, JavacProcessingEnvironment.instance(state.context))));
    } catch (RuntimeException | AssertionError e) {
      return Optional.empty(); // code the CFG builder does not understand: no answer
    }
  }

  /** How a path leaves: the last statement it ran (a return, a throw, or the last node). */
  public record Exit(Tree lastTree, boolean exceptional) {
    /**
     * "at line N" for a return or throw; "after line N" otherwise (a {@code return;} without
     * value has no node of its own, so the last thing evaluated names the path).
     */
    public String where(VisitorState state) {
      String line = String.valueOf(ChannelUses.lineOf(lastTree, state));
      return lastTree instanceof ReturnTree || lastTree instanceof ThrowTree
          ? "at line " + line
          : "after line " + line;
    }
  }

  /**
   * A path from just after {@code from} (from the entry when {@code from} is null) to an exit
   * of the body that passes no node matching {@code stops}; empty when every path is stopped.
   */
  public Optional<Exit> exitAvoiding(Tree from, Predicate<Node> stops) {
    return walk(from, stops, n -> false).filter(r -> r.node == null)
        .map(r -> new Exit(r.lastTree, r.exceptional));
  }

  /**
   * The first node matching {@code target} on a path from just after {@code from} that passes
   * no node matching {@code stops}.
   */
  public Optional<Node> reachable(Tree from, Predicate<Node> target, Predicate<Node> stops) {
    return walk(from, stops, target).map(r -> r.node).filter(n -> n != null);
  }

  /** Whether some node of the graph stands for {@code tree}. */
  public boolean contains(Tree tree) {
    return !cfg.getNodesCorrespondingToTree(tree).isEmpty();
  }

  private record Position(Block block, int index, Tree lastTree, boolean exceptional) {}

  /** What a walk found: a target node, or (node null) an exit. */
  private record Found(Node node, Tree lastTree, boolean exceptional) {}

  private Optional<Found> walk(Tree from, Predicate<Node> stops, Predicate<Node> target) {
    Deque<Position> work = new ArrayDeque<>();
    if (from == null) {
      work.add(new Position(cfg.getEntryBlock(), 0, null, false));
    } else {
      Set<Node> starts = cfg.getNodesCorrespondingToTree(from);
      if (starts == null || starts.isEmpty()) {
        return Optional.empty();
      }
      for (Node start : byUid(starts)) {
        Block block = start.getBlock();
        if (block != null) {
          work.add(new Position(block, block.getNodes().indexOf(start) + 1, from, false));
        }
      }
    }
    Set<Block> entered = new HashSet<>();
    while (!work.isEmpty()) {
      Position at = work.poll();
      Block block = at.block();
      if (block instanceof SpecialBlock special
          && special.getSpecialType() != SpecialBlock.SpecialBlockType.ENTRY) {
        return Optional.of(new Found(null, at.lastTree(), at.exceptional()));
      }
      List<Node> nodes = block.getNodes();
      Tree last = at.lastTree();
      boolean stopped = false;
      Node lastNode = null;
      for (int i = at.index(); i < nodes.size(); i++) {
        Node node = nodes.get(i);
        if (target.test(node)) {
          return Optional.of(new Found(node, last, at.exceptional()));
        }
        if (stops.test(node)) {
          stopped = true;
          break;
        }
        lastNode = node;
        last = better(last, node.getTree());
      }
      if (stopped) {
        continue;
      }
      for (Position next : successors(block, lastNode, last, at.exceptional())) {
        if (next.block() instanceof SpecialBlock || entered.add(next.block())) {
          work.add(next);
        }
      }
    }
    return Optional.empty();
  }

  /** Graph elements in creation order: the same sources give the same walk, run after run. */
  private static <T extends org.checkerframework.errorprone.org.plumelib.util.UniqueId>
      List<T> byUid(java.util.Collection<T> items) {
    return items.stream().sorted(java.util.Comparator.comparingLong(T::getUid)).toList();
  }

  /** A return or throw statement names the exit better than an expression inside it. */
  private static Tree better(Tree last, Tree next) {
    if (next == null) {
      return last;
    }
    if ((last instanceof ReturnTree || last instanceof ThrowTree)
        && ASTHelpers.getStartPosition(next) >= ASTHelpers.getStartPosition(last)) {
      return last;
    }
    return next;
  }

  private static List<Position> successors(
      Block block, Node lastNode, Tree last, boolean exceptional) {
    List<Position> next = new java.util.ArrayList<>();
    if (block instanceof ConditionalBlock conditional) {
      next.add(new Position(conditional.getThenSuccessor(), 0, last, exceptional));
      next.add(new Position(conditional.getElseSuccessor(), 0, last, exceptional));
      return next;
    }
    if (block instanceof ExceptionBlock exception && exception.getNode() instanceof ThrowNode) {
      List<Block> targets = new java.util.ArrayList<>();
      exception.getExceptionalSuccessors().values().forEach(targets::addAll);
      byUid(targets).forEach(t -> next.add(new Position(t, 0, last, true)));
    }
    if (block instanceof SingleSuccessorBlock single && single.getSuccessor() != null) {
      Block successor = single.getSuccessor();
      if (successor instanceof ConditionalBlock conditional
          && lastNode instanceof BooleanLiteralNode constant) {
        // A constant condition (while (true)) has one edge only.
        Block only = Boolean.TRUE.equals(constant.getValue())
            ? conditional.getThenSuccessor()
            : conditional.getElseSuccessor();
        next.add(new Position(only, 0, last, exceptional));
      } else {
        next.add(new Position(successor, 0, last, exceptional));
      }
    }
    return next;
  }
}
