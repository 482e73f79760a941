package dev.goconc.checker.util;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.Tree;

/** Source lines for messages ("created on line 12"), from the unit being checked. */
public final class SourceLines {
  private SourceLines() {}

  /** The line where {@code tree} starts. */
  public static long of(Tree tree, VisitorState state) {
    return at(ASTHelpers.getStartPosition(tree), state);
  }

  /** The line of a source position. */
  public static long at(long position, VisitorState state) {
    return state.getPath().getCompilationUnit().getLineMap().getLineNumber(position);
  }
}
