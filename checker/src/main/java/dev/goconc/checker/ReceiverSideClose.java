package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.fixes.FixLayout;
import dev.goconc.checker.model.Calls;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import dev.goconc.checker.model.ChannelUses;
import dev.goconc.checker.model.CodeRoots;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.FieldChannels;
import dev.goconc.checker.model.GoroutineBodies;
import dev.goconc.checker.util.SourceLines;
import java.util.List;
import java.util.Optional;

/**
 * {@code close()} on a channel by code that only receives from it. Judged per method, per
 * initializer block and per goroutine body (a goroutine lambda is separate code); the channel is
 * followed through its aliases and narrowings, those a goroutine captures from the code around it
 * included ({@code var c = in; Go.go(() -> { c.receive(); c.close(); })} closes {@code in}). A
 * close that follows a receive is the consumer closing its input; quiet when the code also sends,
 * when the close comes after a {@code WaitGroup}/{@code ErrGroup} {@code await()} (the owner
 * closing once its senders are done) or before every receive (the owner draining what it
 * closed), and when nobody in the compilation unit sends on a local or field channel and it never
 * escapes (a done channel). A parameter's senders are out of sight, so a parameter received from
 * and closed is flagged.
 *
 * <p>Fix, for a parameter declared {@code Chan<T>} whose every use is valid on a
 * {@code RecvChan<T>}: narrow the parameter and drop the close. Offered only where no caller
 * can break: the method overrides nothing, cannot be overridden, and has no overload.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "Only the sender closes a channel: a receiver that closes it makes the next send"
        + " throw",
    severity = ERROR,
    link = GoconcApi.RULES_BASE_URL + "ReceiverSideClose.md",
    linkType = CUSTOM)
public final class ReceiverSideClose extends BugChecker
    implements MethodTreeMatcher, LambdaExpressionTreeMatcher, ClassTreeMatcher {

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethod(tree, state));
  }

  private Description analyseMethod(MethodTree tree, VisitorState state) {
    return tree.getBody() == null ? Description.NO_MATCH : judge(state.getPath(), tree, state);
  }

  /** Initializer blocks ({@code static { ... }}, {@code { ... }}) are judged like methods. */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> CodeRoots.judgeInitializers(
        tree, state, block -> judge(block.getPath(), null, block)));
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseLambdaExpression(tree, state));
  }

  private Description analyseLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)) {
      return Description.NO_MATCH; // the cheap exit before the launch matchers run per lambda
    }
    boolean goroutine = GoroutineBodies.enclosingGoroutine(state.getPath(), state)
        .map(p -> p.getLeaf() == tree)
        .orElse(false);
    return goroutine ? judge(state.getPath(), null, state) : Description.NO_MATCH;
  }

  private Description judge(TreePath unitPath, MethodTree method, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)
        || !Calls.closesChannel(unitPath.getLeaf(), state)) {
      return Description.NO_MATCH;
    }
    ChannelUses uses = ChannelUses.in(unitPath, state);
    for (VarSymbol channel : uses.byChannel().keySet()) {
      Description found = judgeChannel(channel, uses, method, state);
      if (found != Description.NO_MATCH) {
        state.reportMatch(found);
      }
    }
    return Description.NO_MATCH;
  }

  private Description judgeChannel(
      VarSymbol channel, ChannelUses uses, MethodTree method, VisitorState state) {
    Tree unit = uses.root();
    List<Use> own = uses.of(channel).stream().filter(u -> u.unit() == unit).toList();
    Optional<Use> close =
        own.stream().filter(u -> u.kind() == Kind.CLOSE && u.call() != null).findFirst();
    if (close.isEmpty()
        || own.stream().anyMatch(u -> u.kind() == Kind.SEND || u.kind() == Kind.ESCAPE
            || u.kind() == Kind.REASSIGN)) {
      return Description.NO_MATCH;
    }
    long closeAt = ASTHelpers.getStartPosition(close.get().tree());
    boolean receivedBefore = own.stream()
        .anyMatch(u -> u.kind() == Kind.RECEIVE && ASTHelpers.getStartPosition(u.tree()) < closeAt);
    if (!receivedBefore || awaitsBefore(uses, closeAt, state)) {
      return Description.NO_MATCH;
    }
    boolean parameter = (channel.flags() & Flags.PARAMETER) != 0;
    if (!parameter && FieldChannels.isDoneChannel(channel, state)) {
      return Description.NO_MATCH; // a done channel: closing it is its owner's signal
    }
    long line = SourceLines.of(close.get().tree(), state);
    String message = String.format(
        "'%s' is closed on line %d by code that only receives from it; the sender's next send"
            + " throws ChannelClosedException. Only the sender closes a channel%s",
        channel.getSimpleName(), line,
        parameter ? ": declare the parameter as RecvChan" : "");
    Description.Builder description = buildDescription(close.get().call()).setMessage(message);
    if (method != null && isParameterOf(channel, method)) {
      narrowParameter(channel, method, own, uses, state).ifPresent(description::addFix);
    }
    return description.build();
  }

  private static boolean awaitsBefore(ChannelUses uses, long position, VisitorState state) {
    boolean[] found = new boolean[1];
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (ASTHelpers.getStartPosition(call) < position
            && (GoconcApi.WAIT_GROUP_AWAIT.matches(call, state)
                || GoconcApi.ERR_GROUP_AWAIT.matches(call, state))) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null;
      }
    }.scan(uses.root(), null);
    return found[0];
  }

  private static boolean isParameterOf(VarSymbol channel, MethodTree method) {
    return method.getParameters().stream().anyMatch(p -> ASTHelpers.getSymbol(p) == channel);
  }

  private static Optional<SuggestedFix> narrowParameter(
      VarSymbol channel, MethodTree method, List<Use> own, ChannelUses uses, VisitorState state) {
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    VariableTree parameter = method.getParameters().stream()
        .filter(p -> ASTHelpers.getSymbol(p) == channel).findFirst().orElseThrow();
    Tree type = parameter.getType();
    Tree base = type instanceof ParameterizedTypeTree generic ? generic.getType() : type;
    boolean declaredChan = base instanceof IdentifierTree id && id.getName().contentEquals("Chan");
    boolean everyUseFits = uses.of(channel).stream()
        .allMatch(u -> u.unit() == uses.root()
            && (u.kind() == Kind.RECEIVE || u.kind() == Kind.CLOSE || u.kind() == Kind.NEUTRAL));
    if (!declaredChan || !everyUseFits || !cannotBeOverridden(symbol)
        || !ASTHelpers.findSuperMethods(symbol, state.getTypes()).isEmpty()
        || hasOverload(symbol)) {
      return Optional.empty();
    }
    Optional<FixLayout> layout = FixLayout.of(state);
    if (layout.isEmpty()) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    fix.replace(base, SuggestedFixes.qualifyType(state, fix, GoconcApi.RECV_CHAN));
    for (Use use : own) {
      if (use.kind() != Kind.CLOSE || use.call() == null) {
        continue;
      }
      if (use.tree() instanceof com.sun.source.tree.MemberReferenceTree) {
        return Optional.empty(); // closed through a task local: the reference would not compile
      }
      TreePath callPath = TreePath.getPath(state.getPath().getCompilationUnit(), use.call());
      if (callPath == null
          || !(callPath.getParentPath().getLeaf() instanceof ExpressionStatementTree statement)
          || !(callPath.getParentPath().getParentPath().getLeaf() instanceof BlockTree)) {
        return Optional.empty();
      }
      layout.get().delete(fix, statement, state);
    }
    return Optional.of(fix.build());
  }

  private static boolean cannotBeOverridden(MethodSymbol symbol) {
    long flags = symbol.flags();
    return (flags & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) != 0
        || (symbol.owner.flags() & Flags.FINAL) != 0;
  }

  private static boolean hasOverload(MethodSymbol symbol) {
    int count = 0;
    for (var unused : symbol.owner.members().getSymbolsByName(symbol.name)) {
      count++;
    }
    return count > 1;
  }
}
