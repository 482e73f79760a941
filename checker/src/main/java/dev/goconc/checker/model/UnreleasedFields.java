package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The private fields of a top-level class (its nested classes included) that hold something the
 * class must release (a {@code CancelFunc}, a pool it made) and that no code of that class ever
 * releases: the owner kept the power and never uses it. A field counts as released when it is the
 * receiver of a release call (through casts and parentheses too), the qualifier of a method
 * reference the {@link FieldObligation} accepts, or handed over ({@link Handovers}: returned,
 * stored elsewhere, passed where the callee can release it); passing it where {@code Object} is
 * expected is not. Non-private fields and record components may be released from elsewhere and
 * are not judged.
 */
public final class UnreleasedFields {
  private UnreleasedFields() {}

  /** What a rule asks of a field. */
  public interface FieldObligation {
    /** Whether {@code field}, a private field of the class, is of a type the rule tracks. */
    boolean tracks(VarSymbol field, VisitorState state);

    /**
     * Whether the class must have made the value for the field to be its own: when true, a field
     * that is never given {@link #isCreation a creation} (only values passed in) is not judged.
     */
    default boolean ownedOnlyWhenCreated() {
      return false;
    }

    /** Whether {@code value}, assigned to the field, makes a new value the class owns. */
    default boolean isCreation(ExpressionTree value, VisitorState state) {
      return false;
    }

    /** Whether {@code call}, made on the field, releases it. */
    boolean isRelease(MethodInvocationTree call, VisitorState state);

    /** Whether a method reference {@code field::name} releases it (or may). */
    boolean releasesByReference(String name);
  }

  /** The fields of {@code topLevel}, the class at {@code state}'s path, that are never released. */
  public static List<VariableTree> in(
      ClassTree topLevel, FieldObligation obligation, VisitorState state) {
    Map<Symbol, VariableTree> candidates = new LinkedHashMap<>();
    Set<Symbol> created = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Symbol> released = Collections.newSetFromMap(new IdentityHashMap<>());
    TreePath classPath = state.getPath();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(node);
        if (symbol != null
            && symbol.getKind().isField()
            && (symbol.flags() & Flags.PRIVATE) != 0
            && (symbol.flags() & Flags.RECORD) == 0 // a record component is public by its accessor
            && obligation.tracks(symbol, state)) {
          candidates.put(symbol, node);
          if (node.getInitializer() != null
              && obligation.isCreation(stripped(node.getInitializer()), state)) {
            created.add(symbol);
          }
        }
        return super.visitVariable(node, null);
      }
    }.scan(classPath.getLeaf(), null);
    if (candidates.isEmpty()) {
      return List.of();
    }
    forEachOccurrence(
        classPath,
        candidates::containsKey,
        (symbol, occurrence) -> {
          if (occurrence.getParentPath().getLeaf() instanceof AssignmentTree assignment
              && assignment.getVariable() == occurrence.getLeaf()) {
            if (obligation.isCreation(stripped(assignment.getExpression()), state)) {
              created.add(symbol);
            }
          } else if (releases(occurrence, obligation, state)) {
            released.add(symbol);
          }
        });
    List<VariableTree> unreleased = new ArrayList<>();
    candidates.forEach(
        (symbol, tree) -> {
          if (!released.contains(symbol)
              && (!obligation.ownedOnlyWhenCreated() || created.contains(symbol))) {
            unreleased.add(tree);
          }
        });
    return unreleased;
  }

  /**
   * Whether any occurrence of {@code variable} (a local or a field) in {@code scope} releases it
   * or hands it over, as {@link #in} judges a field's occurrences.
   */
  public static boolean releasedIn(
      Symbol variable, TreePath scope, FieldObligation obligation, VisitorState state) {
    boolean[] released = {false};
    forEachOccurrence(
        scope,
        symbol -> symbol == variable,
        (symbol, occurrence) ->
            released[0] |=
                !(occurrence.getParentPath().getLeaf() instanceof AssignmentTree assignment
                        && assignment.getVariable() == occurrence.getLeaf())
                    && releases(occurrence, obligation, state));
    return released[0];
  }

  /**
   * Calls {@code visit} with each name in {@code scope} that refers to a symbol {@code tracked}
   * accepts, and the name's path.
   */
  private static void forEachOccurrence(
      TreePath scope, Predicate<Symbol> tracked, BiConsumer<Symbol, TreePath> visit) {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        note(ASTHelpers.getSymbol(node));
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        note(ASTHelpers.getSymbol(node));
        return super.visitMemberSelect(node, null);
      }

      private void note(Symbol symbol) {
        if (symbol != null && tracked.test(symbol)) {
          visit.accept(symbol, getCurrentPath());
        }
      }
    }.scan(scope, null);
  }

  private static ExpressionTree stripped(ExpressionTree value) {
    ExpressionTree at = ASTHelpers.stripParentheses(value);
    while (at instanceof TypeCastTree cast) {
      at = ASTHelpers.stripParentheses(cast.getExpression());
    }
    return at;
  }

  private static boolean releases(
      TreePath occurrence, FieldObligation obligation, VisitorState state) {
    TreePath path = occurrence;
    while (path.getParentPath().getLeaf() instanceof ParenthesizedTree
        || path.getParentPath().getLeaf() instanceof TypeCastTree) {
      path = path.getParentPath(); // ((ExecutorService) executor).shutdown()
    }
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof MemberSelectTree
        && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getMethodSelect() == parent) {
      return obligation.isRelease(call, state);
    }
    if (parent instanceof MemberReferenceTree reference) {
      return obligation.releasesByReference(reference.getName().toString());
    }
    return Handovers.isHandover(occurrence, state);
  }
}
