package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.GoconcApi;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * When a channel operation inside a loop cannot block for good: a send into a local channel made
 * with one slot per iteration, or a receive from a local channel fed by goroutines that observe a
 * context themselves. Only local channels are judged; anything else is assumed to block.
 *
 * <p>Not {@link SendCounts}: that bounds how many times sends can run in one execution, for a
 * buffer of constant size ({@link ChannelUses#capacity}); this matches the source of a capacity
 * expression ({@code items.size()}) against the loop's bound and needs only how many send sites
 * there are.
 */
public final class ChannelCapacity {
  private ChannelCapacity() {}

  /**
   * {@code Chan.make(items.size())} (or {@code .length}, or the bound {@code n} of
   * {@code for (i = 0; i < n; i++)}, or a constant at least the constant trip count of such a
   * loop) sent on once per iteration of {@code loop} and nowhere else in the method: the buffer
   * has room for every send. The send is a call or a method reference a JDK method runs in place
   * ({@code List.of(i).forEach(jobs::send)}).
   */
  public static boolean sendFitsBuffer(ExpressionTree operation, Tree loop, VisitorState state) {
    Symbol channel = localChannel(operation, GoconcApi.CHAN_SEND.matches(operation, state), state);
    Optional<MethodTree> method = enclosingMethod(state);
    if (channel == null || method.isEmpty() || timesPerRound(operation, state) != 1) {
      return false;
    }
    ExpressionTree capacity = capacityOf(channel, method.get(), state);
    if (capacity == null
        || countOps(method.get(), channel, false, state) != 1
        || insideAnotherLoop(state)) {
      return false;
    }
    String cap = squeeze(state.getSourceForNode(capacity));
    if (loop instanceof EnhancedForLoopTree each) {
      String items = squeeze(state.getSourceForNode(each.getExpression()));
      return cap.equals(items + ".size()") || cap.equals(items + ".length");
    }
    if (loop instanceof ForLoopTree counted
        && ASTHelpers.stripParentheses(counted.getCondition()) instanceof BinaryTree bound
        && bound.getKind() == Tree.Kind.LESS_THAN
        && cap.equals(squeeze(state.getSourceForNode(bound.getRightOperand())))) {
      return true;
    }
    return loop instanceof ForLoopTree counted && constantTrips(counted, capacity);
  }

  /**
   * {@code for (int i = a; i < b; i++)} (or {@code <=}) with constants {@code a} and {@code b}
   * running at most {@code capacity} times, itself a constant: {@code Chan.make(100)} filled by
   * {@code for (int i = 0; i < 50; i++)}.
   */
  private static boolean constantTrips(ForLoopTree loop, ExpressionTree capacity) {
    Integer cap = ASTHelpers.constValue(capacity, Integer.class);
    if (cap == null
        || loop.getInitializer().size() != 1
        || !(loop.getInitializer().get(0) instanceof VariableTree counter)
        || counter.getInitializer() == null
        || loop.getUpdate().size() != 1
        || !(loop.getUpdate().get(0).getExpression() instanceof UnaryTree step)
        || (step.getKind() != Tree.Kind.POSTFIX_INCREMENT
            && step.getKind() != Tree.Kind.PREFIX_INCREMENT)
        || ASTHelpers.getSymbol(step.getExpression()) != ASTHelpers.getSymbol(counter)
        || !(ASTHelpers.stripParentheses(loop.getCondition()) instanceof BinaryTree bound)
        || ASTHelpers.getSymbol(bound.getLeftOperand()) != ASTHelpers.getSymbol(counter)) {
      return false;
    }
    Integer from = ASTHelpers.constValue(counter.getInitializer(), Integer.class);
    Integer to = ASTHelpers.constValue(bound.getRightOperand(), Integer.class);
    if (from == null || to == null) {
      return false;
    }
    long trips = switch (bound.getKind()) {
      case LESS_THAN -> (long) to - from;
      case LESS_THAN_EQUAL -> (long) to - from + 1;
      default -> Long.MAX_VALUE;
    };
    return trips <= cap;
  }

  /**
   * A receive from a local channel whose every sending goroutine, or a send on one whose every
   * receiving goroutine, ends when the context does ({@link Cancellation#endsWithContext}): the
   * other side finishes after a cancel, so the wait cannot outlive it.
   */
  public static boolean partnersEndWithContext(ExpressionTree operation, VisitorState state) {
    boolean receive = GoconcApi.CHAN_RECEIVE.matches(operation, state);
    Symbol channel = localChannel(
        operation, receive || GoconcApi.CHAN_SEND.matches(operation, state), state);
    TreePath methodPath = enclosingMethodPath(state);
    if (channel == null || methodPath == null) {
      return false;
    }
    int partners = 0;
    for (MethodInvocationTree launch : GoroutineBodies.launchesIn(methodPath, state)) {
      Optional<Tree> body = GoroutineBodies.bodyOf(launch, state);
      if (body.isEmpty() || countOps(body.get(), channel, !receive, state) == 0) {
        continue;
      }
      if (!Cancellation.endsWithContext(body.get(), state)) {
        return false;
      }
      partners++;
    }
    return partners > 0;
  }

  private static Symbol localChannel(ExpressionTree operation, boolean matches, VisitorState state) {
    ExpressionTree receiver = switch (operation) {
      case MethodInvocationTree call -> Calls.receiverOf(call);
      case MemberReferenceTree reference ->
          ASTHelpers.stripParentheses(reference.getQualifierExpression());
      default -> null;
    };
    if (!matches || receiver == null) {
      return null;
    }
    Symbol symbol = channelOf(receiver, state);
    return symbol != null && symbol.getKind() == ElementKind.LOCAL_VARIABLE ? symbol : null;
  }

  /**
   * How many times {@code operation}, a call or a method reference run in place inside the loop
   * being judged (the path's leaf), runs in one round of it ({@link Repetition}).
   */
  private static int timesPerRound(ExpressionTree operation, VisitorState state) {
    TreePath path = TreePath.getPath(state.getPath(), operation);
    if (path == null) {
      return SendCounts.UNBOUNDED;
    }
    int times = Repetition.times(path, state.getPath().getLeaf(), state);
    return operation instanceof MemberReferenceTree
        ? Repetition.multiply(times, Repetition.callbackTimes(path, state))
        : times;
  }

  /**
   * The channel variable {@code expression} names, through the aliases and narrowings the model
   * follows ({@code var a = jobs}, {@code jobs.sendOnly()}) in the enclosing method.
   */
  private static Symbol channelOf(ExpressionTree expression, VisitorState state) {
    TreePath method = enclosingMethodPath(state);
    Symbol resolved = method == null ? null
        : ChannelUses.in(method, state).channelOf(expression, state);
    return resolved != null ? resolved : ASTHelpers.getSymbol(expression);
  }

  private static ExpressionTree capacityOf(Symbol channel, MethodTree method, VisitorState state) {
    ExpressionTree[] capacity = new ExpressionTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        if (ASTHelpers.getSymbol(variable) == channel
            && variable.getInitializer() instanceof MethodInvocationTree make
            && GoconcApi.CHAN_MAKE.matches(make, state)
            && make.getArguments().size() == 1) {
          capacity[0] = make.getArguments().get(0);
        }
        return super.visitVariable(variable, null);
      }
    }.scan(method, null);
    return capacity[0];
  }

  /**
   * Sends (or, when {@code receives}, receives) on {@code channel} anywhere in {@code tree}, select
   * cases included.
   */
  private static int countOps(Tree tree, Symbol channel, boolean receives, VisitorState state) {
    int[] ops = new int[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        boolean selectCase = receives
            ? GoconcApi.SELECT_RECV.matches(call, state)
            : GoconcApi.SELECT_SEND.matches(call, state);
        boolean operation = receives
            ? GoconcApi.CHAN_RECEIVE.matches(call, state)
                || GoconcApi.CHAN_TRY_RECEIVE.matches(call, state)
            : GoconcApi.CHAN_SEND.matches(call, state)
                || GoconcApi.CHAN_TRY_SEND.matches(call, state);
        ExpressionTree target =
            selectCase && !call.getArguments().isEmpty() ? call.getArguments().get(0)
                : operation ? Calls.receiverOf(call) : null;
        if (target != null && channelOf(target, state) == channel) {
          ops[0]++;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        String name = reference.getName().toString();
        boolean operation = receives
            ? name.equals("receive") || name.equals("receiveOk") || name.equals("tryReceive")
            : name.equals("send") || name.equals("trySend");
        if (operation && channelOf(reference.getQualifierExpression(), state) == channel) {
          ops[0]++; // out::send in a forEach
        }
        return super.visitMemberReference(reference, null);
      }
    }.scan(tree, null);
    return ops[0];
  }

  /** Whether the loop being judged (the path's leaf) runs inside another loop of its method. */
  private static boolean insideAnotherLoop(VisitorState state) {
    for (TreePath p = state.getPath().getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return false;
      }
      if (leaf instanceof ForLoopTree
          || leaf instanceof EnhancedForLoopTree
          || leaf instanceof WhileLoopTree
          || leaf instanceof DoWhileLoopTree) {
        return true;
      }
    }
    return false;
  }

  private static Optional<MethodTree> enclosingMethod(VisitorState state) {
    return Optional.ofNullable(ASTHelpers.findEnclosingNode(state.getPath(), MethodTree.class));
  }

  private static TreePath enclosingMethodPath(VisitorState state) {
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree) {
        return p;
      }
    }
    return null;
  }

  private static String squeeze(String source) {
    return source == null ? "" : source.replaceAll("\\s+", "");
  }
}
