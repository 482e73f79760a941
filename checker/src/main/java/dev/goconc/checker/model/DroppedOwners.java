package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * An object that a method makes, gives the only power to cancel a context it created, and then
 * drops on some path: GoKer's grpc#862, where a failed dial returns without closing the client
 * connection whose {@code close()} alone cancels the context its transport goroutine retries on.
 *
 * <p>The method declares {@code C o = new C(...)} and {@code CancelContext x =
 * Context.withCancel(...)} (or a timeout or deadline), and its only uses of {@code x} store it or
 * its {@code cancelFunc()} in fields of {@code o}, one of them a {@code CancelFunc} or {@code
 * CancelContext} field {@code F}: the obligation to cancel is now {@code o}'s. In the unit, {@code
 * F} is only cancelled or waited on ({@code done()}, {@code err()}) by methods of {@code C} — those
 * that cancel it are its <em>end methods</em> ({@code close()}) — and assigned through locals.
 * {@code C} is a final class of the unit that
 * extends and implements nothing, so no code elsewhere can call its methods through a type it
 * knows. The object is given only plain values (primitives, strings, {@code java.time} values,
 * contexts and cancels), by its constructor and by stores into its fields: nothing that could
 * carry it to other code. The code run on {@code o} — its constructor and field initializers, and
 * the methods the method calls on it without arguments or starts as goroutines ({@code
 * Go.go(o::run)}, {@code Go.go(() -> o.run())}) — is read with everything it calls in the unit,
 * and must call no end method, no method that may be overridden, nothing outside the JDK and
 * goconc (another file might keep the object and end it later), and use no static field of the
 * unit that is not a constant. Then only the method can end {@code o} (other code could call an
 * end method on it only once it has been handed over): a {@code return} or the end
 * of the body that a path reaches after the store without an end method called on {@code o} or a
 * hand-over of it (returning, storing or passing it, a call of its methods with arguments, a
 * lambda that does one of these) leaves the context alive for good, and every goroutine waiting
 * on it.
 *
 * <p>A local only ever assigned {@code null} is null: the branch of {@code if (v == null) {
 * o.close(); }} that skips the end method is no real path. An explicit {@code throw} needs no
 * cancel, as for a local context. Anything not certain: no answer.
 */
public final class DroppedOwners {
  private DroppedOwners() {}

  /**
   * One dropped owner.
   *
   * @param owner the local holding the object
   * @param declaration its declaration, with the {@code new}
   * @param field the field that holds the cancel
   * @param end an end method of the object's class
   * @param creation the context's creation
   * @param exit the way out that drops the object
   */
  public record Drop(VarSymbol owner, VariableTree declaration, VarSymbol field, MethodSymbol end,
      ExpressionTree creation, ExitPaths.Exit exit) {}

  /** How much code the reading of the code run on an object may visit before it gives up. */
  private static final int MOST_METHODS = 64;

  /** The dropped owners of the method at {@code methodPath}. */
  public static List<Drop> in(TreePath methodPath, VisitorState state) {
    if (!(methodPath.getLeaf() instanceof MethodTree method) || method.getBody() == null
        || !Calls.anyIn(method.getBody(), c -> GoconcApi.CONTEXT_WITH_CANCEL.matches(c, state))) {
      return List.of(); // no cancellable context made here: nothing to read the locals for
    }
    Locals locals = Locals.of(methodPath);
    List<Drop> drops = new ArrayList<>();
    for (Map.Entry<VarSymbol, VariableTree> context : locals.declarations.entrySet()) {
      ExpressionTree creation = context.getValue().getInitializer();
      if (creation == null || !GoconcApi.CONTEXT_WITH_CANCEL.matches(creation, state)
          || !locals.ownCode(context.getValue())) {
        continue;
      }
      storedInOwner(context.getKey(), locals, state)
          .flatMap(store -> dropOf(store, creation, methodPath, locals, state))
          .ifPresent(drops::add);
    }
    return drops;
  }

  /** The store of a context's cancel into a field of a fresh object of the unit. */
  private record Store(VarSymbol owner, VarSymbol field, AssignmentTree assignment) {}

