package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The members of a test source that are cases: methods with a body, constructors and
 * initializers of its named classes (those of local and anonymous classes belong to the member
 * that declares them). The order is the source order, so a clone lists the same members.
 */
final class CaseMembers {
  private CaseMembers() {}

  static List<BodyDeclaration<?>> in(CompilationUnit unit) {
    List<BodyDeclaration<?>> members = new ArrayList<>();
    for (BodyDeclaration<?> member : unit.findAll(BodyDeclaration.class)) {
      if (body(member).isPresent() && declaredByNamedType(member)) {
        members.add(member);
      }
    }
    return members;
  }

  /** {@code Outer.Inner.method}, with {@code #2} on a second member of the same name. */
  static List<String> names(List<BodyDeclaration<?>> members) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (BodyDeclaration<?> member : members) {
      String name = ownerName(member) + "." + simpleName(member);
      int n = seen.merge(name, 1, Integer::sum);
      names.add(n == 1 ? name : name + "#" + n);
    }
    return names;
  }

  static Optional<BlockStmt> body(BodyDeclaration<?> member) {
    if (member instanceof MethodDeclaration method) {
      return method.getBody();
    }
    if (member instanceof ConstructorDeclaration constructor) {
      return Optional.of(constructor.getBody());
    }
    if (member instanceof InitializerDeclaration initializer) {
      return Optional.of(initializer.getBody());
    }
    return Optional.empty();
  }

  static TypeDeclaration<?> owner(BodyDeclaration<?> member) {
    return (TypeDeclaration<?>) member.getParentNode().orElseThrow();
  }

  private static boolean declaredByNamedType(BodyDeclaration<?> member) {
    Node parent = member.getParentNode().orElse(null);
    while (parent instanceof TypeDeclaration<?>) {
      parent = parent.getParentNode().orElse(null);
    }
    return parent instanceof CompilationUnit && member.getParentNode().get() instanceof TypeDeclaration<?>;
  }

  private static String simpleName(BodyDeclaration<?> member) {
    if (member instanceof CallableDeclaration<?> callable) {
      return member instanceof ConstructorDeclaration ? "<init>" : callable.getNameAsString();
    }
    return ((InitializerDeclaration) member).isStatic() ? "<clinit>" : "<init-block>";
  }

  private static String ownerName(BodyDeclaration<?> member) {
    List<String> names = new ArrayList<>();
    Node node = member.getParentNode().orElse(null);
    while (node instanceof TypeDeclaration<?> type) {
      names.add(0, type.getNameAsString());
      node = node.getParentNode().orElse(null);
    }
    return String.join(".", names);
  }
}
