package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.GoconcApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The private {@code CancelFunc} fields of a top-level class (its nested classes included) that no
 * code of that class ever calls: the owner kept the power to cancel and never uses it. A field
 * counts as called when it is the receiver of {@code cancel()}, the qualifier of a method
 * reference, or handed over ({@link Handovers}: returned, stored elsewhere, passed where a {@code
 * CancelFunc} is expected); passing it where {@code Object} is expected is not. Non-private fields
 * and record components may be called from elsewhere and are not judged.
 */
public final class UncalledCancelFields {
  private UncalledCancelFields() {}

  public static List<VariableTree> in(ClassTree topLevel, VisitorState state) {
    Map<Symbol, VariableTree> candidates = new LinkedHashMap<>();
    Set<Symbol> called = Collections.newSetFromMap(new IdentityHashMap<>());
    TreePath classPath = state.getPath();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(node);
        if (symbol != null
            && symbol.getKind().isField()
            && (symbol.flags() & Flags.PRIVATE) != 0
            && (symbol.flags() & Flags.RECORD) == 0 // a record component is public by its accessor
            && GoconcApi.isSubtypeOf(symbol.type, GoconcApi.CANCEL_FUNC, state)) {
          candidates.put(symbol, node);
        }
        return super.visitVariable(node, unused);
      }
    }.scan(classPath, null);
    if (candidates.isEmpty()) {
      return List.of();
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        note(ASTHelpers.getSymbol(node));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        note(ASTHelpers.getSymbol(node));
        return super.visitMemberSelect(node, unused);
      }

      private void note(Symbol symbol) {
        if (symbol != null && candidates.containsKey(symbol) && calls(getCurrentPath(), state)) {
          called.add(symbol);
        }
      }
    }.scan(classPath, null);
    List<VariableTree> uncalled = new ArrayList<>();
    candidates.forEach(
        (symbol, tree) -> {
          if (!called.contains(symbol)) {
            uncalled.add(tree);
          }
        });
    return uncalled;
  }

  private static boolean calls(TreePath occurrence, VisitorState state) {
    Tree leaf = occurrence.getLeaf();
    Tree parent = occurrence.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree
        && occurrence.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == parent) {
      return GoconcApi.CANCEL_FUNC_CANCEL.matches(call, state);
    }
    if (parent instanceof MemberReferenceTree) {
      return true;
    }
    if (parent instanceof AssignmentTree assignment && assignment.getVariable() == leaf) {
      return false;
    }
    return Handovers.isHandover(occurrence, state);
  }
}
