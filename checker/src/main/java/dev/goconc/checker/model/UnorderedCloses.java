package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * A goroutine that closes a channel field at a moment nothing orders against the field's senders:
 * its code closes the field and never sends on it, and waits for nothing before — no receive, no
 * select, no join, latch or lock, nothing of {@code java.util.concurrent} or goconc, no call of
 * the unit's own code (which could send or wait for it) — so the close may run as soon as the
 * goroutine starts. A send on the field that a path runs after the goroutine's launch (after the
 * launch itself, or after a call of the method of the unit that launches it) may then find the
 * channel closed: Go panics, goconc throws (GoKer's serving#5865: a watcher closes the channel the
 * manager sends it destinations on).
 *
 * <p>The field is final, of the goroutine's own class or any other class of the unit, and named
 * only as a channel: assigned in a constructor or its declaration, and otherwise only sent on,
 * received from, closed or measured ({@code x.name}, {@code this.name} or its plain name); a
 * field handed out in any other way is not judged, nor is a public or protected one. As for
 * {@link FieldChannels}, which object {@code x} holds is not followed: a close of {@code
 * this.name} and a send on {@code x.name} are taken to meet, the field of every object of the
 * class at once. Every fact is one that code elsewhere cannot undo — the close, its lack of any
 * wait, the send after the launch are all seen here — so a package-private field is judged too:
 * another file may add senders or receivers, never an order between these two.
 */
public final class UnorderedCloses {
  private UnorderedCloses() {}

  /**
   * One send that may follow the close.
   *
   * @param send the send call ({@code send}, {@code trySend}, a select send case)
   * @param channel the field's mention in the send ({@code x.name}), where its line is
   * @param sender the method or initializer block whose own code runs the send
   * @param close the goroutine's close call
   * @param start what the send follows: the launch of the closing goroutine, or a call of the
   *     method that launches it
   * @param field the channel field
   */
  public record Race(MethodInvocationTree send, Tree channel, Tree sender,
      MethodInvocationTree close, Tree start, VarSymbol field) {}

