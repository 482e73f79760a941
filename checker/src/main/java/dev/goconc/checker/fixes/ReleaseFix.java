package dev.goconc.checker.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.model.ReleaseObligations;
import java.util.List;
import java.util.Optional;

/**
 * The fix for a value that must be released on every path: the rest of the enclosing block becomes
 * the body of a try-with-resources declaring it (Go's {@code defer cancel()}), or, where the local
 * is assigned rather than declared or {@code close()} would do more than release it (a pool's
 * waits for its tasks), the body of a {@code try} whose {@code finally} releases it.
 * Offered only where it compiles and keeps behaviour: the creation is a statement directly in a
 * block, the local is written nowhere else, and its declared type closes without a checked
 * exception (a {@code Context}-typed local is retyped to the creation's own type). The wrapped
 * statements move one indentation level deeper, as {@link FixLayout} lays them out.
 */
public final class ReleaseFix {
  private ReleaseFix() {}

  public static Optional<SuggestedFix> of(
      VarSymbol local,
      TreePath startPath,
      ExpressionTree creation,
      String releaseMethod,
      boolean tryWithResources,
      VisitorState state) {
    Tree start = startPath.getLeaf();
    TreePath statementPath = start instanceof VariableTree ? startPath : startPath.getParentPath();
    if (!(statementPath.getLeaf() instanceof StatementTree statement)
        || (start instanceof AssignmentTree && !(statement instanceof ExpressionStatementTree))
        || !(statementPath.getParentPath().getLeaf() instanceof BlockTree block)
        || writtenElsewhere(local, start, statementPath.getParentPath())) {
      return Optional.empty();
    }
    List<? extends StatementTree> statements = block.getStatements();
    int index = statements.indexOf(statement);
    if (index < 0 || sharesDeclaration(statements, statement)) {
      return Optional.empty();
    }
    Optional<FixLayout> layout = FixLayout.of(state);
    int statementStart = ASTHelpers.getStartPosition(statement);
    int statementEnd = state.getEndPosition(statement);
    int restEnd =
        index == statements.size() - 1
            ? statementEnd
            : state.getEndPosition(statements.get(statements.size() - 1));
    if (layout.isEmpty() || statementStart < 0 || statementEnd < 0 || restEnd < statementEnd) {
      return Optional.empty();
    }
    FixLayout text = layout.get();
    String indent = text.indentAt(statementStart);
    String rest = text.text(statementEnd, restEnd);
    boolean onOwnLines =
        rest.contains("\n") || (rest.isBlank() && text.startsLine(statementStart));
    SuggestedFix.Builder fix = SuggestedFix.builder();
    Type creationType = ASTHelpers.getType(creation);
    if (start instanceof VariableTree variable && tryWithResources) {
      String header;
      if (ASTHelpers.hasImplicitType(variable, state)
          || ASTHelpers.isSubtype(local.type, creationType, state)) {
        header = text.text(statementStart, state.getEndPosition(variable.getInitializer()));
      } else if (ASTHelpers.isSubtype(creationType, local.type, state)) {
        header =
            SuggestedFixes.qualifyType(state, fix, creationType)
                + " "
                + local.getSimpleName()
                + " = "
                + state.getSourceForNode(variable.getInitializer());
      } else {
        return Optional.empty();
      }
      fix.replace(
          statementStart,
          restEnd,
          text.tryBlock(indent, "try (" + header + ")", rest, onOwnLines, null));
    } else if (!hasNoArgumentMethod(local.type, releaseMethod, state)) {
      return Optional.empty(); // a Context-typed local has no release method to call
    } else {
      int afterComment = Math.min(text.withComment(statementEnd), restEnd);
      fix.replace(
          afterComment,
          restEnd,
          (onOwnLines ? text.lineBreak() + indent : " ")
              + text.tryBlock(
                  indent,
                  "try",
                  text.text(afterComment, restEnd),
                  onOwnLines,
                  local.getSimpleName() + "." + releaseMethod + "();"));
    }
    return Optional.of(fix.build());
  }

