package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** Finding the nodes to rewrite. */
final class Nodes {
  private Nodes() {}

  /**
   * Matches in reverse source order: a rewrite that copies an outer node then carries the
   * already rewritten inner ones, and no rewrite touches a node an earlier one detached.
   */
  static <T extends Node> List<T> innermostFirst(Node root, Class<T> type, Predicate<T> test) {
    List<T> found = new ArrayList<>(root.findAll(type, test));
    Collections.reverse(found);
    return found;
  }
}
