package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * A rewrite of one case that keeps its meaning, in Java and in goconc. It edits the member in
 * place (in a fresh copy of the source) and says which members now hold the case's code; where
 * its precondition does not hold it returns empty and the case is not applicable.
 */
interface Transformation {
  /** The name the results table and the known-misses file use. */
  default String name() {
    return getClass().getSimpleName();
  }

  Optional<Rewritten> apply(BodyDeclaration<?> member);

  /**
   * Where the case's code now lives. {@code sameCount}: each finding of the original has
   * exactly one counterpart (false where code was copied or merged, as in loop unrolling).
   */
  record Rewritten(List<BodyDeclaration<?>> members, boolean sameCount) {
    static Optional<Rewritten> inPlace(BodyDeclaration<?> member, boolean changed) {
      return changed ? Optional.of(of(true, member)) : Optional.empty();
    }

    /** An array, not {@code List.of}: javac's inference of javaparser's self-bounded types is slow. */
    static Rewritten of(boolean sameCount, BodyDeclaration<?>... members) {
      return new Rewritten(List.of(members), sameCount);
    }
  }
}