  /**
   * Where {@code context}'s every use stores it or its {@code cancelFunc()} into fields of one
   * local object, one of them a field that can cancel: the last such store. Empty otherwise.
   */
  private static Optional<Store> storedInOwner(
      VarSymbol context, Locals locals, VisitorState state) {
    VarSymbol owner = null;
    Store cancelling = null;
    for (TreePath mention : locals.mentions.getOrDefault(context, List.of())) {
      TreePath value = mention;
      if (value.getParentPath().getLeaf() instanceof MemberSelectTree select
          && value.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select
          && GoconcApi.CONTEXT_CANCEL_FUNC.matches(call, state)) {
        value = value.getParentPath().getParentPath();
      }
      if (!(value.getParentPath().getLeaf() instanceof AssignmentTree assignment)
          || assignment.getExpression() != value.getLeaf()
          || !locals.ownCode(assignment)
          || !(assignment.getVariable() instanceof MemberSelectTree target)
          || !(target.getExpression() instanceof IdentifierTree object)
          || !(ASTHelpers.getSymbol(object) instanceof VarSymbol local)
          || !(ASTHelpers.getSymbol(target) instanceof VarSymbol field)
          || (owner != null && owner != local)) {
        return Optional.empty();
      }
      owner = local;
      if (GoconcApi.isSubtypeOf(field.type, GoconcApi.CANCEL_FUNC, state)
          || GoconcApi.isSubtypeOf(field.type, GoconcApi.CANCEL_CONTEXT, state)) {
        cancelling = new Store(local, field, assignment);
      }
    }
    return Optional.ofNullable(cancelling);
  }

  private static Optional<Drop> dropOf(Store store, ExpressionTree creation, TreePath methodPath,
      Locals locals, VisitorState state) {
    VariableTree declaration = locals.declarations.get(store.owner());
    if (declaration == null || !locals.ownCode(declaration)
        || !(declaration.getInitializer() instanceof NewClassTree made)
        || made.getClassBody() != null
        || !(store.field().owner instanceof ClassSymbol type)
        || ASTHelpers.getSymbol(made) == null
        || ASTHelpers.getSymbol(made).owner != type
        || !closedToOtherCode(type, state)) {
      return Optional.empty();
    }
    CompilationUnitTree unit = methodPath.getCompilationUnit();
    Optional<ClassTree> declared = classOf(type, unit);
    if (declared.isEmpty()) {
      return Optional.empty();
    }
    Optional<List<MethodTree>> ends = endMethods(store.field(), declared.get(), methodPath, state);
    if (ends.isEmpty() || ends.get().isEmpty()) {
      return Optional.empty();
    }
    Set<MethodSymbol> endSymbols = Collections.newSetFromMap(new IdentityHashMap<>());
    ends.get().forEach(m -> endSymbols.add(ASTHelpers.getSymbol(m)));
    if (!made.getArguments().stream().allMatch(a -> plain(ASTHelpers.getType(a), state))) {
      return Optional.empty();
    }
    // The uses of the object: ends and hand-overs stop a path; the code run on it is read.
    Set<Tree> passes = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Tree> runOnIt = new ArrayDeque<>();
    declared.get().getMembers().stream()
        .filter(m -> m instanceof MethodTree ctor && ASTHelpers.getSymbol(ctor).isConstructor()
            || m instanceof VariableTree || m instanceof BlockTree)
        .forEach(runOnIt::add);
    for (TreePath mention : locals.mentions.getOrDefault(store.owner(), List.of())) {
      Tree parent = mention.getParentPath().getLeaf();
      if (parent instanceof AssignmentTree assignment && assignment.getVariable() == mention.getLeaf()) {
        passes.add(locals.nodeOf(mention)); // the local given another object: a new story
        continue;
      }
      if (parent instanceof MemberSelectTree select
          && mention.getParentPath().getParentPath().getLeaf() instanceof AssignmentTree assignment
          && assignment.getVariable() == select) {
        if (!plain(ASTHelpers.getType(assignment.getExpression()), state)) {
          return Optional.empty(); // what it is given might carry it elsewhere
        }
        continue; // o.f = ...: a store into the object
      }
      Symbol member = parent instanceof MemberSelectTree || parent instanceof MemberReferenceTree
          ? ASTHelpers.getSymbol(parent)
          : null;
      boolean called = parent instanceof MemberSelectTree select
          && mention.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select;
      if ((called || parent instanceof MemberReferenceTree)
          && member instanceof MethodSymbol m && m.owner == type) {
        if (endSymbols.contains(m)
            || (called && !((MethodInvocationTree) mention.getParentPath().getParentPath()
                .getLeaf()).getArguments().isEmpty())) {
          passes.add(locals.nodeOf(mention)); // ended, or given something it may register with
        } else {
          Optional<MethodTree> code = GoroutineBodies.declarationInUnit(m, state);
          if (code.isEmpty()) {
            return Optional.empty();
          }
          runOnIt.add(code.get());
        }
        continue;
      }
      passes.add(locals.nodeOf(mention)); // returned, stored, passed: handed over
    }
    if (!runsOnlyKnownCode(runOnIt, endSymbols, methodPath.getLeaf(), state)) {
      return Optional.empty();
    }
    passes.addAll(alwaysTakenEnds(passes, locals));
    Optional<ExitPaths> paths = ExitPaths.of(methodPath, state);
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    return paths.get().exitsAvoiding(store.assignment(), passes::contains).stream()
        .filter(e -> e.kind() == ExitPaths.Kind.RETURN || e.kind() == ExitPaths.Kind.END_OF_BODY)
        .min(Comparator.comparingLong(e -> e.statement() == null
            ? Long.MAX_VALUE
            : ASTHelpers.getStartPosition(e.statement())))
        .map(exit -> new Drop(store.owner(), declaration, store.field(),
            ASTHelpers.getSymbol(ends.get().get(0)), creation, exit));
  }

