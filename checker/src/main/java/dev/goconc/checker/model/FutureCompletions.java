package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * Who completes a {@code CompletableFuture} that a body (a method, lambda or initializer) creates
 * in a local, and who waits on it: the facts of FutureNotCompletedOnAllPaths. Every occurrence of
 * the local in the body is read:
 *
 * <ul>
 *   <li>A completion ({@code complete}, {@code completeExceptionally}, {@code cancel}, {@code
 *       obtrude*}, {@code completeAsync}) is a {@link Site}: in the body's own code, in a task
 *       the body launches ({@link GoroutineBodies}: an executor's {@code execute}/{@code submit},
 *       {@code runAsync}/{@code supplyAsync}, a virtual thread), or in a callback the body chains
 *       on another stage — one that runs on either outcome ({@code whenComplete}, {@code handle}),
 *       only on failure ({@code exceptionally}), or only on success ({@code thenAccept(f::complete)}
 *       and the other {@code then*} methods). A lambda passed to any other call counts as a
 *       callback on either outcome when it is told the outcome (a parameter of it is a {@code
 *       Throwable}: the {@code (value, error)} callback of a callback-style API, which runs once,
 *       when the call is over). An anonymous class passed to any other call is a callback object
 *       when exactly one of its methods is told a failure ({@code onError(Exception e)} beside
 *       {@code onReply(r)}): its site is that method, which must complete the future.
 *   <li>A wait: the local returned, {@code get()}/{@code join()} on it, a stage chained on it, or
 *       the local passed where a {@code Future} or {@code CompletionStage} is expected. A timed
 *       {@code get(timeout, unit)} is no wait that can last forever, and does not count.
 *   <li>Settled otherwise, and not judged: {@code orTimeout}/{@code completeOnTimeout} (it
 *       completes by itself), a hand-over (passed where a {@code CompletableFuture} or a type
 *       variable is expected, stored in a field, an array or another variable), a completion in
 *       code whose running the model cannot place (a lambda or class that is no launched task,
 *       stage callback nor outcome callback, such as a listener told values only, which may run
 *       many times; or deeper than one level of nesting), and a local assigned more than once.
 * </ul>
 */
public final class FutureCompletions {
  private FutureCompletions() {}

  /** Where a completion happens. */
  public enum Kind {
    /** The creating body's own code. */
    OWN,
    /** A task the body launches. */
    TASK,
    /** A stage callback that runs on either outcome ({@code whenComplete}, {@code handle}). */
    ON_ANY_OUTCOME,
    /** A stage callback that runs only when its stage failed ({@code exceptionally}). */
    ON_FAILURE,
    /** A stage callback that runs only when its stage succeeded ({@code then*}). */
    ON_SUCCESS,
    /**
     * A callback object passed to a call, one of whose methods is told the call's failure (its
     * {@code body} is that method): {@code new Callback() { onReply(r) {...} onError(e) {...} }}.
     */
    ON_FAILURE_METHOD
  }

  /**
   * A place that completes the future. {@code top} is the tree of the creating body that holds it
   * (the completion call itself for {@link Kind#OWN}, else the lambda, anonymous class or method
   * reference); {@code body} the path of the task's or callback's code (a lambda or a task
   * method), null for own code and method references; {@code stage} the call that chains a
   * callback, null otherwise.
   */
  public record Site(Kind kind, Tree top, TreePath body, MethodInvocationTree stage) {}

  /** What the body does with the future: its sites, its first wait, and whether it is settled. */
  public record Facts(
      VarSymbol future, List<Site> sites, Tree firstWait, boolean returned, boolean settled) {
    public boolean waited() {
      return firstWait != null;
    }
  }

