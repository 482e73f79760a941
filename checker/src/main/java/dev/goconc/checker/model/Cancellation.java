package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.flow.SourceOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What "observes cancellation" means, decided once for every rule: code observes it when it asks
 * a context whether it is done — {@code ctx.done()} (a select case, a receive) or {@code
 * ctx.err()}, on the context in scope or on any context derived from it (an ErrGroup's {@code
 * context()}, a {@code withTimeout} child) — or asks the thread whether it was interrupted; or
 * when it calls a method of this compilation unit that does so (followed a few calls deep, never
 * through recursion). Handing a context to a call is not observing it: the callee may ignore it,
 * and a loop whose own blocking select never looks at {@code ctx.done()} waits on regardless.
 *
 * <p>Interruption, the JDK's cancellation ({@code shutdownNow()}, {@code cancel(true)}, {@code
 * Thread.interrupt()}), reaches a loop two ways: through the interrupt status, which observing code
 * asks for (above), and through the {@code InterruptedException} that an interruptible wait
 * ({@link JdkApi#isInterruptibleWait}) throws. {@link #interruptIgnoredIn} answers for the second:
 * which catches inside a loop take that exception and go round again.
 */
public final class Cancellation {
  private Cancellation() {}

  /** A call that observes cancellation by itself. */
  public static final Matcher<ExpressionTree> OBSERVES =
      Matchers.anyOf(GoconcApi.CONTEXT_DONE, GoconcApi.CONTEXT_ERR, JdkApi.THREAD_INTERRUPTED);

  /** How many calls into the unit's methods a question follows. */
  private static final int DEPTH = 3;

  /** Whether {@code call} observes cancellation, by itself or through a method of the unit. */
  public static boolean observedBy(MethodInvocationTree call, VisitorState state) {
    return OBSERVES.matches(call, state) || observingMethod(call, state, DEPTH, new HashSet<>());
  }

  /** Whether any code in {@code tree}, lambdas and classes in it included, observes cancellation. */
  public static boolean observedIn(Tree tree, VisitorState state) {
    return scan(tree, state, DEPTH, new HashSet<>());
  }

  /**
   * Whether a goroutine body ends once its context is cancelled: it observes cancellation, or it
   * hands a context to the work it runs (whose callee, by the convention every context API keeps,
   * returns when it is done). Only for deciding whether the goroutines on the other side of a
   * channel will finish; a loop's own waiting is judged by {@link #observedIn} alone.
   */
  public static boolean endsWithContext(Tree body, VisitorState state) {
    return observedIn(body, state) || handsContextOn(body, state);
  }

  private static boolean handsContextOn(Tree tree, VisitorState state) {
    Boolean found = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }

      @Override
      public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
        for (ExpressionTree argument : call.getArguments()) {
          if (GoconcApi.isSubtypeOf(ASTHelpers.getType(argument), GoconcApi.CONTEXT, state)) {
            return true;
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  private static boolean scan(Tree tree, VisitorState state, int depth, Set<MethodTree> seen) {
    Boolean found = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean scan(Tree node, Void unused) {
        return Boolean.TRUE.equals(super.scan(node, null));
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }

      @Override
      public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
        return OBSERVES.matches(call, state)
            || observingMethod(call, state, depth, seen)
            || super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  private static boolean observingMethod(
      MethodInvocationTree call, VisitorState state, int depth, Set<MethodTree> seen) {
    if (depth == 0) {
      return false;
    }
    Optional<MethodTree> callee =
        GoroutineBodies.declarationInUnit(ASTHelpers.getSymbol(call), state);
    return callee.isPresent()
        && callee.get().getBody() != null
        && seen.add(callee.get())
        && scan(callee.get().getBody(), state, depth - 1, seen);
  }

  /** How a catch of {@code InterruptedException} inside a loop lets the loop go round again. */
  public enum IgnoredInterrupt {
    /** It neither restores the interrupt status nor leaves; the loop never observes it. */
    SWALLOWED,
    /**
     * It restores the interrupt status but loops back, and nothing in the loop observes it: the
     * next interruptible wait throws again at once, and the loop spins.
     */
    RESTORED_AND_SPINS,
    /**
     * The loop observes the interrupt status, but the catch does not restore it: the exception
     * cleared the status, so the check cannot see an interrupt that came during the wait.
     */
    CLEARS_OBSERVED_STATUS
  }

  /**
   * A catch inside a loop that takes the {@code InterruptedException} of {@code blockingCall} and
   * lets the loop go round again, and how.
   */
  public record IgnoredInterruptAt(
      CatchTree handler, MethodInvocationTree blockingCall, IgnoredInterrupt how) {}

  /**
   * The catches of the loop at {@code loop} that ignore an interrupt, one per catch, in source
   * order. A catch counts when it is the first catch (innermost try first) that takes the {@code
   * InterruptedException} of an interruptible wait in the loop's own code (nested loops included,
   * lambdas and classes not), its try lies in the loop's own code and in no nested loop (a nested
   * loop's catches are that loop's), and it lets the loop go round: it has no way out of the loop
   * ({@code return}, {@code throw}, a {@code break} or labelled {@code continue} that leaves it, a
   * call that never returns or a call of a method of the unit that throws), does not record the
   * interrupt (assign, or call a method on, a variable that code of the enclosing body outside the
   * catch reads), and does not both restore the status and meet a loop that observes it. A wait
   * whose exception is caught by no try inside the loop leaves the loop: nothing to answer.
   */
  public static List<IgnoredInterruptAt> interruptIgnoredIn(TreePath loop, VisitorState state) {
    Map<CatchTree, MethodInvocationTree> handlers = new LinkedHashMap<>();
    for (TreePath wait : interruptibleWaits(loop, state)) {
      CatchTree handler = catchingHandler(wait, loop.getLeaf(), state);
      if (handler != null) {
        handlers.putIfAbsent(handler, (MethodInvocationTree) wait.getLeaf());
      }
    }
    if (handlers.isEmpty()) {
      return List.of();
    }
    boolean observed = observedIn(loop.getLeaf(), state);
    Tree body = enclosingBody(loop);
    List<IgnoredInterruptAt> ignored = new ArrayList<>();
    for (Map.Entry<CatchTree, MethodInvocationTree> entry : handlers.entrySet()) {
      TreePath handler = TreePath.getPath(loop, entry.getKey());
      if (handler == null
          || leavesLoop(handler, loop.getLeaf(), state)
          || recordsInterrupt(handler, body)) {
        continue;
      }
      boolean restores = Calls.anyInOwnCode(entry.getKey().getBlock(), JdkApi.THREAD_INTERRUPT, state);
      if (restores && observed) {
        continue;
      }
      IgnoredInterrupt how = restores ? IgnoredInterrupt.RESTORED_AND_SPINS
          : observed ? IgnoredInterrupt.CLEARS_OBSERVED_STATUS : IgnoredInterrupt.SWALLOWED;
      ignored.add(new IgnoredInterruptAt(entry.getKey(), entry.getValue(), how));
    }
    return ignored;
  }

  /**
   * Whether {@code handler} takes failures of the work and never cancellation: none of its types
   * is, or is a subtype or supertype of, an exception that cancellation throws ({@code
   * InterruptedException}, {@code CancellationException}, the runtime's {@code ContextException}
   * and {@code GoInterruptedException}); nor does its block observe cancellation. A way out
   * through such a {@code catch} is taken because the work failed, whatever the context says: a
   * {@code catch (IOException e) { return; }} is not excused by a {@code ctx.err()} check earlier
   * on the path. A {@code catch (Exception e)} may be where cancellation arrives, and is not such
   * a handler.
   */
  public static boolean catchesFailuresOnly(CatchTree handler, VisitorState state) {
    List<Type> alternatives = caughtTypes(handler);
    if (alternatives.isEmpty() || observedIn(handler.getBlock(), state)) {
      return false;
    }
    for (String name : CANCELLATION_EXCEPTIONS) {
      Type cancellation = state.getTypeFromString(name);
      if (cancellation == null) {
        continue;
      }
      for (Type alternative : alternatives) {
        if (state.getTypes().isSubtype(cancellation, alternative)
            || state.getTypes().isSubtype(alternative, cancellation)) {
          return false;
        }
      }
    }
    return true;
  }

  private static final List<String> CANCELLATION_EXCEPTIONS = List.of(
      JdkApi.INTERRUPTED_EXCEPTION, JdkApi.CANCELLATION_EXCEPTION,
      GoconcApi.CONTEXT_EXCEPTION, GoconcApi.GO_INTERRUPTED_EXCEPTION);

  /** Whether {@code handler}'s parameter takes an {@code InterruptedException}. */
  public static boolean catchesInterrupt(CatchTree handler, VisitorState state) {
    Type interrupted = JdkApi.INTERRUPTED_EXCEPTION_TYPE.get(state);
    if (interrupted == null) {
      return false;
    }
    for (Type alternative : caughtTypes(handler)) {
      if (state.getTypes().isSubtype(interrupted, alternative)) {
        return true;
      }
    }
    return false;
  }

  /** The types {@code handler} takes: each alternative of a multi-catch; none when unknown. */
  private static List<Type> caughtTypes(CatchTree handler) {
    Type caught = ASTHelpers.getType(handler.getParameter());
    if (caught == null) {
      return List.of();
    }
    List<Type> alternatives = new ArrayList<>();
    if (caught instanceof Type.UnionClassType union) {
      union.getAlternativeTypes().forEach(alternatives::add);
    } else {
      alternatives.add(caught);
    }
    return alternatives;
  }

  /** The interruptible waits of the loop's own code (nested loops included, not lambdas, classes). */
  private static List<TreePath> interruptibleWaits(TreePath loop, VisitorState state) {
    List<TreePath> waits = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (JdkApi.isInterruptibleWait(call, state)) {
          waits.add(getCurrentPath());
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree cls, Void unused) {
        return null;
      }
    }.scan(loop, null);
    return waits;
  }

  /**
   * The catch that takes the {@code InterruptedException} of the wait at {@code wait}, when it is
   * inside {@code loop} and belongs to it (no nested loop between its try and the loop); null when
   * the exception leaves the loop, or a nested loop's catch takes it.
   */
  private static CatchTree catchingHandler(TreePath wait, Tree loop, VisitorState state) {
    Tree child = wait.getLeaf();
    for (TreePath p = wait.getParentPath(); p != null && child != loop; p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree attempt
          && (attempt.getBlock() == child || attempt.getResources().contains(child))) {
        for (CatchTree handler : attempt.getCatches()) {
          if (catchesInterrupt(handler, state)) {
            return loopOf(p, loop) ? handler : null;
          }
        }
      }
      child = p.getLeaf();
    }
    return null;
  }

  /** Whether the nearest loop around the try at {@code attempt} is {@code loop}. */
  private static boolean loopOf(TreePath attempt, Tree loop) {
    for (TreePath p = attempt.getParentPath(); p != null; p = p.getParentPath()) {
      if (SourceOrder.isLoop(p.getLeaf())) {
        return p.getLeaf() == loop;
      }
    }
    return false;
  }

  /** The method or lambda whose code holds the loop. */
  private static Tree enclosingBody(TreePath loop) {
    for (TreePath p = loop; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof LambdaExpressionTree
          || p.getLeaf() instanceof ClassTree) {
        return p.getLeaf();
      }
    }
    return loop.getLeaf();
  }

  /**
   * Whether the catch at {@code handler} has a way out of {@code loop}: a {@code return}, a {@code
   * throw}, a {@code break} or {@code continue} whose target is the loop or a statement around it,
   * a call that never returns, or a call of a method of this unit that throws.
   */
  private static boolean leavesLoop(TreePath handler, Tree loop, VisitorState state) {
    boolean[] out = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        out[0] = true;
        return null;
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        out[0] = true;
        return null;
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        out[0] |= jumpsOut(getCurrentPath(), tree.getLabel() == null ? null : tree.getLabel().toString(), true, loop);
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree tree, Void unused) {
        out[0] |= tree.getLabel() != null
            && jumpsOut(getCurrentPath(), tree.getLabel().toString(), false, loop);
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        out[0] |= JdkApi.NEVER_RETURNS.matches(call, state) || throwingMethod(call, state);
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        return null;
      }
    }.scan(handler, null);
    return out[0];
  }

  /**
   * Whether a jump at {@code path} ends up outside {@code loop}, or at the loop itself for an
   * unlabelled {@code break}: an unlabelled break leaves the nearest loop or switch; a labelled one
   * or a labelled continue, the statement of its label.
   */
  private static boolean jumpsOut(TreePath path, String label, boolean isBreak, Tree loop) {
    boolean passedLoop = false;
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree
          || leaf instanceof ClassTree) {
        return false;
      }
      if (label == null) {
        if (SourceOrder.isLoop(leaf) || leaf instanceof SwitchTree
            || leaf instanceof SwitchExpressionTree) {
          return leaf == loop;
        }
      } else if (leaf instanceof LabeledStatementTree labeled
          && labeled.getLabel().contentEquals(label)) {
        // break label: leaves the labelled statement; continue label: restarts that loop
        return isBreak
            ? passedLoop || labeled.getStatement() == loop
            : passedLoop && labeled.getStatement() != loop;
      }
      passedLoop |= leaf == loop;
    }
    return false;
  }

  /** A call of a method of this unit whose own code has a {@code throw}: it may rethrow. */
  private static boolean throwingMethod(MethodInvocationTree call, VisitorState state) {
    Optional<MethodTree> callee =
        GoroutineBodies.declarationInUnit(ASTHelpers.getSymbol(call), state);
    if (callee.isEmpty() || callee.get().getBody() == null) {
      return false;
    }
    Boolean found = new Calls.OwnCodeScanner() {
      @Override
      public Boolean visitThrow(ThrowTree tree, Void unused) {
        return true;
      }
    }.scan(callee.get().getBody(), null);
    return Boolean.TRUE.equals(found);
  }

  /**
   * Whether the catch at {@code handler} records the interrupt for later: it assigns, increments
   * or sets (an atomic's {@code set}, {@code incrementAndGet}, ...) a variable that other code reads
   * ({@code body} for a local, the unit for a field): a flag the loop, the code after it or the
   * owner acts on.
   */
  private static boolean recordsInterrupt(TreePath handlerPath, Tree body) {
    CatchTree handler = (CatchTree) handlerPath.getLeaf();
    Set<Symbol> written = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        addVariable(tree.getVariable(), written);
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        addVariable(tree.getVariable(), written);
        return super.visitCompoundAssignment(tree, null);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        addVariable(tree.getExpression(), written);
        return super.visitUnary(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        ExpressionTree receiver = Calls.receiverOf(call);
        if (receiver != null && JdkApi.isAtomic(ASTHelpers.getType(receiver))) {
          addVariable(receiver, written); // interrupted.set(true)
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(handler.getBlock(), null);
    written.remove(ASTHelpers.getSymbol(handler.getParameter()));
    if (written.isEmpty()) {
      return false;
    }
    Tree catchTree = handler;
    boolean fields = written.stream()
        .anyMatch(v -> v.getKind() == javax.lang.model.element.ElementKind.FIELD);
    Tree scope = fields ? handlerPath.getCompilationUnit() : body;
    boolean[] read = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return tree == catchTree || read[0] ? null : super.scan(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        read[0] |= written.contains(ASTHelpers.getSymbol(tree));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        read[0] |= written.contains(ASTHelpers.getSymbol(tree));
        return super.visitMemberSelect(tree, null);
      }
    }.scan(scope, null);
    return read[0];
  }

  /** The variable an assignment or a call writes to, when it names one. */
  private static void addVariable(ExpressionTree target, Set<Symbol> into) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(target);
    if ((stripped instanceof IdentifierTree || stripped instanceof MemberSelectTree)
        && ASTHelpers.getSymbol(stripped) instanceof Symbol.VarSymbol variable) {
      into.add(variable);
    }
  }

  /**
   * Whether anything can interrupt the task started by the launch at {@code launch} (a launch of
   * {@code root}'s own code): true unless its {@code Future} or {@code Thread} is dropped (the
   * launch is a statement of its own) and it runs where nobody interrupts it — on a thread started
   * for it ({@code Thread.startVirtualThread}, a builder's {@code start}), or on a pool that
   * {@code root} makes ({@link JdkApi#isPoolCreation}) and only submits to, shuts down with {@code
   * shutdown()}, closes or awaits (never {@code shutdownNow()}, never hands it over). A pool from
   * elsewhere may be shut down by its owner with {@code shutdownNow()}: true.
   */
  public static boolean canBeInterrupted(TreePath launch, Tree root, VisitorState state) {
    if (!(launch.getLeaf() instanceof MethodInvocationTree call)
        || !(launch.getParentPath().getLeaf() instanceof com.sun.source.tree.ExpressionStatementTree)) {
      return true; // not a launch we know, or its Future/Thread is kept
    }
    if (JdkApi.TASK_THREAD_START.matches(call, state)) {
      return false;
    }
    ExpressionTree pool = Calls.receiverOf(call);
    if (!JdkApi.EXECUTOR_LAUNCH.matches(call, state)
        || !(pool instanceof IdentifierTree name)
        || !(ASTHelpers.getSymbol(name) instanceof Symbol.VarSymbol local)
        || (local.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE
            && local.getKind() != javax.lang.model.element.ElementKind.RESOURCE_VARIABLE)) {
      return true;
    }
    boolean[] made = new boolean[1];
    boolean[] reachable = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(com.sun.source.tree.VariableTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == local) {
          made[0] = tree.getInitializer() != null
              && JdkApi.isPoolCreation(ASTHelpers.stripParentheses(tree.getInitializer()), state);
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == local) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          reachable[0] |= !(parent instanceof MemberSelectTree select
              && JdkApi.POOL_USES_THAT_KEEP_TASKS.contains(select.getIdentifier().toString()));
        }
        return super.visitIdentifier(tree, null);
      }
    }.scan(pathOf(root, launch), null);
    return !made[0] || reachable[0];
  }

  /** The path of {@code root}, an ancestor of {@code inside}. */
  private static TreePath pathOf(Tree root, TreePath inside) {
    for (TreePath p = inside; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == root) {
        return p;
      }
    }
    return inside;
  }
}