  /**
   * Whether no code outside the unit can call a method of {@code type}: a final class that
   * extends and implements nothing (Object's methods aside).
   */
  private static boolean closedToOtherCode(ClassSymbol type, VisitorState state) {
    return (type.flags() & Flags.FINAL) != 0
        && type.getInterfaces().isEmpty()
        && type.getSuperclass().tsym == state.getSymtab().objectType.tsym;
  }

  private static Optional<ClassTree> classOf(ClassSymbol type, CompilationUnitTree unit) {
    ClassTree[] found = new ClassTree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == type) {
          found[0] = tree;
        }
        return super.visitClass(tree, null);
      }
    }.scan(unit, null);
    return Optional.ofNullable(found[0]);
  }

  /**
   * The methods of {@code type} that cancel {@code field}, when every mention of the field in the
   * unit is, in a method of the class, such a cancel or a wait on it ({@code done()}, {@code
   * err()}), or a store into the object a method holds in a local; empty when any other mention
   * exists.
   */
  private static Optional<List<MethodTree>> endMethods(
      VarSymbol field, ClassTree type, TreePath methodPath, VisitorState state) {
    List<MethodTree> ends = new ArrayList<>();
    boolean[] other = new boolean[1];
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        judge(tree);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        judge(tree);
        return super.visitMemberSelect(tree, null);
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) == field && tree.getInitializer() != null) {
          other[0] = true; // a cancel made with the object: not this method's
        }
        return super.visitVariable(tree, null);
      }

      private void judge(ExpressionTree mention) {
        if (ASTHelpers.getSymbol(mention) != field) {
          return;
        }
        TreePath path = getCurrentPath();
        Tree parent = path.getParentPath().getLeaf();
        if (parent instanceof AssignmentTree assignment && assignment.getVariable() == mention
            && mention instanceof MemberSelectTree select
            && select.getExpression() instanceof IdentifierTree object
            && ASTHelpers.getSymbol(object) instanceof VarSymbol local
            && local.getKind() == ElementKind.LOCAL_VARIABLE) {
          return; // a method's store into an object it holds in a local
        }
        MethodTree in = ASTHelpers.findEnclosingNode(path, MethodTree.class);
        MethodInvocationTree call = parent instanceof MemberSelectTree select
                && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree c
                && c.getMethodSelect() == select
            ? c
            : null;
        boolean ownField = mention instanceof IdentifierTree
            || (mention instanceof MemberSelectTree select
                && select.getExpression() instanceof IdentifierTree self
                && self.getName().contentEquals("this"));
        if (call == null || !ownField || in == null || !type.getMembers().contains(in)
            || ASTHelpers.findEnclosingNode(path, LambdaExpressionTree.class) != null) {
          other[0] = true;
        } else if (GoconcApi.CANCEL_FUNC_CANCEL.matches(call, state)
            || GoconcApi.CONTEXT_CANCEL.matches(call, state)) {
          if (!ends.contains(in)) {
            ends.add(in);
          }
        } else if (!GoconcApi.CONTEXT_DONE.matches(call, state)
            && !GoconcApi.CONTEXT_ERR.matches(call, state)) {
          other[0] = true; // waiting on it, or asking why it ended, cannot cancel it
        }
      }
    }.scan(methodPath.getCompilationUnit(), null);
    return other[0] ? Optional.empty() : Optional.of(ends);
  }

  /**
   * A value the object may be given without becoming reachable from other code through it: a
   * primitive, a boxed one, a string, a {@code java.time} value, a context or its cancel. A
   * collection, a channel or an object of the unit might carry the object to code elsewhere.
   */
  private static boolean plain(Type type, VisitorState state) {
    if (type == null) {
      return false;
    }
    if (type.isPrimitive() || state.getTypes().unboxedType(type).isPrimitive()) {
      return true;
    }
    String name = type.tsym.getQualifiedName().toString();
    return name.equals("java.lang.String") || name.startsWith("java.time.")
        || GoconcApi.isSubtypeOf(type, GoconcApi.CONTEXT, state)
        || GoconcApi.isSubtypeOf(type, GoconcApi.CANCEL_FUNC, state);
  }

  /**
   * Whether the code run on the object, and all it calls, is known and cannot end the object or
   * let code elsewhere keep it (see the class comment).
   */
  private static boolean runsOnlyKnownCode(
      Deque<Tree> work, Set<MethodSymbol> ends, Tree method, VisitorState state) {
    Set<Tree> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean[] unsure = new boolean[1];
    while (!work.isEmpty() && !unsure[0]) {
      Tree next = work.pop();
      if (!seen.add(next)) {
        continue;
      }
      if (next == method || seen.size() > MOST_METHODS) {
        return false;
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          follow(ASTHelpers.getSymbol(call));
          return super.visitMethodInvocation(call, null);
        }

        @Override
        public Void visitNewClass(NewClassTree created, Void unused) {
          if (created.getClassBody() != null) {
            unsure[0] = true;
            return null;
          }
          follow(ASTHelpers.getSymbol(created));
          return super.visitNewClass(created, null);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
          follow(ASTHelpers.getSymbol(reference));
          return super.visitMemberReference(reference, null);
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
          staticField(ASTHelpers.getSymbol(tree));
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
          staticField(ASTHelpers.getSymbol(tree));
          return super.visitMemberSelect(tree, null);
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
          unsure[0] = true;
          return null;
        }

        private void staticField(Symbol symbol) {
          if (symbol instanceof VarSymbol var && var.getKind() == ElementKind.FIELD
              && ASTHelpers.isStatic(var) && var.getConstValue() == null
              && !isLibrary(var.enclClass())) {
            unsure[0] = true; // a static of the unit: code elsewhere may read what it holds
          }
        }

        private void follow(Symbol symbol) {
          if (!(symbol instanceof MethodSymbol callee) || ends.contains(callee)) {
            unsure[0] = true;
            return;
          }
          Optional<MethodTree> code = GoroutineBodies.declarationInUnit(callee, state);
          if (code.isPresent()) {
            if (!callee.isConstructor() && !cannotBeOverridden(callee)) {
              unsure[0] = true;
            } else if (code.get().getBody() != null) {
              work.add(code.get());
            } else {
              unsure[0] = true;
            }
          } else if (!isLibrary(callee.enclClass())) {
            unsure[0] = true;
          }
        }
      }.scan(next, null);
    }
    return !unsure[0];
  }

  /** The JDK and goconc: code that never calls back a method of the unit it does not know. */
  private static boolean isLibrary(ClassSymbol type) {
    if (type == null) {
      return false;
    }
    String pkg = type.packge().getQualifiedName().toString();
    return pkg.startsWith("java.") || pkg.equals(GoconcApi.PACKAGE);
  }

  private static boolean cannotBeOverridden(MethodSymbol method) {
    return (method.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) != 0
        || (method.owner.flags() & Flags.FINAL) != 0;
  }

  /**
   * The conditions {@code v == null} of a local {@code v} only ever assigned {@code null}, whose
   * {@code if} runs one of {@code passes} in its then-branch: always taken, so the condition
   * itself stands for what the branch does.
   */
  private static List<Tree> alwaysTakenEnds(Set<Tree> passes, Locals locals) {
    List<Tree> found = new ArrayList<>();
    for (IfTree test : locals.ifs) {
      ExpressionTree condition = test.getCondition();
      while (condition instanceof ParenthesizedTree parenthesized) {
        condition = parenthesized.getExpression();
      }
      if (condition instanceof BinaryTree equal && equal.getKind() == Tree.Kind.EQUAL_TO
          && locals.alwaysNull(comparedWithNull(equal))
          && passes.stream().anyMatch(p -> ChannelWaits.contains(test.getThenStatement(), p))) {
        found.add(equal);
      }
    }
    return found;
  }

  private static VarSymbol comparedWithNull(BinaryTree equal) {
    ExpressionTree other = equal.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
        ? equal.getRightOperand()
        : equal.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL
            ? equal.getLeftOperand()
            : null;
    return other instanceof IdentifierTree local
            && ASTHelpers.getSymbol(local) instanceof VarSymbol var
        ? var
        : null;
  }

  private static boolean isUnder(TreePath path, Tree ancestor) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** The method's locals: declarations, mentions, and its {@code if}s, read once. */
  private static final class Locals {
    final TreePath methodPath;
    final Map<VarSymbol, VariableTree> declarations = new LinkedHashMap<>();
    final Map<VarSymbol, List<TreePath>> mentions = new LinkedHashMap<>();
    final Map<VarSymbol, List<ExpressionTree>> assigned = new LinkedHashMap<>();
    final List<IfTree> ifs = new ArrayList<>();

    private Locals(TreePath methodPath) {
      this.methodPath = methodPath;
    }

    static Locals of(TreePath methodPath) {
      Locals locals = new Locals(methodPath);
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
          if (ASTHelpers.getSymbol(tree) instanceof VarSymbol var
              && var.getKind() == ElementKind.LOCAL_VARIABLE) {
            locals.declarations.put(var, tree);
            locals.assigned.computeIfAbsent(var, v -> new ArrayList<>())
                .add(tree.getInitializer());
          }
          return super.visitVariable(tree, null);
        }

        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          if (ASTHelpers.getSymbol(tree.getVariable()) instanceof VarSymbol var
              && var.getKind() == ElementKind.LOCAL_VARIABLE) {
            locals.assigned.computeIfAbsent(var, v -> new ArrayList<>()).add(tree.getExpression());
          }
          return super.visitAssignment(tree, null);
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
          if (ASTHelpers.getSymbol(tree) instanceof VarSymbol var
              && var.getKind() == ElementKind.LOCAL_VARIABLE) {
            locals.mentions.computeIfAbsent(var, v -> new ArrayList<>()).add(getCurrentPath());
          }
          return null;
        }

        @Override
        public Void visitIf(IfTree tree, Void unused) {
          if (locals.ownCode(tree)) {
            locals.ifs.add(tree);
          }
          return super.visitIf(tree, null);
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
          return null; // a nested class's code is its own
        }
      }.scan(new TreePath(methodPath, ((MethodTree) methodPath.getLeaf()).getBody()), null);
      return locals;
    }

    /** Whether {@code tree} is in the method's own code, not in a lambda inside it. */
    boolean ownCode(Tree tree) {
      TreePath path = TreePath.getPath(methodPath, tree);
      for (TreePath p = path; p != null && p.getLeaf() != methodPath.getLeaf();
          p = p.getParentPath()) {
        if (p.getLeaf() instanceof LambdaExpressionTree) {
          return false;
        }
      }
      return path != null;
    }

    /** The tree of the method's own code that stands for the mention: it, or the lambda around. */
    Tree nodeOf(TreePath mention) {
      Tree node = mention.getLeaf();
      for (TreePath p = mention; p != null && p.getLeaf() != methodPath.getLeaf();
          p = p.getParentPath()) {
        if (p.getLeaf() instanceof LambdaExpressionTree) {
          node = p.getLeaf();
        }
      }
      return node;
    }

    /** Whether {@code local} is a local of the method only ever assigned {@code null}. */
    boolean alwaysNull(VarSymbol local) {
      List<ExpressionTree> values = local == null ? null : assigned.get(local);
      return values != null && !values.isEmpty() && values.stream()
          .allMatch(v -> v != null && v.getKind() == Tree.Kind.NULL_LITERAL);
    }
  }
}
