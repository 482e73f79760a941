package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * The flags that never change: a {@code private boolean} field whose every write in the
 * compilation unit (its initializer, or {@code false} by default, and each assignment) stores the
 * same constant. Only the unit can write a private field, so its value is the same for the life of
 * the object: a loop on {@code while (running)} where no code ever sets {@code running} to {@code
 * false} can never end by its condition. A flag that a {@code stop()} method clears changes, and
 * is not one.
 */
public final class ConstantFlags {
  private static final UnitMemo.Fact<Set<VarSymbol>> CHANGING =
      new UnitMemo.Fact<>("boolean fields written with more than one value");

  private ConstantFlags() {}

  /** Whether {@code field} is a private boolean field whose value never changes. */
  public static boolean isConstant(VarSymbol field, VisitorState state) {
    return field.getKind().isField()
        && field.getModifiers().contains(Modifier.PRIVATE)
        && field.type.getKind() == TypeKind.BOOLEAN
        && !changing(state).contains(field);
  }

  /** The boolean fields of the unit written with more than one value, or with a computed one. */
  private static Set<VarSymbol> changing(VisitorState state) {
    var unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, CHANGING, unit, () -> {
      java.util.Map<VarSymbol, Boolean> written = new java.util.HashMap<>();
      Set<VarSymbol> changing = new HashSet<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
          if (ASTHelpers.getSymbol(tree) instanceof VarSymbol field && field.getKind().isField()) {
            write(field, tree.getInitializer() == null ? Boolean.FALSE : tree.getInitializer());
          }
          return super.visitVariable(tree, null);
        }

        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          if (ASTHelpers.getSymbol(tree.getVariable()) instanceof VarSymbol field) {
            write(field, tree.getExpression());
          }
          return super.visitAssignment(tree, null);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
          if (ASTHelpers.getSymbol(tree.getVariable()) instanceof VarSymbol field) {
            changing.add(field);
          }
          return super.visitCompoundAssignment(tree, null);
        }

        private void write(VarSymbol field, Object value) {
          Boolean constant = value instanceof Boolean b ? b
              : ASTHelpers.constValue((ExpressionTree) value, Boolean.class);
          Boolean before = written.putIfAbsent(field, constant);
          if (constant == null || (before != null && !before.equals(constant))) {
            changing.add(field);
          }
        }
      }.scan(unit, null);
      return changing;
    });
  }
}
