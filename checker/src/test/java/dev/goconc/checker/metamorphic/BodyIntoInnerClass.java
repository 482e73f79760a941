package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.Optional;

/**
 * The method moves into a nested class of its own ({@code class MmInner { void m(...) {...} }},
 * inner for an instance method, so the enclosing object's members stay in reach; static for a
 * static one). Where other code calls it, the method stays as a delegate
 * ({@code new MmInner().m(...)}) and signature findings may then appear twice.
 */
final class BodyIntoInnerClass implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    Optional<MethodDeclaration> movable = Moves.movableMethod(member);
    if (movable.isEmpty()) {
      return Optional.empty();
    }
    MethodDeclaration method = movable.get();
    ClassOrInterfaceDeclaration holder = Moves.holder(method, "MmInner");
    MethodDeclaration moved = method.clone();
    moved.removeModifier(Modifier.Keyword.STATIC);
    moved.getAnnotations().removeIf(a -> a.getNameAsString().equals("Override"));
    holder.addMember(moved);
    CaseMembers.owner(method).getMembers().addAfter(holder, method);
    if (!Moves.calledElsewhere(method)) {
      method.remove();
      return Optional.of(Rewritten.of(true, holder));
    }
    String call = "new MmInner()." + method.getNameAsString() + "(" + Moves.arguments(method) + ");";
    method.setBody(Java.statement("{" + (method.getType().isVoidType() ? "" : "return ") + call + "}").asBlockStmt());
    return Optional.of(Rewritten.of(false, method, holder));
  }
}
