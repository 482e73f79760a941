package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.flow.ExitPaths;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The trees of one method or lambda body that release, or hand over, a local that carries an
 * obligation (or an alias of it, such as {@code var cancel = ctx.cancelFunc()}): the nodes at which
 * {@link ExitPaths} stops a path. A lambda or class that releases or hands it over is the use,
 * where it is created.
 */
public final class ReleaseUses {
  private ReleaseUses() {}

  static Set<Tree> of(
      VarSymbol local,
      TreePath ownerPath,
      ReleaseObligations.Obligation obligation,
      VisitorState state) {
    Set<Symbol> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
    tracked.add(local);
    Set<Tree> uses = Collections.newSetFromMap(new IdentityHashMap<>());
    // Two passes: the first finds aliases (var cancel = ctx.cancelFunc()), the second uses.
    for (int pass = 0; pass < 2; pass++) {
      boolean collectUses = pass == 1;
      new TreePathScanner<Void, Void>() {
        private Tree nestedTop;

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
          return nested(node, () -> super.visitLambdaExpression(node, null));
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
          return nested(node, () -> super.visitClass(node, null));
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
          return node.getClassBody() == null
              ? super.visitNewClass(node, null)
              : nested(node, () -> super.visitNewClass(node, null));
        }

        private Void nested(Tree node, java.util.function.Supplier<Void> scan) {
          if (getCurrentPath().getLeaf() == ownerPath.getLeaf() || nestedTop != null) {
            return scan.get();
          }
          nestedTop = node;
          try {
            return scan.get();
          } finally {
            nestedTop = null;
          }
        }

        @Override
        public Void visitIdentifier(IdentifierTree id, Void unused) {
          Symbol symbol = ASTHelpers.getSymbol(id);
          if (symbol != null && tracked.contains(symbol)) {
            Tree use = useAt(getCurrentPath(), tracked, collectUses, obligation, state);
            if (use == null && nestedTop != null && ownedForever(getCurrentPath(), state)) {
              use = nestedTop; // a goroutine that never ends keeps it for its whole life
            }
            if (use != null && collectUses) {
              uses.add(nestedTop != null ? nestedTop : use);
            }
          }
          return null;
        }
      }.scan(ownerPath, null);
    }
    return uses;
  }

  /**
   * Whether the occurrence at {@code path} lies in an endless loop (no return, break or throw out
   * of it) of a goroutine body: a daemon that reads a ticker forever owns it, and there is no exit
   * at which it could stop it.
   */
  private static boolean ownedForever(TreePath path, VisitorState state) {
    return GoroutineBodies.enclosingGoroutineBody(path, state)
        .map(goroutine -> EndlessLoops.in(goroutine, state).stream()
            .anyMatch(loop -> ChannelWaits.contains(loop, path.getLeaf())))
        .orElse(false);
  }

  /** The tree that releases or hands over the occurrence at {@code path}, or null. */
  private static Tree useAt(
      TreePath path,
      Set<Symbol> tracked,
      boolean collectUses,
      ReleaseObligations.Obligation obligation,
      VisitorState state) {
    Tree id = path.getLeaf();
    TreePath parentPath = path.getParentPath();
    Tree parent = parentPath.getLeaf();
    if (parent instanceof MemberSelectTree
        && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == parent) {
      TreePath callPath = parentPath.getParentPath();
      if (obligation.isRelease(call, state) || obligation.settles(callPath, state)) {
        return call;
      }
      if (obligation.yieldsAlias(call, state)) {
        if (callPath.getParentPath().getLeaf() instanceof VariableTree alias
            && alias.getInitializer() == call
            && ASTHelpers.getSymbol(alias) instanceof VarSymbol aliasSymbol
            && aliasSymbol.getKind() == ElementKind.LOCAL_VARIABLE) {
          if (!collectUses) {
            tracked.add(aliasSymbol);
          }
          return null;
        }
        return Handovers.isHandover(callPath, state) ? call : null;
      }
      return null;
    }
    if (parent instanceof MemberReferenceTree reference) {
      return obligation.releaseNames().contains(reference.getName().toString()) ? reference : null;
    }
    if (parent instanceof TryTree) {
      return id; // try (ctx) { ... }
    }
    if (parent instanceof BinaryTree comparison
        && (comparison.getKind() == Tree.Kind.EQUAL_TO
            || comparison.getKind() == Tree.Kind.NOT_EQUAL_TO)
        && (comparison.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
            || comparison.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL)) {
      // "if (ctx != null) ctx.cancel()" in a finally: the graph cannot know the creation
      // never yields null, so the branch that skips the cancel would be a false path.
      return comparison;
    }
    if (parent instanceof AssignmentTree assignment && assignment.getVariable() == id) {
      return null; // a write, not a use
    }
    return Handovers.isHandover(path, state) ? id : null;
  }
}