  /**
   * For a creation passed straight into a call, {@code work(Context.withCancel(p));}: declare it in
   * try-with-resources around that statement and pass the variable. Only for an expression
   * statement directly in a block, not inside a lambda of that statement; the variable is named
   * after {@code noun}, made unique in the enclosing method.
   */
  public static Optional<SuggestedFix> ofInline(
      TreePath creationPath, ExpressionTree creation, String noun, VisitorState state) {
    TreePath statementPath = creationPath;
    while (!(statementPath.getLeaf() instanceof StatementTree)) {
      if (statementPath.getLeaf() instanceof com.sun.source.tree.LambdaExpressionTree
          || statementPath.getLeaf() instanceof com.sun.source.tree.ClassTree) {
        return Optional.empty();
      }
      statementPath = statementPath.getParentPath();
    }
    TreePath owner = ReleaseObligations.ownerOf(statementPath);
    Type type = ASTHelpers.getType(creation);
    Optional<FixLayout> layout = FixLayout.of(state);
    if (!(statementPath.getLeaf() instanceof ExpressionStatementTree statement)
        || !(statementPath.getParentPath().getLeaf() instanceof BlockTree)
        || owner == null
        || type == null
        || layout.isEmpty()) {
      return Optional.empty();
    }
    TreePath method = statementPath;
    while (method != null && !(method.getLeaf() instanceof com.sun.source.tree.MethodTree)) {
      method = method.getParentPath(); // names of the whole method: a lambda cannot shadow them
    }
    String name = unusedName(noun, method == null ? owner.getLeaf() : method.getLeaf());
    int statementStart = ASTHelpers.getStartPosition(statement);
    int creationStart = ASTHelpers.getStartPosition(creation);
    int creationEnd = state.getEndPosition(creation);
    int statementEnd = state.getEndPosition(statement);
    if (statementStart < 0 || creationStart < statementStart || statementEnd < creationEnd) {
      return Optional.empty();
    }
    FixLayout text = layout.get();
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String declaration =
        SuggestedFixes.qualifyType(state, fix, type)
            + " "
            + name
            + " = "
            + text.text(creationStart, creationEnd);
    String body =
        text.text(statementStart, creationStart) + name + text.text(creationEnd, statementEnd);
    fix.replace(
        statement,
        text.tryBlock(
            text.indentAt(statementStart),
            "try (" + declaration + ")",
            body,
            text.startsLine(statementStart),
            null));
    return Optional.of(fix.build());
  }

  private static boolean hasNoArgumentMethod(Type type, String name, VisitorState state) {
    for (Symbol member :
        state.getTypes().membersClosure(type, false).getSymbolsByName(state.getName(name))) {
      if (member instanceof MethodSymbol method && method.getParameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String unusedName(String base, Tree scope) {
    java.util.Set<String> names = new java.util.HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(com.sun.source.tree.IdentifierTree node, Void unused) {
        names.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitVariable(node, null);
      }
    }.scan(scope, null);
    String name = base;
    for (int i = 2; names.contains(name); i++) {
      name = base + i;
    }
    return name;
  }

  /** Whether {@code statement} is one of several variables of one declaration ({@code a = .., b = ..}). */
  private static boolean sharesDeclaration(
      List<? extends StatementTree> statements, StatementTree statement) {
    int start = ASTHelpers.getStartPosition(statement);
    return statements.stream()
        .anyMatch(other -> other != statement && ASTHelpers.getStartPosition(other) == start);
  }

  /** Whether {@code local} is assigned anywhere in {@code scope} other than at {@code start}. */
  private static boolean writtenElsewhere(VarSymbol local, Tree start, TreePath scope) {
    boolean[] written = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (node != start && ASTHelpers.getSymbol(node.getVariable()) == local) {
          written[0] = true;
        }
        return super.visitAssignment(node, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        if (ASTHelpers.getSymbol(node.getVariable()) == local) {
          written[0] = true;
        }
        return super.visitCompoundAssignment(node, null);
      }
    }.scan(ownerBody(scope), null);
    return written[0];
  }

  private static Tree ownerBody(TreePath scope) {
    TreePath owner = ReleaseObligations.ownerOf(scope);
    return owner == null ? scope.getLeaf() : owner.getLeaf();
  }
}