  /** The facts of {@code future}, a local of the body at {@code owner}. */
  public static Facts of(VarSymbol future, TreePath owner, VisitorState state) {
    Map<Tree, Site> sites = new LinkedHashMap<>();
    Tree[] firstWait = new Tree[1];
    boolean[] returned = new boolean[1];
    boolean[] settled = new boolean[1];
    int[] assignments = new int[1];
    Tree root = owner.getLeaf();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (ASTHelpers.getSymbol(node) == future && node.getInitializer() != null) {
          assignments[0]++;
        }
        return super.visitVariable(node, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        if (ASTHelpers.getSymbol(id) != future) {
          return null;
        }
        TreePath path = getCurrentPath();
        List<TreePath> bodies = bodiesBetween(path, root);
        if (bodies.size() > 1) {
          settled[0] = true; // deeper than one level: not placed
          return null;
        }
        TreePath top = bodies.isEmpty() ? null : bodies.get(0);
        Use use = useOf(path, state);
        switch (use) {
          case ASSIGNED -> assignments[0]++;
          case SETTLED -> settled[0] = true;
          case WAIT, RETURNED -> {
            if (use == Use.RETURNED && top != null) {
              settled[0] = true; // a lambda or class that returns it hands it on
            } else {
              returned[0] |= use == Use.RETURNED;
              if (firstWait[0] == null) {
                firstWait[0] = path.getParentPath().getLeaf();
              }
            }
          }
          case COMPLETE, COMPLETE_BY_REFERENCE -> {
            Optional<Site> site = siteOf(use, path, top, root, state);
            if (site.isEmpty()) {
              settled[0] = true; // completed where the model cannot place it
            } else {
              sites.putIfAbsent(site.get().top(), site.get());
            }
          }
          case NEUTRAL -> {}
        }
        return null;
      }
    }.scan(owner, null);
    boolean reassigned = assignments[0] != 1;
    return new Facts(
        future, List.copyOf(sites.values()), firstWait[0], returned[0], settled[0] || reassigned);
  }

  private enum Use { ASSIGNED, SETTLED, WAIT, RETURNED, COMPLETE, COMPLETE_BY_REFERENCE, NEUTRAL }

  /** What the occurrence of the future at {@code path} does. */
  private static Use useOf(TreePath path, VisitorState state) {
    Tree id = path.getLeaf();
    TreePath parentPath = path.getParentPath();
    Tree parent = parentPath.getLeaf();
    if (parent instanceof MemberSelectTree
        && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == parent) {
      if (JdkApi.COMPLETABLE_FUTURE_TIMEOUT.matches(call, state)) {
        return Use.SETTLED;
      }
      if (JdkApi.COMPLETABLE_FUTURE_COMPLETE.matches(call, state)
          || JdkApi.FUTURE_CANCEL.matches(call, state)) {
        return Use.COMPLETE;
      }
      // A timed get gives up by itself: no wait that can last forever.
      return (JdkApi.FUTURE_WAIT.matches(call, state)
                  && !JdkApi.FUTURE_TIMED_GET.matches(call, state))
              || JdkApi.STAGE_CHAIN.matches(call, state)
          ? Use.WAIT
          : Use.NEUTRAL;
    }
    if (parent instanceof MemberReferenceTree reference) {
      return JdkApi.COMPLETABLE_FUTURE_COMPLETE_NAMES.contains(reference.getName().toString())
          ? Use.COMPLETE_BY_REFERENCE
          : Use.SETTLED;
    }
    if (parent instanceof AssignmentTree assignment) {
      return assignment.getVariable() == id ? Use.ASSIGNED : Use.SETTLED;
    }
    if (parent instanceof ReturnTree) {
      return Use.RETURNED;
    }
    if (parent instanceof LambdaExpressionTree lambda && lambda.getBody() == id) {
      return Use.SETTLED; // () -> f: handed to whoever calls the lambda
    }
    if (parent instanceof VariableTree
        || parent instanceof NewArrayTree
        || parent instanceof ParenthesizedTree
        || parent instanceof TypeCastTree
        || parent instanceof com.sun.source.tree.ConditionalExpressionTree) {
      return Use.SETTLED; // stored, aliased, or chosen: followed no further
    }
    if (parent instanceof MethodInvocationTree call) {
      return argumentUse(ASTHelpers.getSymbol(call), call.getArguments(), id, state);
    }
    if (parent instanceof NewClassTree created) {
      return argumentUse(ASTHelpers.getSymbol(created), created.getArguments(), id, state);
    }
    return Use.NEUTRAL;
  }

  /** The future passed as an argument: a hand-over, a wait, or neither. */
  private static Use argumentUse(
      MethodSymbol method, List<? extends ExpressionTree> arguments, Tree id, VisitorState state) {
    int index = arguments.indexOf(id);
    if (method == null || index < 0) {
      return Use.SETTLED;
    }
    List<Type> formals = method.type.getParameterTypes();
    if (formals.isEmpty()) {
      return Use.SETTLED;
    }
    Type formal = formals.get(Math.min(index, formals.size() - 1));
    if (method.isVarArgs() && index >= formals.size() - 1 && formal instanceof Type.ArrayType array) {
      formal = array.getComponentType();
    }
    if (formal.getKind() == TypeKind.TYPEVAR) {
      return Use.SETTLED; // a generic holder: List.add(E)
    }
    Type erased = state.getTypes().erasure(formal);
    if (GoconcApi.isSubtypeOf(erased, JdkApi.COMPLETABLE_FUTURE, state)) {
      return Use.SETTLED; // the callee can complete it
    }
    if (GoconcApi.isSubtypeOf(erased, JdkApi.FUTURE, state)
        || GoconcApi.isSubtypeOf(erased, JdkApi.COMPLETION_STAGE, state)) {
      return Use.WAIT;
    }
    return Use.NEUTRAL;
  }

  /** The site of a completion at {@code path}, held by {@code top} (null: the body's own code). */
  private static Optional<Site> siteOf(
      Use use, TreePath path, TreePath top, Tree root, VisitorState state) {
    if (use == Use.COMPLETE_BY_REFERENCE) {
      // f::complete, in the body's own code, as the callback of a stage.
      TreePath reference = path.getParentPath();
      return top == null
              && reference.getParentPath().getLeaf() instanceof MethodInvocationTree stage
              && stage.getArguments().contains(reference.getLeaf())
          ? callbackKind(stage, state)
              .map(kind -> new Site(kind, reference.getLeaf(), null, stage))
          : Optional.empty();
    }
    Tree call = path.getParentPath().getParentPath().getLeaf();
    if (top == null) {
      return Optional.of(new Site(Kind.OWN, call, null, null));
    }
    Tree topLeaf = top.getLeaf();
    GoroutineBodies.Placement placement = GoroutineBodies.place(path, root, state);
    if (!placement.escapes() && placement.unit() != root) {
      TreePath body = pathTo(path, placement.unit());
      return body == null ? Optional.empty() : Optional.of(new Site(Kind.TASK, topLeaf, body, null));
    }
    if (topLeaf instanceof LambdaExpressionTree lambda
        && top.getParentPath().getLeaf() instanceof MethodInvocationTree stage
        && stage.getArguments().contains(topLeaf)) {
      Optional<Kind> kind = callbackKind(stage, state);
      if (kind.isEmpty() && toldTheOutcome(lambda, state)) {
        kind = Optional.of(Kind.ON_ANY_OUTCOME); // client.get(key, (value, error) -> ...)
      }
      return kind.map(k -> new Site(k, topLeaf, top, stage));
    }
    if (topLeaf instanceof NewClassTree object
        && object.getClassBody() != null
        && top.getParentPath().getLeaf() instanceof MethodInvocationTree receiving
        && receiving.getArguments().contains(topLeaf)) {
      return failureMethod(top, state)
          .map(method -> new Site(Kind.ON_FAILURE_METHOD, topLeaf, method, receiving));
    }
    return Optional.empty();
  }

  /**
   * The one method of the callback object at {@code object} (an anonymous class passed to a call)
   * that is told the call's failure: it has a {@code Throwable} parameter, as {@code onError(e)}
   * beside {@code onReply(r)}. The failure is the call's last word, so that method must complete
   * a future the object completes elsewhere; the other methods may be told values many times, and
   * are not judged. Empty when no method, or more than one, is told a failure, and when the
   * failure method hands the object on ({@code this}) or calls the object's own methods: what
   * happens next is no longer its own code.
   */
  private static Optional<TreePath> failureMethod(TreePath object, VisitorState state) {
    ClassTree body = ((NewClassTree) object.getLeaf()).getClassBody();
    List<TreePath> told = new ArrayList<>();
    for (Tree member : body.getMembers()) {
      if (member instanceof com.sun.source.tree.MethodTree method
          && method.getBody() != null
          && method.getParameters().stream()
              .anyMatch(p -> isThrowable(ASTHelpers.getType(p), state))) {
        told.add(new TreePath(new TreePath(object, body), method));
      }
    }
    if (told.size() != 1
        || !(ASTHelpers.getSymbol(body) instanceof Symbol.ClassSymbol owner)
        || reachesTheObject(told.get(0), owner, state)) {
      return Optional.empty();
    }
    return Optional.of(told.get(0));
  }

  /**
   * Whether {@code method} names {@code this} or calls a method of the object's own, {@code
   * owner}'s or one it inherits.
   */
  private static boolean reachesTheObject(
      TreePath method, Symbol.ClassSymbol owner, VisitorState state) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        found[0] |= id.getName().contentEquals("this");
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Symbol callee = ASTHelpers.getSymbol(call);
        found[0] |=
            callee != null
                && !callee.isStatic()
                && ASTHelpers.getReceiver(call) == null
                && owner.isSubClass(callee.owner, state.getTypes());
        return super.visitMethodInvocation(call, null);
      }
    }.scan(method.getLeaf(), null);
    return found[0];
  }

  private static boolean isThrowable(Type type, VisitorState state) {
    return type != null
        && state.getTypes().isSubtype(
            state.getTypes().erasure(type), state.getSymtab().throwableType);
  }

  /**
   * Whether the callback {@code lambda} is told its call's outcome: one of its parameters is a
   * {@code Throwable} (a {@code (value, error)} completion callback of a callback-style API). Such
   * a callback runs once, when the call is over, as {@code whenComplete}'s does; a listener told
   * only values may run many times, and a path of one run that does not complete is no miss.
   */
  private static boolean toldTheOutcome(LambdaExpressionTree lambda, VisitorState state) {
    return lambda.getParameters().stream()
        .anyMatch(p -> isThrowable(ASTHelpers.getType(p), state));
  }

  private static Optional<Kind> callbackKind(MethodInvocationTree stage, VisitorState state) {
    if (JdkApi.STAGE_ON_ANY_OUTCOME.matches(stage, state)) {
      return Optional.of(Kind.ON_ANY_OUTCOME);
    }
    if (JdkApi.STAGE_ON_FAILURE.matches(stage, state)) {
      return Optional.of(Kind.ON_FAILURE);
    }
    return JdkApi.STAGE_ON_SUCCESS.matches(stage, state)
        ? Optional.of(Kind.ON_SUCCESS)
        : Optional.empty();
  }

  /**
   * The lambdas and classes between {@code path} and {@code root}, outermost first: a lambda, or
   * for a class the method that holds the path (an anonymous task's {@code run()}).
   */
  private static List<TreePath> bodiesBetween(TreePath path, Tree root) {
    List<TreePath> bodies = new ArrayList<>();
    for (TreePath p = path.getParentPath(); p != null && p.getLeaf() != root; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        bodies.add(0, p);
      } else if (leaf instanceof ClassTree) {
        // A class's methods are counted with the class, so a method adds nothing of its own.
        bodies.add(0, p.getParentPath().getLeaf() instanceof NewClassTree ? p.getParentPath() : p);
      }
    }
    return bodies;
  }

  /** The path from the root to {@code target}, an enclosing tree of {@code path}'s leaf. */
  private static TreePath pathTo(TreePath path, Tree target) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == target) {
        return p;
      }
    }
    return null;
  }

  /**
   * Whether the stage that {@code stage} chains its callback on (its receiver, followed through
   * the chain) recovers from failure on the way: an {@code exceptionally} or {@code handle} before
   * it turns a failure into a value, so the callback runs on both outcomes ({@code whenComplete}
   * passes the failure on, and does not count).
   */
  public static boolean chainRecovers(MethodInvocationTree stage, VisitorState state) {
    for (ExpressionTree receiver = ASTHelpers.getReceiver(stage);
        receiver instanceof MethodInvocationTree call;
        receiver = ASTHelpers.getReceiver(call)) {
      if (JdkApi.STAGE_RECOVERS.matches(call, state)) {
        return true;
      }
    }
    return false;
  }
}
