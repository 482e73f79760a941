package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.ContextsInScope;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.NullFallback;
import java.util.List;

/**
 * {@code Context.background()} or {@code todo()} inside a method that has a {@code Context}
 * variable in scope, handed on to work: the caller's cancellation and deadline never reach it.
 *
 * <p>In scope means a parameter, a local or a captured variable of a {@code Context} type that
 * came from outside (a local this method itself derived from {@code background()} does not
 * count; an object that merely carries a context does not either; nor does a local declared
 * without a value, {@code Context chosen;} assigned on branches, whose value at the point is not
 * read: the root assigned to it is judged against the parameter). Deliberate detachment is
 * quiet: code in a {@code finally}, after {@code ctx.done()} was received, in a select case on
 * {@code ctx.done()} or under {@code if (ctx.err() != null)} (graceful shutdown); a null fallback
 * ({@code ctx != null ? ctx : background()}, {@code if (ctx == null) ctx = background()},
 * {@code Objects.requireNonNullElse}); a root stored in a field (ContextInField's domain) or
 * discarded. Entry points are quiet: {@code static main}, test code ({@code
 * -XepCompilingTestOnlyCode}, methods annotated {@code @Test}, {@code @ParameterizedTest} and
 * the like), initialiser blocks, and the goroutines they start; but a lambda inside them that
 * takes its own {@code Context} parameter is a handler, called later with a caller's context,
 * and is judged. The root is followed to its use through parentheses, {@code Context.withX}
 * wrappers, the branches of {@code ?:} and the arms of a switch expression (an arrow case or a
 * {@code yield}). The runtime's own package is not judged. No step across methods.
 *
 * <p>Fix: replace the call with the context variable in scope, the innermost when there are
 * several (the narrowest, usually derived from the outer ones); no fix when that variable is
 * captured by a lambda but not effectively final.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Context.background() drops the caller's cancellation; pass the Context in scope",
    severity = WARNING,
    link = GoconcApi.RULES_BASE_URL + "BackgroundContextInsteadOfParameter.md",
    linkType = CUSTOM)
public final class BackgroundContextInsteadOfParameter extends BugChecker
    implements MethodInvocationTreeMatcher {

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethodInvocation(tree, state));
  }

  private Description analyseMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!GoconcApi.CONTEXT_ROOT.matches(tree, state)
        || state.errorProneOptions().isTestOnlyTarget()
        || !GoconcApi.mentionsRuntime(state)
        || IgnoredCancellation.inRuntimePackage(state)) {
      return Description.NO_MATCH;
    }
    TreePath path = state.getPath();
    if (!handedToWork(path, state) || inEntryPointOrDetached(path, state)) {
      return Description.NO_MATCH;
    }
    List<ContextsInScope.ScopedContext> contexts =
        ContextsInScope.at(path, state).stream().filter(c -> !c.rootedHere()).toList();
    if (contexts.isEmpty()) {
      return Description.NO_MATCH;
    }
    ContextsInScope.ScopedContext inner = contexts.get(0);
    String name = inner.symbol().getSimpleName().toString();
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                String.format(
                    "%s drops the cancellation and deadline of '%s', which is in scope, so this"
                        + " work runs on after the caller gave up; pass '%s' (or"
                        + " Context.withoutCancel(%s) to detach on purpose)",
                    state.getSourceForNode(tree), name, name, name));
    if (!inner.captured() || inner.effectivelyFinal()) {
      description.addFix(SuggestedFix.replace(tree, name));
    }
    return description.build();
  }

  /** Whether the root, after any {@code Context.withX} around it, is used rather than stored. */
  private static boolean handedToWork(TreePath path, VisitorState state) {
    // The value flows on through parentheses, Context.withX wrappers, the branch of a ?: and
    // the arm of a switch expression (an arrow case's value or a yield) to where it is used.
    TreePath p = path.getParentPath();
    Tree child = path.getLeaf();
    while (p != null
        && (p.getLeaf() instanceof ParenthesizedTree
            || (p.getLeaf() instanceof MethodInvocationTree call
                && ContextsInScope.isContextWrapper(call, state))
            || (p.getLeaf() instanceof ConditionalExpressionTree conditional
                && conditional.getCondition() != child)
            || isSwitchExpressionArm(p, child))) {
      child = p.getLeaf();
      p = p.getParentPath();
    }
    if (p == null) {
      return false;
    }
    Tree use = p.getLeaf();
    if (use instanceof AssignmentTree assignment) {
      Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
      return target == null || !target.getKind().isField();
    }
    if (use instanceof VariableTree variable) {
      Symbol target = ASTHelpers.getSymbol(variable);
      return target == null || !target.getKind().isField();
    }
    // An argument, a value returned or yielded by a lambda, a branch chosen for use; not a
    // comparison, nor a receiver of a question such as background().deadline().
    return use instanceof MethodInvocationTree
        || use instanceof NewClassTree
        || use instanceof ReturnTree
        || use instanceof LambdaExpressionTree
        || use instanceof ConditionalExpressionTree;
  }

  /**
   * Whether {@code child} is the value of an arm of a switch expression at {@code p}: an arrow
   * case's expression, a {@code yield}, or the case or switch around them.
   */
  private static boolean isSwitchExpressionArm(TreePath p, Tree child) {
    Tree leaf = p.getLeaf();
    if (leaf instanceof SwitchExpressionTree switchExpression) {
      return switchExpression.getExpression() != child;
    }
    if (leaf instanceof CaseTree caseTree) {
      return caseTree.getBody() == child;
    }
    if (leaf instanceof YieldTree) {
      return true;
    }
    if (leaf instanceof BlockTree || leaf instanceof ExpressionStatementTree) {
      // a yield inside a case block: climb to the case if a switch expression is above
      for (TreePath q = p; q != null; q = q.getParentPath()) {
        if (q.getLeaf() instanceof SwitchExpressionTree) {
          return child instanceof YieldTree || child instanceof BlockTree;
        }
        if (q.getLeaf() instanceof MethodTree || q.getLeaf() instanceof LambdaExpressionTree
            || q.getLeaf() instanceof SwitchTree) {
          return false;
        }
      }
    }
    return false;
  }

  private static boolean inEntryPointOrDetached(TreePath path, VisitorState state) {
    if (NullFallback.isFallback(path, state)) {
      return true;
    }
    // A lambda taking its own Context is a handler called later with a caller's context: the
    // entry point around it does not excuse it.
    boolean inHandler = false;
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof TryTree tryTree && child == tryTree.getFinallyBlock()) {
        return true;
      }
      if (leaf instanceof IfTree ifTree
          && child == ifTree.getThenStatement()
          && Calls.anyInOwnCode(ifTree.getCondition(), GoconcApi.CONTEXT_ERR, state)) {
        return true;
      }
      if (leaf instanceof BlockTree block && receivedDoneBefore(block, child, state)) {
        return true;
      }
      if (leaf instanceof LambdaExpressionTree lambda) {
        if (isDoneCaseHandler(p, state)) {
          return true;
        }
        inHandler |= takesContext(lambda, state);
      }
      if (!inHandler && leaf instanceof MethodTree method && isEntryPoint(method)) {
        return true;
      }
      if (!inHandler
          && leaf instanceof BlockTree
          && p.getParentPath().getLeaf() instanceof ClassTree) {
        return true; // an initialiser block
      }
      if (leaf instanceof ClassTree) {
        Symbol cls = ASTHelpers.getSymbol(leaf);
        if (cls == null || !cls.isDirectlyOrIndirectlyLocal()) {
          return false;
        }
      }
    }
    return false;
  }

  private static boolean takesContext(LambdaExpressionTree lambda, VisitorState state) {
    for (VariableTree parameter : lambda.getParameters()) {
      Symbol symbol = ASTHelpers.getSymbol(parameter);
      if (symbol != null && GoconcApi.isSubtypeOf(symbol.type, GoconcApi.CONTEXT, state)) {
        return true;
      }
    }
    return false;
  }

  /** A statement before {@code child} in {@code block} received from some {@code ctx.done()}. */
  private static boolean receivedDoneBefore(BlockTree block, Tree child, VisitorState state) {
    for (StatementTree statement : block.getStatements()) {
      if (statement == child) {
        return false;
      }
      if (Calls.receivesFromDone(statement, state)) {
        return true;
      }
    }
    return false;
  }

  /** A lambda passed as the handler of {@code select().recv(ctx.done(), ...)}. */
  private static boolean isDoneCaseHandler(TreePath lambdaPath, VisitorState state) {
    return lambdaPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && GoconcApi.SELECT_RECV.matches(call, state)
        && call.getArguments().size() == 2
        && call.getArguments().get(1) == lambdaPath.getLeaf()
        && GoconcApi.CONTEXT_DONE.matches(
            ASTHelpers.stripParentheses(call.getArguments().get(0)), state);
  }

  private static boolean isEntryPoint(MethodTree method) {
    if (method.getName().contentEquals("main")
        && method.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.STATIC)) {
      return true;
    }
    for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
      String simple = ASTHelpers.getAnnotationName(annotation);
      if (simple == null) {
        continue;
      }
      if (simple.endsWith("Test") || simple.equals("TestFactory") || simple.equals("Benchmark")) {
        return true;
      }
    }
    return false;
  }
}
