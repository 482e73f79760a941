package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of code a rule judges on their own, each with the code it runs: a method, a lambda
 * (a goroutine or handler that makes its own channels and obligations) and an initializer block
 * ({@code static { ... }}, {@code { ... }}), which runs like a method body.
 */
public final class CodeRoots {
  private CodeRoots() {}

  /** The initializer blocks of {@code type}, the class at {@code state}'s path, each with its state. */
  public static List<VisitorState> initializers(ClassTree type, VisitorState state) {
    List<VisitorState> blocks = new ArrayList<>();
    for (Tree member : type.getMembers()) {
      if (member instanceof BlockTree initializer) {
        blocks.add(state.withPath(new TreePath(state.getPath(), initializer)));
      }
    }
    return blocks;
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
