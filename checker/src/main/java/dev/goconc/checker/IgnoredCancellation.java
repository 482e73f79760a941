package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.DoWhileLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.EnhancedForLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.ForLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.WhileLoopTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.model.BlockingOperations;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.Cancellation;
import dev.goconc.checker.model.ChannelCapacity;
import dev.goconc.checker.model.ContextsInScope;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.UnitMemo;
import java.util.ArrayList;
import java.util.List;

/**
 * A loop that can block while a {@code Context} is in scope and never looks at it: after the
 * caller cancels, the loop keeps waiting or keeps working.
 *
 * <p>Judged: {@code while}, {@code do}, {@code for} and for-each over a collection or array,
 * select loops included, whose own code (condition, body, the handlers of its selects and the
 * callbacks the JDK runs in place, {@code items.forEach(out::send)}; not nested loops, which are
 * judged on their own, nor goroutines) makes a blocking call (see {@link BlockingOperations})
 * while a context variable is in scope ({@link ContextsInScope}).
 *
 * <p>Observing is decided in one place ({@link dev.goconc.checker.model.Cancellation}): anything
 * in the loop (nested code included) that calls {@code done()} or {@code err()} on any context —
 * a context derived from the one in scope counts — or calls a method of this compilation unit that
 * does. Handing the context to a call is not observing it: the loop's own blocking receive or
 * select waits on after a cancel whatever the callee does with it. Quiet: for-each over a channel and loops
 * around {@code receiveOk()} that test {@code ok()}, which end when the channel closes
 * (UnclosedChannel's domain); a send into a local channel made with room for every iteration
 * ({@code Chan.make(items.size())} filled once per element of {@code items}); a receive from a
 * local channel whose sending goroutines end with the context (they observe it or hand it to
 * their work: the fetch-all idiom, cancellation reaches the loop through them), and a send on a
 * local channel (a semaphore) whose receiving goroutines end with it; an {@code await()} on an
 * ErrGroup the method makes from the context in scope ({@code ErrGroup.withContext(ctx)}), whose
 * tasks hold the group's context, derived from it, so the cancel reaches them and the wait ends
 * with theirs. A loop selecting on its own quit channel instead
 * of the context is still reported: it ignores the caller's cancellation. The runtime's own
 * package is not judged. No fix: where to observe the context (a select case, an {@code err()}
 * check, which value to return) is the author's call.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A blocking loop never observes the Context in scope, so cancellation cannot stop it",
    severity = WARNING,
    link = GoconcApi.RULES_BASE_URL + "IgnoredCancellation.md",
    linkType = CUSTOM)
public final class IgnoredCancellation extends BugChecker
    implements WhileLoopTreeMatcher,
        DoWhileLoopTreeMatcher,
        ForLoopTreeMatcher,
        EnhancedForLoopTreeMatcher {

  @Override
  public Description matchWhileLoop(WhileLoopTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseWhileLoop(tree, state));
  }

  private Description analyseWhileLoop(WhileLoopTree tree, VisitorState state) {
    return judge(tree, List.of(tree.getCondition(), tree.getStatement()), state);
  }

  @Override
  public Description matchDoWhileLoop(DoWhileLoopTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseDoWhileLoop(tree, state));
  }

  private Description analyseDoWhileLoop(DoWhileLoopTree tree, VisitorState state) {
    return judge(tree, List.of(tree.getCondition(), tree.getStatement()), state);
  }

  @Override
  public Description matchForLoop(ForLoopTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseForLoop(tree, state));
  }

  private Description analyseForLoop(ForLoopTree tree, VisitorState state) {
    List<Tree> parts = new ArrayList<>(tree.getUpdate());
    parts.add(tree.getCondition());
    parts.add(tree.getStatement());
    return judge(tree, parts, state);
  }

  @Override
  public Description matchEnhancedForLoop(EnhancedForLoopTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseEnhancedForLoop(tree, state));
  }

  private Description analyseEnhancedForLoop(EnhancedForLoopTree tree, VisitorState state) {
    if (GoconcApi.isSubtypeOf(ASTHelpers.getType(tree.getExpression()), GoconcApi.RECV_CHAN, state)) {
      return Description.NO_MATCH; // ends when the channel closes: UnclosedChannel's domain
    }
    return judge(tree, List.of(tree.getStatement()), state);
  }

  private Description judge(Tree loop, List<? extends Tree> parts, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)
        || inRuntimePackage(state)) {
      return Description.NO_MATCH;
    }
    List<ExpressionTree> candidates = BlockingOperations.in(parts, state);
    if (candidates.isEmpty()) {
      return Description.NO_MATCH;
    }
    List<ContextsInScope.ScopedContext> contexts = ContextsInScope.at(state.getPath(), state);
    if (contexts.isEmpty() || Cancellation.observedIn(loop, state) || endsWhenChannelCloses(parts, state)) {
      return Description.NO_MATCH;
    }
    // The costlier questions last, and only for loops that would otherwise be reported.
    List<ExpressionTree> blocking = new ArrayList<>();
    for (ExpressionTree operation : candidates) {
      if (!ChannelCapacity.sendFitsBuffer(operation, loop, state)
          && !ChannelCapacity.partnersEndWithContext(operation, state)
          && !awaitsAGroupOfTheContext(operation, contexts, state)) {
        blocking.add(operation);
      }
    }
    if (blocking.isEmpty()) {
      return Description.NO_MATCH;
    }
    String ctx = contexts.get(0).symbol().getSimpleName().toString();
    ExpressionTree first = blocking.get(0);
    String operation = GoconcApi.SELECT_RUN.matches(first, state)
        ? "a select without otherwise"
        : describe(first, state);
    return buildDescription(loop)
        .setMessage(
            String.format(
                "This loop blocks in %s but never checks '%s', so it keeps waiting after the"
                    + " caller cancels; select on %s.done() or check %s.err() in each iteration",
                operation, ctx, ctx, ctx))
        .build();
  }

  /**
   * {@code g.await()} on a group the enclosing method makes with {@code ErrGroup.withContext(ctx)}
   * from a context in scope, and never reassigns: the group's tasks hold its context, derived
   * from {@code ctx}, so the caller's cancel reaches them and the wait ends with theirs (a task
   * that ignores its context is judged where it loops).
   */
  private static boolean awaitsAGroupOfTheContext(
      ExpressionTree operation, List<ContextsInScope.ScopedContext> contexts, VisitorState state) {
    if (!(operation instanceof MethodInvocationTree call)
        || !GoconcApi.ERR_GROUP_AWAIT.matches(call, state)
        || !(ASTHelpers.getReceiver(call) instanceof ExpressionTree receiver)
        || !(ASTHelpers.getSymbol(receiver) instanceof VarSymbol group)
        || group.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE
        || (group.flags() & (com.sun.tools.javac.code.Flags.FINAL
            | com.sun.tools.javac.code.Flags.EFFECTIVELY_FINAL)) == 0) {
      return false;
    }
    MethodTree method = ASTHelpers.findEnclosingNode(state.getPath(), MethodTree.class);
    if (method == null || method.getBody() == null) {
      return false;
    }
    boolean[] derived = new boolean[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(com.sun.source.tree.VariableTree variable, Void unused) {
        if (ASTHelpers.getSymbol(variable) == group
            && variable.getInitializer() instanceof MethodInvocationTree made
            && GoconcApi.ERR_GROUP_WITH_CONTEXT.matches(made, state)
            && made.getArguments().size() == 1
            && ASTHelpers.getSymbol(made.getArguments().get(0)) instanceof VarSymbol context
            && contexts.stream().anyMatch(c -> c.symbol() == context)) {
          derived[0] = true;
        }
        return super.visitVariable(variable, null);
      }
    }.scan(method.getBody(), null);
    return derived[0];
  }

  /**
   * {@code out.send()}, {@code Thread.sleep()}; just {@code receive()} after a call chain; {@code
   * out::send} for a method reference.
   */
  private static String describe(ExpressionTree operation, VisitorState state) {
    if (!(operation instanceof MethodInvocationTree call)) {
      String reference = state.getSourceForNode(operation);
      return reference == null ? "a method reference" : reference;
    }
    String select = state.getSourceForNode(call.getMethodSelect());
    String name = ASTHelpers.getSymbol(call).getSimpleName().toString();
    return (select == null || select.contains("(") ? name : select) + "()";
  }

  /**
   * The runtime's own code is not judged by the context rules. Read once per unit: printing the
   * package name on every loop of every file was a visible part of this rule's time.
   */
  static boolean inRuntimePackage(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, IN_RUNTIME_PACKAGE, unit, () -> {
      // The package's symbol, not the tree printed: the declaration may carry comments or spaces.
      return unit.getPackage() != null
          && ASTHelpers.getSymbol(unit.getPackage()).getQualifiedName().contentEquals(GoconcApi.PACKAGE);
    });
  }

  private static final UnitMemo.Fact<Boolean> IN_RUNTIME_PACKAGE =
      new UnitMemo.Fact<>("in the runtime's package");

  /** A {@code receiveOk()} loop that tests {@code ok()}: it ends when the channel closes. */
  private static boolean endsWhenChannelCloses(List<? extends Tree> parts, VisitorState state) {
    boolean receiveOk = false;
    boolean testsOk = false;
    for (Tree part : parts) {
      receiveOk |= part != null && containsCall(part, "receiveOk", state);
      testsOk |= part != null && Calls.anyInOwnCode(part, GoconcApi.RECEIVED_OK, state);
    }
    return receiveOk && testsOk;
  }

  private static boolean containsCall(Tree tree, String name, VisitorState state) {
    return Calls.anyInOwnCode(
        tree,
        (call, s) -> GoconcApi.CHAN_RECEIVE.matches(call, s)
            && ASTHelpers.getSymbol(call) != null
            && ASTHelpers.getSymbol(call).getSimpleName().contentEquals(name),
        state);
  }

}
