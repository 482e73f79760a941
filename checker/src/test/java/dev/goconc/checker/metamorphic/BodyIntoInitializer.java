package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import java.util.Optional;

/**
 * A void method without parameters that nothing in the file calls becomes an initializer of its
 * class: {@code static { body }} for a static method, {@code { body }} for an instance one. Its
 * body runs once per class (or per object) instead of once per call; the case describes one
 * run of it, so its verdict must not change. Not for a body that returns early or cannot end
 * (an initializer cannot), nor an annotated method (an initializer carries no {@code @SuppressWarnings}), nor for an instance method of a record (a record has no instance initializers).
 */
final class BodyIntoInitializer implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    if (!(member instanceof MethodDeclaration method)
        || Moves.movableMethod(method).isEmpty()
        || !method.getAnnotations().isEmpty()
        || !method.getType().isVoidType()
        || !method.getParameters().isEmpty()
        || !method.getTypeParameters().isEmpty()
        || !method.getThrownExceptions().isEmpty()
        || Moves.returnsEarly(method)
        || !Moves.endsNormally(method.getBody().orElseThrow())
        || Moves.calledElsewhere(method)
        || (!method.isStatic() && CaseMembers.owner(method) instanceof RecordDeclaration)) {
      return Optional.empty();
    }
    InitializerDeclaration initializer =
        new InitializerDeclaration(method.isStatic(), method.getBody().get().clone());
    method.replace(initializer);
    return Optional.of(Rewritten.of(true, initializer));
  }
}
