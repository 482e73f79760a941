package dev.goconc.checker.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves one parameter of a method to the front, together with the matching argument of every
 * call in the compilation unit. Refuses (empty) whenever code it cannot see might call or
 * override the method, or when the edit could not be applied cleanly.
 */
public final class ParameterReordering {
  private ParameterReordering() {}

  public static Optional<SuggestedFix> moveFirst(
      MethodTree declaration, MethodSymbol method, int index, VisitorState state) {
    if (index <= 0 || !reachableOnlyFromThisUnit(method)) {
      return Optional.empty();
    }
    List<List<? extends ExpressionTree>> calls = new ArrayList<>();
    List<Tree> callTrees = new ArrayList<>();
    boolean[] blocked = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (ASTHelpers.getSymbol(call) == method) {
          calls.add(call.getArguments());
          callTrees.add(call);
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree call, Void unused) {
        if (ASTHelpers.getSymbol(call) == method) {
          calls.add(call.getArguments());
          callTrees.add(call);
        }
        return super.visitNewClass(call, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        blocked[0] |= ASTHelpers.getSymbol(reference) == method;
        return super.visitMemberReference(reference, null);
      }

      @Override
      public Void visitMethod(MethodTree other, Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(other);
        if (symbol != null
            && symbol != method
            && ASTHelpers.findSuperMethods(symbol, state.getTypes()).contains(method)) {
          blocked[0] = true;
        }
        return super.visitMethod(other, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    if (blocked[0] || nested(callTrees, state)) {
      return Optional.empty();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    if (!moveToFront(declaration.getParameters(), index, fix, state)) {
      return Optional.empty();
    }
    for (List<? extends ExpressionTree> arguments : calls) {
      if (arguments.size() <= index || !moveToFront(arguments, index, fix, state)) {
        return Optional.empty();
      }
    }
    return Optional.of(fix.build());
  }

  /**
   * Deletes element {@code index} with the separator before it and puts it before the first,
   * followed by that same separator: a list written one element a line stays so.
   */
  private static boolean moveToFront(
      List<? extends Tree> elements, int index, SuggestedFix.Builder fix, VisitorState state) {
    Tree moved = elements.get(index);
    String text = state.getSourceForNode(moved);
    int previousEnd = state.getEndPosition(elements.get(index - 1));
    int movedStart = ASTHelpers.getStartPosition(moved);
    int movedEnd = state.getEndPosition(moved);
    CharSequence source = state.getSourceCode();
    if (text == null || source == null || previousEnd < 0 || movedStart < previousEnd
        || movedEnd < 0) {
      return false;
    }
    String separator = source.subSequence(previousEnd, movedStart).toString();
    fix.replace(previousEnd, movedEnd, "");
    fix.prefixWith(
        elements.get(0), text + (separator.matches("\\s*,\\s*") ? separator : ", "));
    return true;
  }

  /** Private, or a member of a local or anonymous class: no other file can call it. */
  private static boolean reachableOnlyFromThisUnit(MethodSymbol method) {
    return (method.flags() & Flags.PRIVATE) != 0
        || (method.owner instanceof ClassSymbol cls && cls.isDirectlyOrIndirectlyLocal());
  }

  /** Whether one call lies inside another's arguments, where two edits would overlap. */
  private static boolean nested(List<Tree> calls, VisitorState state) {
    for (Tree outer : calls) {
      int start = ASTHelpers.getStartPosition(outer);
      int end = state.getEndPosition(outer);
      for (Tree inner : calls) {
        if (inner != outer
            && ASTHelpers.getStartPosition(inner) >= start
            && state.getEndPosition(inner) <= end) {
          return true;
        }
      }
    }
    return false;
  }
}
