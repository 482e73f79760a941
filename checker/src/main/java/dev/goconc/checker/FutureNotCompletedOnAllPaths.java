package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.fixes.FixLayout;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.CodeRoots;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.FailingWork;
import dev.goconc.checker.model.FutureCompletions.Kind;
import dev.goconc.checker.model.FutureCompletions.Site;
import dev.goconc.checker.model.FutureCompletions;
import dev.goconc.checker.model.ReleaseObligations;
import dev.goconc.checker.util.SourceLines;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;

/**
 * A {@code new CompletableFuture<>()} that someone waits on and that some path leaves neither
 * completed nor handed over: every caller of {@code get()} or {@code join()}, and every stage
 * chained on it, waits forever. The future is a local of a method, lambda or initializer, and
 * {@link FutureCompletions} reads who completes it and who waits. It is judged only when someone
 * waits (it is returned, {@code get()}/{@code join()} on it, a stage chained on it, or passed where
 * a {@code Future} or {@code CompletionStage} is expected), and decided in this order:
 *
 * <ul>
 *   <li>The body's own paths: from the creation, the control-flow graph ({@link ExitPaths}) must
 *       reach no {@code return} or end of the body without passing a completion ({@code complete},
 *       {@code completeExceptionally}, {@code cancel}, {@code obtrude*}, {@code completeAsync}) or
 *       the launch of a task, or the chaining of a callback, that completes it. The exception a
 *       call may throw is a path where a {@code catch} of the body takes it (the {@code catch}
 *       exists for it: {@code try { f.complete(read()); } catch (IOException e) { log(e); }}
 *       leaves {@code f} uncompleted); leaving the body by an exception, or an explicit {@code
 *       throw}, needs no completion: no caller receives the future.
 *   <li>Completed only in one task the body launches (a lambda or anonymous class passed to {@code
 *       execute}, {@code submit}, {@code runAsync}, {@code supplyAsync} or a virtual thread): every
 *       way out of the task, an exception from any call where its work may fail included (not an
 *       {@code Error}), must pass a completion. A {@code catch} that completes exceptionally or a
 *       {@code finally} that completes passes; a {@code catch (IOException e)} leaves an unchecked
 *       exception out. Where the work may fail is read once ({@link FailingWork}): any call or
 *       constructor (I/O, a remote call, the unit's own code, a library), but not the JDK's
 *       in-memory code, whose failure is a programming error: the collections and maps, {@code
 *       String}, {@code Optional}, boxes, {@code Math}, the JDK's exceptions made for the
 *       failure. So a task that reads its cache ({@code cache.get(id)}) or checks its input
 *       ({@code s.isEmpty()}) before the {@code try} around its remote call is not flagged for
 *       that read, while one whose remote call, {@code Integer.parseInt} (it declares its
 *       exception) or {@code computeIfAbsent(id, loader)} (it runs the loader) sits outside the
 *       {@code try} is.
 *       The calls of a {@code catch} or {@code finally} block that completes the future are not
 *       judged as throwing (they handle the failure before completing; their own failure would be
 *       a second one: {@code catch (Exception e) { log.warn(e); f.completeExceptionally(e); }} is
 *       the idiom), nor are the calls on the future itself. A
 *       look at the future's state ({@code isDone()}) counts as a completion on every walk: the
 *       branch of {@code if (f.isDone()) return;} that skips one is where it is complete.
 *   <li>Completed only in one {@code whenComplete}/{@code handle} callback, or in one callback
 *       told the outcome of the call it is passed to (a lambda with a {@code Throwable}
 *       parameter: {@code client.get(key, (value, error) -> ...)}, the adapter of a
 *       callback-style API): every path through it must complete (its implicit exceptions are not
 *       paths, as in the body's own code). A callback that logs and returns on one outcome leaves
 *       the future incomplete for ever.
 *   <li>Completed only in a callback object passed to a call (an anonymous class: {@code new
 *       Callback() { onReply(r) {...} onError(e) {...} }}) that has one method told the call's
 *       failure (a {@code Throwable} parameter): the failure is the call's last word, so every
 *       path through that method must complete the future. Its other methods may be told values
 *       many times and are not judged; a failure method that hands the object on ({@code this},
 *       a retry) or calls the object's own methods is not judged either.
 *   <li>Completed only in callbacks that run on success ({@code other.thenAccept(f::complete)},
 *       {@code thenApply}, the other {@code then*}): if the stage fails, nothing completes the
 *       future. Quiet when an {@code exceptionally} or {@code handle} earlier in the chain turns
 *       the failure into a value.
 * </ul>
 *
 * <p>Quiet, deliberately: a future completed at more than one place (a task and a timeout, two
 * tasks racing: the model cannot tell that one of them always runs); {@code orTimeout} or {@code
 * completeOnTimeout} on it (it completes by itself); a hand-over (passed where a {@code
 * CompletableFuture} or a type variable is expected, stored, returned from a lambda); a completion
 * in code the model cannot place (a lambda that is neither a launched task, a stage callback nor an
 * outcome callback: a listener told only values may run many times, and one run that does not
 * complete is no miss; an anonymous callback class none or more than one of whose methods is
 * told a failure, or one held in a local first; two levels of nesting); a local assigned more
 * than once; {@code CompletableFuture.supplyAsync} and the other factories (they complete their
 * futures themselves).
 *
 * <p>Fix, for a task that is a lambda with a block body returning no value (or an anonymous
 * class's {@code void} method): wrap its statements in {@code try { ... } catch (Throwable t) {
 * f.completeExceptionally(t); }}. A failure then completes the future exceptionally, and waiters
 * see the exception instead of hanging; when the task already completed it, the call does nothing.
 * No fix for the other findings: which value or exception completes the future on a missed path
 * is the author's decision.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A CompletableFuture that some path leaves uncompleted makes everyone waiting on it wait"
            + " forever; complete it, exceptionally if need be, on every path",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "FutureNotCompletedOnAllPaths.md",
    linkType = CUSTOM)
public final class FutureNotCompletedOnAllPaths extends BugChecker implements NewClassTreeMatcher {

  @Override
  public Description matchNewClass(NewClassTree creation, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyse(creation, state));
  }

  private Description analyse(NewClassTree creation, VisitorState state) {
    if (!JdkApi.mentionsConcurrency(state)
        || creation.getClassBody() != null
        || !JdkApi.COMPLETABLE_FUTURE_NEW.matches(creation, state)) {
      return Description.NO_MATCH;
    }
    TreePath path = state.getPath();
    while (path.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      path = path.getParentPath();
    }
    Tree parent = path.getParentPath().getLeaf();
    Tree start;
    VarSymbol future;
    if (parent instanceof VariableTree variable
        && variable.getInitializer() == path.getLeaf()
        && ASTHelpers.getSymbol(variable) instanceof VarSymbol local) {
      start = variable;
      future = local;
    } else if (parent instanceof AssignmentTree assignment
        && assignment.getExpression() == path.getLeaf()
        && ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol local) {
      start = assignment;
      future = local;
    } else {
      return Description.NO_MATCH;
    }
    TreePath owner = ReleaseObligations.ownerOf(path);
    if (owner == null || future.getKind() != ElementKind.LOCAL_VARIABLE) {
      return Description.NO_MATCH;
    }
    FutureCompletions.Facts facts = FutureCompletions.of(future, owner, state);
    if (facts.settled() || !facts.waited()) {
      return Description.NO_MATCH;
    }
    String name = future.getSimpleName().toString();
    String created = String.format("'%s' (created on line %d)", name, SourceLines.of(creation, state));
    String waiters = waiters(facts, state);
    Optional<ExitPaths> graph = ExitPaths.of(owner, state);
    if (graph.isEmpty()) {
      return Description.NO_MATCH;
    }
    Set<Tree> tops = new HashSet<>();
    facts.sites().forEach(site -> tops.add(site.top()));
    Optional<ExitPaths.Exit> missed =
        graph.get()
            .exitsAvoidingThrows(
                start,
                tree -> tops.contains(tree) || asksState(tree, future, state),
                mayThrow(owner, future, state))
            .stream()
            .filter(e -> e.kind() == ExitPaths.Kind.RETURN || e.kind() == ExitPaths.Kind.END_OF_BODY)
            .findFirst();
    if (missed.isPresent()) {
      return describe(
          creation,
          String.format(
              "%s may be reached without completing %s: %s; complete it on every path"
                  + " (completeExceptionally where the work failed)",
              exitText(missed.get(), owner.getLeaf(), "", state), created, waiters),
          Optional.empty());
    }
    List<Site> sites = facts.sites();
    if (sites.isEmpty()) {
      return Description.NO_MATCH;
    }
    if (sites.stream().allMatch(s -> s.kind() == Kind.ON_SUCCESS)) {
      Site first = sites.get(0);
      if (sites.stream().anyMatch(s -> FutureCompletions.chainRecovers(s.stage(), state))) {
        return Description.NO_MATCH;
      }
      return describe(
          creation,
          String.format(
              "%s is completed only in the %s(...) callback on line %d, which runs only when its"
                  + " stage succeeds: if that stage fails, nothing completes it and %s; complete it"
                  + " on failure too (whenComplete, or exceptionally with completeExceptionally)",
              created,
              first.stage() == null ? "stage" : methodName(first.stage()),
              SourceLines.of(first.top(), state),
              waiters),
          Optional.empty());
    }
    if (sites.size() != 1
        || (sites.get(0).kind() != Kind.TASK
            && sites.get(0).kind() != Kind.ON_ANY_OUTCOME
            && sites.get(0).kind() != Kind.ON_FAILURE_METHOD)) {
      return Description.NO_MATCH; // completed at several places, or on failure only
    }
    Site site = sites.get(0);
    Optional<ExitPaths> body = ExitPaths.of(site.body(), state);
    if (body.isEmpty()) {
      return Description.NO_MATCH;
    }
    Predicate<Tree> completes = tree -> completes(tree, future, state);
    boolean task = site.kind() == Kind.TASK;
    List<ExitPaths.Exit> exits =
        (task
                ? body.get().exitsFromEntryAvoidingThrows(
                    completes, mayThrow(site.body(), future, state))
                : body.get().exitsFromEntryAvoiding(completes))
            .stream().filter(ExitPaths.Exit::leaves).toList();
    if (exits.isEmpty()) {
      return Description.NO_MATCH;
    }
    ExitPaths.Exit exit = exits.get(0);
    String what =
        task
            ? "the task"
            : site.kind() == Kind.ON_FAILURE_METHOD
                ? "the "
                    + ((MethodTree) site.body().getLeaf()).getName()
                    + " method of the callback object"
                : "the " + methodName(site.stage()) + " callback";
    return describe(
        creation,
        String.format(
            "%s on line %d can end without completing %s (%s): %s; %s",
            what,
            SourceLines.of(site.top(), state),
            created,
            exitText(
                exit,
                site.body().getLeaf(),
                site.kind() == Kind.ON_FAILURE_METHOD
                    ? ((MethodTree) site.body().getLeaf()).getName() + " method"
                    : what,
                state),
            waiters,
            task
                ? "complete it exceptionally in a catch (Throwable), or in a finally"
                : site.kind() == Kind.ON_FAILURE_METHOD
                    ? "that method is told the call's failure, its last word; complete it"
                        + " exceptionally there"
                    : "complete it on every outcome"),
        task ? fix(site.body(), name, state) : Optional.empty());
  }

  private Description describe(Tree at, String message, Optional<SuggestedFix> fix) {
    Description.Builder description = buildDescription(at).setMessage(message);
    fix.ifPresent(description::addFix);
    return description.build();
  }

  /** Whether {@code tree} completes {@code future}, or asks whether it is complete. */
  private static boolean completes(Tree tree, VarSymbol future, VisitorState state) {
    return (tree instanceof MethodInvocationTree call
            && (JdkApi.COMPLETABLE_FUTURE_COMPLETE.matches(call, state)
                || JdkApi.FUTURE_CANCEL.matches(call, state))
            && isOn(call, future))
        || asksState(tree, future, state);
  }

  /**
   * Whether {@code tree} asks {@code future} whether it is complete ({@code isDone()}): the branch
   * of {@code if (f.isDone()) return;} that skips the completion is the one where it is complete.
   */
  private static boolean asksState(Tree tree, VarSymbol future, VisitorState state) {
    return tree instanceof MethodInvocationTree call
        && JdkApi.FUTURE_STATE.matches(call, state)
        && isOn(call, future);
  }

  private static boolean isOn(MethodInvocationTree call, VarSymbol future) {
    return ASTHelpers.getReceiver(call) != null
        && ASTHelpers.getSymbol(ASTHelpers.getReceiver(call)) == future;
  }

  /**
   * The calls of {@code body} whose exception is a path: those where the work may fail ({@link
   * FailingWork}: not its arithmetic, nor the JDK's in-memory reads); not those of a {@code
   * catch} or {@code finally} block that completes the future itself (the innermost block around the call; a
   * nested {@code try} block starts afresh): there they are the handling before the completion,
   * and their own failure would be a second one (as WaitGroupDoneNotInFinally treats the cleanup
   * before {@code done()}). Nor the calls on the future ({@code isDone()} and the like).
   */
  private static Predicate<Tree> mayThrow(TreePath body, VarSymbol future, VisitorState state) {
    Set<Tree> exempt = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitTry(com.sun.source.tree.TryTree tree, Boolean inHandler) {
        scan(tree.getResources(), false);
        scan(tree.getBlock(), false);
        for (com.sun.source.tree.CatchTree handler : tree.getCatches()) {
          scan(handler, completesIn(handler.getBlock(), future, state));
        }
        if (tree.getFinallyBlock() != null) {
          scan(tree.getFinallyBlock(), completesIn(tree.getFinallyBlock(), future, state));
        }
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Boolean inHandler) {
        if (inHandler) {
          exempt.add(tree);
        }
        return super.visitMethodInvocation(tree, inHandler);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Boolean inHandler) {
        if (inHandler) {
          exempt.add(tree);
        }
        return super.visitNewClass(tree, inHandler);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Boolean inHandler) {
        return tree == body.getLeaf() ? super.visitLambdaExpression(tree, inHandler) : null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree tree, Boolean inHandler) {
        return null;
      }
    }.scan(body.getLeaf(), false);
    return tree ->
        FailingWork.mayFail(tree, state)
            && !exempt.contains(tree)
            && !(tree instanceof MethodInvocationTree call && isOn(call, future));
  }

  /** Whether {@code block}'s own code (not its lambdas or classes) completes {@code future}. */
  private static boolean completesIn(BlockTree block, VarSymbol future, VisitorState state) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            return completes(tree, future, state)
                || Boolean.TRUE.equals(super.visitMethodInvocation(tree, null));
          }

          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
            return false;
          }

          @Override
          public Boolean visitClass(com.sun.source.tree.ClassTree tree, Void unused) {
            return false;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(block, null);
    return Boolean.TRUE.equals(found);
  }

  /** Who waits, for the message. */
  private static String waiters(FutureCompletions.Facts facts, VisitorState state) {
    if (facts.returned()) {
      return "every caller waiting on the returned future waits forever";
    }
    Tree wait = facts.firstWait();
    long line = SourceLines.of(wait, state);
    if (wait instanceof com.sun.source.tree.MemberSelectTree select) {
      String method = select.getIdentifier().toString();
      return method.equals("get") || method.equals("join")
          ? String.format("the %s() on line %d waits forever", method, line)
          : String.format("the stage chained on line %d never runs", line);
    }
    return String.format("whoever it is passed to on line %d waits forever", line);
  }

  private static String exitText(ExitPaths.Exit exit, Tree owner, String body, VisitorState state) {
    return switch (exit.kind()) {
      case RETURN -> "the return " + exit.where(state);
      case THROW ->
          exit.tree() instanceof ThrowTree
              ? "the throw " + exit.where(state)
              : "an exception from a call " + exit.where(state) + " skips it";
      default ->
          "the end of the "
              + (body.isEmpty()
                  ? (owner instanceof LambdaExpressionTree
                      ? "lambda"
                      : owner instanceof MethodTree ? "method" : "initializer")
                  : body.replace("the ", ""))
              + " on line "
              + SourceLines.at(
                  Math.max(0, state.getEndPosition(CodeRoots.codeOf(owner)) - 1), state);
    };
  }

  private static String methodName(MethodInvocationTree call) {
    return ASTHelpers.getSymbol(call) == null
        ? "stage"
        : ASTHelpers.getSymbol(call).getSimpleName().toString();
  }

  /**
   * {@code try { body } catch (Throwable t) { f.completeExceptionally(t); }} around the statements
   * of a task lambda's block body, or of an anonymous task's {@code void} method, when the body
   * returns no value and can end normally (so the wrapped body keeps the same shape).
   */
  private static Optional<SuggestedFix> fix(TreePath body, String future, VisitorState state) {
    BlockTree block =
        switch (body.getLeaf()) {
          case LambdaExpressionTree lambda when lambda.getBody() instanceof BlockTree b -> b;
          case MethodTree method
              when method.getBody() != null
                  && ASTHelpers.getSymbol(method) != null
                  && ASTHelpers.getSymbol(method).getReturnType().getKind()
                      == javax.lang.model.type.TypeKind.VOID ->
              method.getBody();
          default -> null;
        };
    Optional<FixLayout> layout = FixLayout.of(state);
    if (block == null || block.getStatements().isEmpty() || layout.isEmpty()) {
      return Optional.empty();
    }
    List<? extends StatementTree> statements = block.getStatements();
    if (statements.get(statements.size() - 1) instanceof ThrowTree || returnsValue(block)) {
      return Optional.empty();
    }
    Optional<String> name = freeName(body);
    int from = ASTHelpers.getStartPosition(statements.get(0));
    int to = state.getEndPosition(statements.get(statements.size() - 1));
    if (name.isEmpty() || from < 0 || to < from) {
      return Optional.empty();
    }
    FixLayout text = layout.get();
    to = text.withComment(to);
    return Optional.of(
        SuggestedFix.replace(
            from,
            to,
            text.tryCatchBlock(
                text.indentAt(from),
                text.text(from, to),
                text.startsLine(from),
                "Throwable " + name.get(),
                future + ".completeExceptionally(" + name.get() + ");")));
  }

  private static boolean returnsValue(BlockTree block) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitReturn(ReturnTree tree, Void unused) {
            return tree.getExpression() != null;
          }

          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
            return false;
          }

          @Override
          public Boolean visitClass(com.sun.source.tree.ClassTree tree, Void unused) {
            return false;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(block, null);
    return Boolean.TRUE.equals(found);
  }

  /** A name for the caught exception that no variable of the enclosing method uses. */
  private static Optional<String> freeName(TreePath body) {
    TreePath outermost = body;
    for (TreePath p = body; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof LambdaExpressionTree) {
        outermost = p;
      }
    }
    Set<String> used = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        used.add(tree.getName().toString());
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitIdentifier(com.sun.source.tree.IdentifierTree tree, Void unused) {
        used.add(tree.getName().toString());
        return null;
      }
    }.scan(outermost.getLeaf(), null);
    return List.of("t", "e", "failure", "thrown", "cause").stream()
        .filter(n -> !used.contains(n))
        .findFirst();
  }
}
