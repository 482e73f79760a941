package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.Optional;

/**
 * A void method's body becomes the constructor of a nested class of its own
 * ({@code class MmBody { MmBody(params) { body } }}; a {@code return;} means the same there).
 * Where other code calls the method, it stays as {@code new MmBody(args);}.
 */
final class BodyIntoConstructor implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    Optional<MethodDeclaration> movable = Moves.movableMethod(member);
    if (movable.isEmpty() || !movable.get().getType().isVoidType() || !movable.get().getTypeParameters().isEmpty()) {
      return Optional.empty();
    }
    MethodDeclaration method = movable.get();
    ClassOrInterfaceDeclaration holder = Moves.holder(method, "MmBody");
    ConstructorDeclaration constructor = holder.addConstructor();
    constructor.setParameters(method.getParameters());
    constructor.setThrownExceptions(method.getThrownExceptions());
    method.getAnnotations().stream()
        // Only a suppression means the same on a constructor (@Test, @Override do not apply).
        .filter(a -> a.getNameAsString().equals("SuppressWarnings"))
        .forEach(a -> constructor.addAnnotation(a.clone()));
    constructor.setBody(method.getBody().orElseThrow().clone());
    CaseMembers.owner(method).getMembers().addAfter(holder, method);
    if (!Moves.calledElsewhere(method)) {
      method.remove();
      return Optional.of(Rewritten.of(true, holder));
    }
    method.setBody(Java.statement("{ new MmBody(" + Moves.arguments(method) + "); }").asBlockStmt());
    return Optional.of(Rewritten.of(false, method, holder));
  }
}