  /** The races of the compilation unit at {@code state}'s path; read once per unit. */
  public static List<Race> in(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, RACES, unit, () -> collect(unit, state));
  }

  private static final UnitMemo.Fact<List<Race>> RACES =
      new UnitMemo.Fact<>("closes unordered against sends");

  private static List<Race> collect(CompilationUnitTree unit, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)) {
      return List.of();
    }
    List<Race> races = new ArrayList<>();
    Map<VarSymbol, FieldMentions> mentions = null;
    for (Map.Entry<Tree, List<MethodInvocationTree>> body
        : GoroutineBodies.launchedBodies(state).entrySet()) {
      Tree code = body.getKey();
      if (!(code instanceof LambdaExpressionTree || code instanceof MethodTree method
              && method.getBody() != null)
          || !Calls.closesChannel(code, state)
          || !closesAndWaitsForNothingElse(code, state)) {
        continue; // the cheap reading first: most goroutines that close also send or wait
      }
      TreePath path = TreePath.getPath(unit, code);
      if (path == null) {
        continue;
      }
      ChannelUses uses = ChannelUses.in(path, state);
      for (Map.Entry<VarSymbol, List<Use>> channel : uses.byChannel().entrySet()) {
        Optional<MethodInvocationTree> close = closeBeforeAnyWait(
            channel.getKey(), channel.getValue(), uses, state);
        if (close.isEmpty()) {
          continue;
        }
        if (mentions == null) {
          mentions = FieldMentions.of(unit, state);
        }
        FieldMentions field = mentions.get(channel.getKey());
        if (field == null || field.handedOut) {
          continue;
        }
        for (MethodInvocationTree launch : body.getValue()) {
          for (Send send : followingSends(field, launch, code, unit, state)) {
            races.add(new Race(send.send(), send.channel(), send.sender(), close.get(),
                send.start(), channel.getKey()));
          }
        }
      }
    }
    return List.copyOf(races);
  }

  /**
   * The close of {@code channel}, a final channel field that is neither public nor protected, by
   * the goroutine body at {@code uses}'s root, when that body does nothing else with it and waits
   * for nothing (see the class comment); empty otherwise.
   */
  private static Optional<MethodInvocationTree> closeBeforeAnyWait(
      VarSymbol channel, List<Use> all, ChannelUses uses, VisitorState state) {
    if (channel.getKind() != ElementKind.FIELD || ASTHelpers.isStatic(channel)
        || (channel.flags() & Flags.FINAL) == 0
        || (channel.flags() & (Flags.PUBLIC | Flags.PROTECTED)) != 0
        || uses.kind() != ChannelKind.GOCONC) {
      return Optional.empty();
    }
    MethodInvocationTree close = null;
    for (Use use : all) {
      if (use.unit() != uses.root()) {
        return Optional.empty(); // a goroutine of its own uses it too
      }
      if (use.kind() == Kind.CLOSE && use.via() == null && close == null
          && use.call() != null && GoconcApi.CHAN_CLOSE.matches(use.call(), state)) {
        close = use.call();
      } else if (use.kind() != Kind.NEUTRAL) {
        return Optional.empty();
      }
    }
    if (close == null || mayWaitOrRunUnitCode(uses.root(), close, state)) {
      return Optional.empty();
    }
    return Optional.of(close);
  }

  /**
   * Whether some {@code close()} in {@code code} is its only call that may wait or run code of the
   * unit ({@link #mayWaitOrRunUnitCode}): read from the syntax alone, before any channel model, and
   * never false where {@link #closeBeforeAnyWait} finds a close.
   */
  private static boolean closesAndWaitsForNothingElse(Tree code, VisitorState state) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (!found[0] && GoconcApi.CHAN_CLOSE.matches(call, state)
            && !mayWaitOrRunUnitCode(code, call, state)) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(code, null);
    return found[0];
  }

  /**
   * Whether the body calls anything but {@code close} that may wait for another goroutine or run
   * code of the unit: goconc's API, {@code java.util.concurrent}, {@code Thread}, {@code
   * Object.wait}, a {@code synchronized} block, a method or constructor declared in the unit, or
   * an abstract method (a lambda of the unit may implement it). A concrete JDK method of any
   * other package neither sends nor waits: a log line, a collection's update.
   */
  private static boolean mayWaitOrRunUnitCode(
      Tree body, MethodInvocationTree close, VisitorState state) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call != close && mayWaitOrRunUnitCode(ASTHelpers.getSymbol(call), state)) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree created, Void unused) {
        if (mayWaitOrRunUnitCode(ASTHelpers.getSymbol(created), state)) {
          found[0] = true;
        }
        return super.visitNewClass(created, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        found[0] = true; // code handed to something that may run it now
        return null;
      }

      @Override
      public Void visitSynchronized(SynchronizedTree block, Void unused) {
        found[0] = true;
        return null;
      }
    }.scan(body instanceof MethodTree method ? method.getBody() : body, null);
    return found[0];
  }

  private static boolean mayWaitOrRunUnitCode(Symbol callee, VisitorState state) {
    if (!(callee instanceof MethodSymbol method)) {
      return true;
    }
    if ((method.flags() & Flags.ABSTRACT) != 0
        || GoroutineBodies.declarationInUnit(method, state).isPresent()) {
      return true;
    }
    Symbol.ClassSymbol owner = method.enclClass();
    String name = owner.getQualifiedName().toString();
    String pkg = owner.packge().getQualifiedName().toString();
    return pkg.equals(GoconcApi.PACKAGE) || pkg.startsWith("java.util.concurrent")
        || name.equals("java.lang.Thread") || name.equals("java.lang.Object")
        || !(pkg.startsWith("java.") || pkg.startsWith("javax."));
  }

  /** A send, the field's mention in it, the method that runs it, and what it follows. */
  private record Send(MethodInvocationTree send, Tree channel, Tree sender, Tree start) {}

  /**
   * The sends on {@code field} that a path of their method or initializer block runs after {@code
   * launch}, or after a call of the method that contains {@code launch}; never one in the
   * goroutine's own body, nor in a lambda (code that runs when something else calls it).
   */
  private static List<Send> followingSends(FieldMentions field, MethodInvocationTree launch,
      Tree body, CompilationUnitTree unit, VisitorState state) {
    List<Send> found = new ArrayList<>();
    TreePath launchPath = TreePath.getPath(unit, launch);
    Tree launcher = launchPath == null ? null : ownRoot(launchPath);
    if (launcher == null) {
      return found;
    }
    Symbol launcherSymbol =
        launcher instanceof MethodTree method ? ASTHelpers.getSymbol(method) : null;
    for (TreePath mention : field.sends) {
      TreePath sendPath = mention.getParentPath().getLeaf() instanceof MethodInvocationTree
          ? mention.getParentPath()
          : mention.getParentPath().getParentPath();
      TreePath senderPath = CodeRoots.rootOf(sendPath);
      Tree sender = senderPath == null ? null : ownRoot(sendPath);
      if (sender == null || sender == body) {
        continue;
      }
      List<Tree> starts = new ArrayList<>();
      if (sender == launcher) {
        starts.add(launch);
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (launcherSymbol != null && ASTHelpers.getSymbol(call) == launcherSymbol) {
            starts.add(call);
          }
          return super.visitMethodInvocation(call, null);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
          return null;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
          return null;
        }
      }.scan(CodeRoots.codeOf(sender), null);
      if (starts.isEmpty()) {
        continue;
      }
      Optional<ExitPaths> paths = ExitPaths.of(senderPath, state);
      if (paths.isEmpty()) {
        continue;
      }
      Tree send = sendPath.getLeaf();
      for (Tree start : starts) {
        if (!paths.get().reachedAvoiding(start, t -> t == send, t -> false).isEmpty()) {
          found.add(new Send((MethodInvocationTree) send, mention.getLeaf(), sender, start));
          break;
        }
      }
    }
    return found;
  }

  /**
   * The method or initializer block whose own code runs the tree at {@code path}; null when a
   * lambda stands between them (that code runs when something else calls it).
   */
  private static Tree ownRoot(TreePath path) {
    TreePath root = CodeRoots.rootOf(path);
    return root == null || root.getLeaf() instanceof LambdaExpressionTree
            || (root.getLeaf() instanceof MethodTree method && method.getBody() == null)
        ? null
        : root.getLeaf();
  }

  /**
   * How the unit names each final channel field: the sends on it, and whether any mention hands
   * it out (anything but a constructor's or declaration's assignment and the channel's own
   * operations).
   */
  private static final class FieldMentions {
    /** The mentions that are sent on: the receiver of a send, or a select send case's channel. */
    final List<TreePath> sends = new ArrayList<>();
    boolean handedOut;

    static Map<VarSymbol, FieldMentions> of(CompilationUnitTree unit, VisitorState state) {
      Map<VarSymbol, FieldMentions> fields = new IdentityHashMap<>();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
          mention(tree);
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
          mention(tree);
          return super.visitMemberSelect(tree, null);
        }

        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
          VarSymbol symbol = ASTHelpers.getSymbol(tree);
          if (symbol != null && symbol.getKind() == ElementKind.FIELD
              && ChannelKind.GOCONC.isChannelType(symbol.type, state)) {
            fields.computeIfAbsent(symbol, s -> new FieldMentions());
          }
          return super.visitVariable(tree, null);
        }

        private void mention(ExpressionTree tree) {
          if (!(ASTHelpers.getSymbol(tree) instanceof VarSymbol field)
              || field.getKind() != ElementKind.FIELD
              || !ChannelKind.GOCONC.isChannelType(field.type, state)) {
            return;
          }
          FieldMentions mentions = fields.computeIfAbsent(field, s -> new FieldMentions());
          if (tree instanceof MemberSelectTree select
              && !(select.getExpression() instanceof IdentifierTree)) {
            mentions.handedOut = true; // a.b.name, get().name: not followed
            return;
          }
          switch (role(getCurrentPath(), state)) {
            case SEND -> mentions.sends.add(getCurrentPath());
            case OPERATION -> {}
            case HANDED_OUT -> mentions.handedOut = true;
          }
        }
      }.scan(unit, null);
      return fields;
    }

    private enum Role {
      SEND,
      OPERATION,
      HANDED_OUT
    }

    /** What the mention at {@code path} does with the field's channel. */
    private static Role role(TreePath path, VisitorState state) {
      Tree mention = path.getLeaf();
      Tree parent = path.getParentPath().getLeaf();
      if (parent instanceof MemberSelectTree select && select.getExpression() == mention
          && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        if (GoconcApi.CHAN_SEND.matches(call, state) || GoconcApi.CHAN_TRY_SEND.matches(call, state)) {
          return Role.SEND;
        }
        return GoconcApi.CHAN_CLOSE.matches(call, state)
                || GoconcApi.CHAN_RECEIVE.matches(call, state)
                || GoconcApi.CHAN_TRY_RECEIVE.matches(call, state)
                || List.of("len", "cap", "receiveOk").contains(Calls.nameOf(call))
            ? Role.OPERATION
            : Role.HANDED_OUT;
      }
      if (parent instanceof MethodInvocationTree call && !call.getArguments().isEmpty()
          && call.getArguments().get(0) == mention) {
        if (GoconcApi.SELECT_SEND.matches(call, state)) {
          return Role.SEND;
        }
        if (GoconcApi.SELECT_RECV.matches(call, state)) {
          return Role.OPERATION;
        }
      }
      if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == mention) {
        return Role.OPERATION;
      }
      if (parent instanceof AssignmentTree assignment && assignment.getVariable() == mention) {
        return assignedWithTheObject(path) ? Role.OPERATION : Role.HANDED_OUT;
      }
      return Role.HANDED_OUT;
    }

    /** An assignment in a constructor: a final field's one value. */
    private static boolean assignedWithTheObject(TreePath path) {
      for (TreePath p = path; p != null; p = p.getParentPath()) {
        if (p.getLeaf() instanceof MethodTree method) {
          return ASTHelpers.getSymbol(method) instanceof MethodSymbol symbol
              && symbol.isConstructor();
        }
        if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof ClassTree) {
          return false;
        }
      }
      return false;
    }
  }
}
