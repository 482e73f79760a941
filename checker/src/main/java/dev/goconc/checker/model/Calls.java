package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import dev.goconc.checker.api.GoconcApi;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which calls a piece of code makes. Two questions that look alike and differ on purpose:
 * {@link #anyIn} enters lambdas and classes (the checks' cheap first look: a select handler or a
 * goroutine body is where the call may be), {@link #anyInOwnCode} does not (a lambda or class
 * inside the code runs later, or elsewhere, so its calls are not this code's).
 */
public final class Calls {
  private Calls() {}

  /** Whether any call under {@code tree} (lambdas included: select handlers) matches. */
  public static boolean anyIn(Tree tree, Predicate<MethodInvocationTree> test) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        return found[0] ? null : super.scan(node, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= test.test(call);
        return super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  private static final UnitMemo.Fact<Boolean> MAKES_CHANNEL = new UnitMemo.Fact<>("makes a channel");
  private static final UnitMemo.Fact<Boolean> CLOSES_CHANNEL =
      new UnitMemo.Fact<>("closes a channel");

  /**
   * Whether any call under {@code tree} is {@code Chan.make}: the channel rules' first question
   * of every method, asked once per tree for all of them.
   */
  public static boolean makesChannel(Tree tree, VisitorState state) {
    return UnitMemo.get(state, MAKES_CHANNEL, tree,
        () -> anyIn(tree,
            c -> nameOf(c).equals("make") && GoconcApi.CHAN_MAKE.matches(c, state)));
  }

  /**
   * Whether any code under {@code tree} closes a channel: a call of its {@code close()}, or a
   * method reference {@code ch::close}, there or in a method of the compilation unit it calls
   * (which may close the channel it is given: {@link ParameterEffects}); once per tree.
   */
  public static boolean closesChannel(Tree tree, VisitorState state) {
    return UnitMemo.get(state, CLOSES_CHANNEL, tree, () -> {
      java.util.Set<Tree> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      java.util.Deque<Tree> work = new java.util.ArrayDeque<>(List.of(tree));
      while (!work.isEmpty()) {
        Tree next = work.pop();
        if (!seen.add(next)) {
          continue;
        }
        if (closesDirectly(next, state)) {
          return true;
        }
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            GoroutineBodies.declarationInUnit(ASTHelpers.getSymbol(call), state)
                .ifPresent(work::add);
            return super.visitMethodInvocation(call, null);
          }
        }.scan(next, null);
      }
      return false;
    });
  }

  private static final UnitMemo.Fact<Boolean> CLOSES_DIRECTLY =
      new UnitMemo.Fact<>("closes a channel in its own code");

  private static boolean closesDirectly(Tree tree, VisitorState state) {
    return UnitMemo.get(state, CLOSES_DIRECTLY, tree,
        () -> anyIn(tree,
                c -> nameOf(c).equals("close") && GoconcApi.CHAN_CLOSE.matches(c, state))
            || closesByReference(tree, state));
  }

  private static final UnitMemo.Fact<Boolean> MAKES_QUEUE = new UnitMemo.Fact<>("makes a queue");

  /**
   * Whether any code under {@code tree} makes a channel of {@code kind} ({@code Chan.make}, {@code
   * new ArrayBlockingQueue<>(n)}): the channel rules' first question of every root; once per tree.
   */
  public static boolean makes(ChannelKind kind, Tree tree, VisitorState state) {
    if (kind == ChannelKind.GOCONC) {
      return makesChannel(tree, state);
    }
    return UnitMemo.get(state, MAKES_QUEUE, tree, () -> {
      boolean[] found = new boolean[1];
      new TreeScanner<Void, Void>() {
        @Override
        public Void scan(Tree node, Void unused) {
          return found[0] ? null : super.scan(node, null);
        }

        @Override
        public Void visitNewClass(com.sun.source.tree.NewClassTree created, Void unused) {
          found[0] |= kind.isMake(created, state);
          return super.visitNewClass(created, null);
        }
      }.scan(tree, null);
      return found[0];
    });
  }

  /**
   * The paths of the calls under {@code scope} that {@code test} accepts, in {@code root}'s own
   * code: lambdas other than {@code root} and classes inside are skipped (their code runs later,
   * or elsewhere), as in {@link #anyInOwnCode}.
   */
  public static List<TreePath> pathsInOwnCode(
      TreePath scope, Tree root, Predicate<MethodInvocationTree> test) {
    List<TreePath> calls = new java.util.ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (test.test(call)) {
          calls.add(getCurrentPath());
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return lambda == root ? super.visitLambdaExpression(lambda, null) : null;
      }

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        return null;
      }
    }.scan(scope, null);
    return calls;
  }

  private static boolean closesByReference(Tree tree, VisitorState state) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        found[0] |= reference.getName().contentEquals("close")
            && ChannelUses.isChannelType(
                ASTHelpers.getType(reference.getQualifierExpression()), state);
        return super.visitMemberReference(reference, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  /**
   * The name a call is written with: {@code go} in {@code Go.go(...)} and in {@code go(...)}. A
   * method matcher only accepts the names it lists, so comparing this first spares its
   * receiver-type test on the many calls by other names.
   */
  public static String nameOf(MethodInvocationTree call) {
    return switch (call.getMethodSelect()) {
      case MemberSelectTree select -> select.getIdentifier().toString();
      case IdentifierTree name -> name.getName().toString();
      default -> "";
    };
  }

  /** Whether {@code tree} itself makes a call that {@code matcher} matches. */
  public static boolean anyInOwnCode(Tree tree, Matcher<ExpressionTree> matcher, VisitorState state) {
    Boolean found =
        new OwnCodeScanner() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
            return matcher.matches(call, state) || super.visitMethodInvocation(call, null);
          }
        }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  /**
   * Whether {@code tree} itself waits until some context is cancelled: a receive on, or a loop
   * over, {@code ctx.done()}.
   */
  public static boolean receivesFromDone(Tree tree, VisitorState state) {
    Boolean found =
        new OwnCodeScanner() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (GoconcApi.CHAN_RECEIVE.matches(call, state)
                && receiverOf(call) instanceof ExpressionTree channel
                && GoconcApi.CONTEXT_DONE.matches(channel, state)) {
              return true;
            }
            return super.visitMethodInvocation(call, null);
          }

          @Override
          public Boolean visitEnhancedForLoop(EnhancedForLoopTree loop, Void unused) {
            if (GoconcApi.CONTEXT_DONE.matches(
                ASTHelpers.stripParentheses(loop.getExpression()), state)) {
              return true;
            }
            return super.visitEnhancedForLoop(loop, null);
          }
        }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  /**
   * The expression a call is made on, parentheses stripped, e.g. {@code ch} in {@code ch.send(v)};
   * null for a call on no expression ({@code send(v)}).
   */
  public static ExpressionTree receiverOf(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof MemberSelectTree select
        ? ASTHelpers.stripParentheses(select.getExpression())
        : null;
  }

  /**
   * A scanner answering "does any part say yes", that does not enter lambdas or classes (their
   * code runs elsewhere, not on the scanned body's paths).
   */
  public abstract static class OwnCodeScanner extends TreeScanner<Boolean, Void> {
    @Override
    public Boolean reduce(Boolean a, Boolean b) {
      return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
    }

    @Override
    public Boolean visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
      return false;
    }

    @Override
    public Boolean visitClass(ClassTree cls, Void unused) {
      return false;
    }
  }
}
