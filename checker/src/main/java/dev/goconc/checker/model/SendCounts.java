package dev.goconc.checker.model;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import dev.goconc.checker.flow.ExitPaths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The most times a set of calls (the sends on one channel) can run in one execution of a
 * piece of code: branches of an {@code if}, a {@code ?:} or a {@code switch} count as their
 * largest branch, a {@code try} as its body plus its largest {@code catch} plus its
 * {@code finally}, and a loop that contains any of the calls as unbounded
 * ({@link #UNBOUNDED}). Not {@link ChannelCapacity}, which matches a capacity expression to a
 * loop's bound: see its Javadoc.
 */
public final class SendCounts {
  private SendCounts() {}

  public static final int UNBOUNDED = Integer.MAX_VALUE;

  /** The most times the calls in {@code marks} run in one execution of {@code tree}. */
  public static int max(Tree tree, Set<? extends Tree> marks) {
    return max(tree, marks, callback -> UNBOUNDED);
  }

  /**
   * As {@link #max}, where a lambda or method reference inside {@code tree} that the JDK runs in
   * place runs {@code callbackTimes} times ({@link Repetition#callbackTimes}).
   */
  public static int max(Tree tree, Set<? extends Tree> marks, ToIntFunction<Tree> callbackTimes) {
    return max(tree, marks, callbackTimes, mark -> 1);
  }

  /**
   * As {@link #max}, where running the mark {@code mark} counts {@code weight.applyAsInt(mark)}
   * (a call of a method that sends several times: {@link ParameterEffects.Effect#most}).
   */
  public static int max(Tree tree, Set<? extends Tree> marks, ToIntFunction<Tree> callbackTimes,
      ToIntFunction<Tree> weight) {
    Integer result = new Counter(marks, tree, callbackTimes, weight).scan(tree, null);
    return result == null ? 0 : result;
  }

  /**
   * The most of {@code marks} one path through a body runs, read off its control-flow graph: the
   * longest chain of marks each reachable from the one before. Only for marks that cannot run
   * again (no loop repeats them: {@link #max} is finite), where it refines {@link #max}'s sum of
   * sequential code — "send the first match and return; else send a default" sends once.
   */
  public static int maxOnAPath(ExitPaths body, Set<? extends Tree> marks) {
    return maxOnAPath(body, marks, mark -> 1);
  }

  /** As {@link #maxOnAPath}, each mark counting {@code weight} (see {@link #max}). */
  public static int maxOnAPath(ExitPaths body, Set<? extends Tree> marks,
      ToIntFunction<Tree> weight) {
    Map<Tree, Integer> longest = new HashMap<>();
    int most = 0;
    for (Tree mark : marks) {
      most = Math.max(most, chainFrom(mark, body, marks, weight, longest, new HashSet<>()));
    }
    return most;
  }

  private static int chainFrom(Tree mark, ExitPaths body, Set<? extends Tree> marks,
      ToIntFunction<Tree> weight, Map<Tree, Integer> longest, Set<Tree> onStack) {
    Integer known = longest.get(mark);
    if (known != null) {
      return known;
    }
    if (!onStack.add(mark)) {
      return UNBOUNDED; // a cycle: the caller only asks when no loop repeats a mark
    }
    int best = 0;
    for (Tree next : body.reachedAvoiding(mark, marks::contains, t -> false)) {
      best = Math.max(best, chainFrom(next, body, marks, weight, longest, onStack));
    }
    onStack.remove(mark);
    int chain = plus(best, weight.applyAsInt(mark));
    longest.put(mark, chain);
    return chain;
  }

  public static int plus(int a, int b) {
    long sum = (long) a + b;
    return sum >= UNBOUNDED ? UNBOUNDED : (int) sum;
  }

  private static final class Counter extends TreeScanner<Integer, Void> {
    private final Set<? extends Tree> marks;
    private final Tree root;

    private final ToIntFunction<Tree> callbackTimes;
    private final ToIntFunction<Tree> weight;

    Counter(Set<? extends Tree> marks, Tree root, ToIntFunction<Tree> callbackTimes,
        ToIntFunction<Tree> weight) {
      this.marks = marks;
      this.root = root;
      this.callbackTimes = callbackTimes;
      this.weight = weight;
    }

    /**
     * A lambda inside the counted code runs as often as whoever calls it likes (a {@code forEach},
     * a stream): any mark in it is unbounded. The counted code itself may be a lambda.
     */
    @Override
    public Integer visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      Integer inside = super.visitLambdaExpression(tree, null);
      return tree == root || runOnce.contains(tree) || inside == null || inside == 0 ? inside
          : Repetition.multiply(inside, callbackTimes.applyAsInt(tree));
    }

    /** The handlers of select cases, which run at most once each time the select runs. */
    private final Set<Tree> runOnce = new java.util.HashSet<>();

    private static final Set<String> SELECT_CASES = Set.of("recv", "recvOk", "send", "otherwise");

    /** A method reference that is a mark ({@code out::send}) runs any number of times. */
    @Override
    public Integer visitMemberReference(MemberReferenceTree tree, Void unused) {
      return marks.contains(tree) ? callbackTimes.applyAsInt(tree)
          : super.visitMemberReference(tree, null);
    }

    private int count(Tree tree) {
      Integer r = scan(tree, null);
      return r == null ? 0 : r;
    }

    private int largest(List<? extends Tree> trees) {
      int best = 0;
      for (Tree t : trees) {
        best = Math.max(best, count(t));
      }
      return best;
    }

    @Override
    public Integer reduce(Integer a, Integer b) {
      return plus(a == null ? 0 : a, b == null ? 0 : b);
    }

    @Override
    public Integer visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      if (tree.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree select
          && SELECT_CASES.contains(select.getIdentifier().toString())) {
        runOnce.addAll(tree.getArguments());
      }
      return plus(marks.contains(tree) ? weight.applyAsInt(tree) : 0,
          count0(super.visitMethodInvocation(tree, null)));
    }

    private static int count0(Integer r) {
      return r == null ? 0 : r;
    }

    @Override
    public Integer visitIf(IfTree tree, Void unused) {
      return plus(count(tree.getCondition()),
          Math.max(count(tree.getThenStatement()), count(tree.getElseStatement())));
    }

    @Override
    public Integer visitConditionalExpression(ConditionalExpressionTree tree, Void unused) {
      return plus(count(tree.getCondition()),
          Math.max(count(tree.getTrueExpression()), count(tree.getFalseExpression())));
    }

    @Override
    public Integer visitSwitch(SwitchTree tree, Void unused) {
      return plus(count(tree.getExpression()), largest(tree.getCases()));
    }

    @Override
    public Integer visitSwitchExpression(SwitchExpressionTree tree, Void unused) {
      return plus(count(tree.getExpression()), largest(tree.getCases()));
    }

    @Override
    public Integer visitTry(TryTree tree, Void unused) {
      int catches = 0;
      for (CatchTree c : tree.getCatches()) {
        catches = Math.max(catches, count(c));
      }
      return plus(plus(plus(count0(scan(tree.getResources(), null)), count(tree.getBlock())),
          catches), count(tree.getFinallyBlock()));
    }

    private int loop(Integer inside) {
      return inside != null && inside > 0 ? UNBOUNDED : 0;
    }

    @Override
    public Integer visitWhileLoop(WhileLoopTree tree, Void unused) {
      return loop(tree, super.visitWhileLoop(tree, null));
    }

    @Override
    public Integer visitDoWhileLoop(DoWhileLoopTree tree, Void unused) {
      return loop(tree, super.visitDoWhileLoop(tree, null));
    }

    @Override
    public Integer visitForLoop(ForLoopTree tree, Void unused) {
      return loop(tree, super.visitForLoop(tree, null));
    }

    @Override
    public Integer visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
      return plus(count(tree.getExpression()), loop(tree, count(tree.getStatement())));
    }

    /**
     * A loop runs its marks unboundedly often, unless each mark in it is followed in its own
     * block by a {@code return}, a {@code throw} or a {@code break} out of this loop: then the
     * loop ends the first time a mark runs ("find the first match, send it, return"), and it
     * counts as one pass.
     */
    private int loop(Tree loop, Integer inside) {
      return inside != null && inside > 0 && everyMarkLeaves(loop) ? inside : loop(inside);
    }

    private boolean everyMarkLeaves(Tree loop) {
      boolean[] all = {true};
      Deque<Tree> around = new ArrayDeque<>(); // the trees from the loop down to the one scanned
      new TreeScanner<Void, Void>() {
        @Override
        public Void scan(Tree tree, Void unused) {
          if (tree == null || !all[0]) {
            return null;
          }
          if (marks.contains(tree) && !leavesAfter(around, tree, loop)) {
            all[0] = false;
            return null;
          }
          around.push(tree);
          try {
            return super.scan(tree, null);
          } finally {
            around.pop();
          }
        }
      }.scan(loop, null);
      return all[0];
    }
  }

  /**
   * Whether the statement holding {@code mark} (inside the trees {@code around}, innermost first)
   * is followed in its block by a statement that leaves {@code loop}.
   */
  private static boolean leavesAfter(Deque<Tree> around, Tree mark, Tree loop) {
    Tree child = mark;
    for (Tree leaf : around) {
      if (leaf == loop) {
        return false;
      }
      if (leaf instanceof BlockTree block && child instanceof StatementTree statement) {
        List<? extends StatementTree> statements = block.getStatements();
        int at = statements.indexOf(statement);
        for (int i = at + 1; at >= 0 && i < statements.size(); i++) {
          StatementTree next = statements.get(i);
          if (next instanceof ReturnTree || next instanceof ThrowTree
              || (next instanceof BreakTree jump && jump.getLabel() == null)) {
            return true;
          }
        }
        return false;
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof SwitchTree
          || leaf instanceof WhileLoopTree || leaf instanceof DoWhileLoopTree
          || leaf instanceof ForLoopTree || leaf instanceof EnhancedForLoopTree) {
        return false; // a break there leaves that, not this loop
      }
      child = leaf;
    }
    return false;
  }
}
