package dev.goconc.checker.flow;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an exception thrown at one point of a body goes, read from the tree as Java's rules say:
 * the first {@code catch} of the innermost enclosing {@code try} (whose protected block holds the
 * point) that names the exception's type or a supertype of it, and the {@code finally} blocks it
 * runs on the way there, which are those of the {@code try}s it leaves without being caught. When
 * no {@code catch} of the body takes it, it propagates out of the body through those {@code
 * finally} blocks. {@link ExitPaths} follows no implicit exception, so a rule that asks about the
 * path a call's declared exception takes finds its start here, and walks on from the {@code catch}
 * with the graph.
 */
public final class ExceptionHandlers {
  private ExceptionHandlers() {}

  /**
   * Where the exception goes: the {@code catch} that takes it (null when it leaves the body), and
   * the {@code finally} blocks it runs before reaching it, innermost first. The {@code finally} of
   * the {@code try} whose {@code catch} takes it is not among them: it runs after the {@code
   * catch}, on the paths the graph walks from there.
   */
  public record Handler(CatchTree catchTree, List<BlockTree> finallies) {
    public boolean propagates() {
      return catchTree == null;
    }
  }

  /**
   * Whether the code of {@code body}, not counting the lambdas and classes in it, has a {@code
   * catch}: where it has none, an exception a call throws only leaves the body, so a walk that
   * follows calls' exceptions into {@code catch} blocks has nothing more to find.
   */
  public static boolean anyCatchIn(Tree body) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        return found[0] ? null : super.scan(tree, null);
      }

      @Override
      public Void visitCatch(CatchTree tree, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree tree, Void unused) {
        return tree == body ? super.visitLambdaExpression(tree, null) : null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree tree, Void unused) {
        return null;
      }
    }.scan(body, null);
    return found[0];
  }

  /**
   * The innermost {@code catch} of {@code body}'s own code (not of the lambdas and classes in it)
   * whose block holds {@code tree}; null when none does.
   */
  public static CatchTree catchHolding(Tree body, Tree tree) {
    CatchTree[] found = {null};
    new com.sun.source.util.TreeScanner<Void, CatchTree>() {
      @Override
      public Void scan(Tree node, CatchTree within) {
        if (found[0] != null) {
          return null;
        }
        if (node == tree) {
          found[0] = within;
          return null;
        }
        return super.scan(node, within);
      }

      @Override
      public Void visitCatch(CatchTree handler, CatchTree within) {
        scan(handler.getParameter(), within);
        return scan(handler.getBlock(), handler);
      }

      @Override
      public Void visitLambdaExpression(
          com.sun.source.tree.LambdaExpressionTree lambda, CatchTree within) {
        return lambda == body ? super.visitLambdaExpression(lambda, within) : null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree type, CatchTree within) {
        return null;
      }
    }.scan(body, null);
    return found[0];
  }

  /**
   * The handler, inside {@code root} (a method, lambda or initializer), of an exception of type
   * {@code thrown} raised at {@code point}.
   */
  public static Handler of(TreePath point, Tree root, Type thrown, VisitorState state) {
    List<BlockTree> finallies = new ArrayList<>();
    Tree child = point.getLeaf();
    for (TreePath p = point.getParentPath(); p != null && child != root; p = p.getParentPath()) {
      if (p.getLeaf() instanceof TryTree tryTree) {
        if (tryTree.getBlock() == child) {
          for (CatchTree handler : tryTree.getCatches()) {
            if (catches(handler, thrown, state)) {
              return new Handler(handler, List.copyOf(finallies));
            }
          }
        }
        if (tryTree.getFinallyBlock() != null && tryTree.getFinallyBlock() != child) {
          finallies.add(tryTree.getFinallyBlock()); // left from the block or one of its catches
        }
      }
      child = p.getLeaf();
    }
    return new Handler(null, List.copyOf(finallies));
  }

  /** Whether {@code handler} takes an exception of type {@code thrown}. */
  public static boolean catches(CatchTree handler, Type thrown, VisitorState state) {
    Tree type = handler.getParameter().getType();
    List<? extends Tree> alternatives =
        type instanceof UnionTypeTree union ? union.getTypeAlternatives() : List.of(type);
    for (Tree alternative : alternatives) {
      Type caught = ASTHelpers.getType(alternative);
      if (caught != null && state.getTypes().isSubtype(thrown, caught)) {
        return true;
      }
    }
    return false;
  }
}
