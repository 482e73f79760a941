package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import java.util.Optional;

/** No rewrite: the case as its test wrote it, to check the harness agrees with the test. */
final class Original implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    return Rewritten.inPlace(member, true);
  }
}
