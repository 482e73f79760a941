package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.api.GoconcApi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The pieces of code a rule judges on their own, each with the code it runs: a method, a lambda
 * (a goroutine or handler that makes its own channels and obligations) and an initializer block
 * ({@code static { ... }}, {@code { ... }}), which runs like a method body.
 */
public final class CodeRoots {
  private CodeRoots() {}

  /**
   * Judges each initializer block of {@code type}, the class at {@code state}'s path, with {@code
   * judge} given the state at the block (which reports its findings itself); nothing for a unit
   * that does not name the runtime. Always {@code NO_MATCH}, for a rule's {@code matchClass}.
   */
  public static Description judgeInitializers(
      ClassTree type, VisitorState state, Consumer<VisitorState> judge) {
    return judgeInitializers(type, state, GoconcApi::mentionsRuntime, judge);
  }

  /** As above, for a unit that passes {@code appliesTo}, a rule's own cheap first exit. */
  public static Description judgeInitializers(
      ClassTree type,
      VisitorState state,
      Predicate<VisitorState> appliesTo,
      Consumer<VisitorState> judge) {
    if (appliesTo.test(state)) {
      initializers(type, state).forEach(judge);
    }
    return Description.NO_MATCH;
  }

  private static List<VisitorState> initializers(ClassTree type, VisitorState state) {
    List<VisitorState> blocks = new ArrayList<>();
    for (Tree member : type.getMembers()) {
      if (member instanceof BlockTree initializer) {
        blocks.add(state.withPath(new TreePath(state.getPath(), initializer)));
      }
    }
    return blocks;
  }

  /**
   * The cheap first question for a lambda: whether the method or initializer around it makes a
   * channel anywhere (answered once per method, so the lambdas of a method without channels cost
   * a walk up their path, not a scan each).
   */
  public static boolean insideCodeThatMakesChannels(VisitorState state) {
    return insideCodeThatMakes(ChannelKind.GOCONC, state);
  }

  /** As {@link #insideCodeThatMakesChannels}, for channels of {@code kind}. */
  public static boolean insideCodeThatMakes(ChannelKind kind, VisitorState state) {
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      boolean initializer = leaf instanceof BlockTree
          && p.getParentPath() != null && p.getParentPath().getLeaf() instanceof ClassTree;
      if (leaf instanceof MethodTree || initializer) {
        Tree code = codeOf(leaf);
        return code != null && Calls.makes(kind, code, state);
      }
      if (leaf instanceof ClassTree) {
        return false; // a field initializer's lambda
      }
    }
    return false;
  }

  /**
   * The root whose own code holds {@code path} (the path itself when it is one): the nearest
   * method, lambda or initializer block around it; null inside a class's other members.
   */
  public static TreePath rootOf(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return p;
      }
      if (leaf instanceof BlockTree
          && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof ClassTree) {
        return p;
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /**
   * The outermost method or initializer block around {@code path}: through lambdas and anonymous
   * and local classes (a goroutine written as a {@code Runnable}), up to a member or top-level
   * class, where code of another declaration begins. Null outside any.
   */
  public static TreePath outermostRootOf(TreePath path) {
    TreePath root = null;
    for (TreePath p = path; p != null && !memberOrTopLevel(p); p = p.getParentPath()) {
      boolean initializer = p.getLeaf() instanceof BlockTree
          && p.getParentPath() != null && p.getParentPath().getLeaf() instanceof ClassTree;
      if (p.getLeaf() instanceof MethodTree || initializer) {
        root = p;
      }
    }
    return root;
  }

  private static boolean memberOrTopLevel(TreePath path) {
    return path.getLeaf() instanceof ClassTree && path.getParentPath() != null
        && (path.getParentPath().getLeaf() instanceof ClassTree
            || path.getParentPath().getLeaf() instanceof com.sun.source.tree.CompilationUnitTree);
  }

  /** The code {@code root} runs: a method's or lambda's body, or the initializer block itself. */
  public static Tree codeOf(Tree root) {
    return switch (root) {
      case MethodTree method -> method.getBody();
      case LambdaExpressionTree lambda -> lambda.getBody();
      default -> root;
    };
  }
}
