package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Removes from a variant the other cases of its source that its own code does not reach by
 * name: each variant then compiles in a fraction of the time, and findings elsewhere in the
 * file cannot be counted by mistake. A method is only removed where it cannot implement or
 * override anything (its class neither extends nor implements, and it has no
 * {@code @Override}); nested and top-level types are removed when their name is unused.
 * The original of each case is pruned the same way, so a rule whose verdict needs a removed
 * member shows up as an original that disagrees with its test.
 */
final class UnusedMembers {
  private UnusedMembers() {}

  static void remove(CompilationUnit unit, List<BodyDeclaration<?>> caseMembers) {
    Set<Node> candidates = identitySet();
    for (BodyDeclaration<?> member : unit.findAll(BodyDeclaration.class)) {
      boolean touchesCase =
          caseMembers.stream().anyMatch(c -> c == member || member.isAncestorOf(c) || c.isAncestorOf(member));
      if (!touchesCase && removable(member)) {
        candidates.add(member);
      }
    }
    Set<Node> kept = identitySet();
    Set<String> used = namesUsedOutside(unit, candidates);
    used.addAll(SourceFacts.namesUsedByOtherFiles(unit));
    // Callers stay too (a goroutine body is often a method another method launches), and so
    // does code that shares a goconc field with the case (the group a launched method adds to
    // is awaited in another method).
    Set<String> related = new HashSet<>();
    caseMembers.forEach(c -> related.addAll(declaredNames(c)));
    Set<String> fields = fieldNames(unit);
    caseMembers.forEach(c -> namesUsedIn(c).stream().filter(fields::contains).forEach(related::add));
    for (Node candidate : candidates) {
      if (!Collections.disjoint(namesUsedIn(candidate), related)) {
        kept.add(candidate);
        used.addAll(namesUsedIn(candidate));
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Node candidate : candidates) {
        if (!kept.contains(candidate) && used.contains(declaredName(candidate))) {
          kept.add(candidate);
          used.addAll(namesUsedIn(candidate));
          grew = true;
        }
      }
    }
    candidates.stream().filter(c -> !kept.contains(c)).toList().forEach(Node::remove);
  }

  private static Set<Node> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /** Members of named types only: what local and anonymous classes declare stays with them. */
  private static boolean removable(BodyDeclaration<?> member) {
    Node parent = member.getParentNode().orElse(null);
    for (Node up = parent; !(up instanceof CompilationUnit); up = up.getParentNode().orElse(null)) {
      if (!(up instanceof TypeDeclaration<?>)) {
        return false;
      }
    }
    if (member instanceof TypeDeclaration<?>) {
      return true;
    }
    return member instanceof MethodDeclaration method
        && parent instanceof ClassOrInterfaceDeclaration owner
        && !owner.isInterface()
        && owner.getExtendedTypes().isEmpty()
        && owner.getImplementedTypes().isEmpty()
        && method.getBody().isPresent()
        && method.getAnnotationByName("Override").isEmpty();
  }

  private static Set<String> fieldNames(CompilationUnit unit) {
    Set<String> names = new HashSet<>();
    for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
      for (VariableDeclarator variable : field.getVariables()) {
        if (DeclaredTypes.GOCONC.contains(DeclaredTypes.of(variable))) {
          names.add(variable.getNameAsString());
        }
      }
    }
    return names;
  }

  /** The case's own name, and those of the types it declares (a nested class moved into it). */
  private static Set<String> declaredNames(Node caseMember) {
    Set<String> names = new HashSet<>();
    if (caseMember instanceof CallableDeclaration<?> callable) {
      names.add(callable.getNameAsString());
    }
    caseMember.findAll(TypeDeclaration.class).forEach(t -> names.add(t.getNameAsString()));
    return names;
  }

  private static String declaredName(Node member) {
    if (member instanceof TypeDeclaration<?> type) {
      return type.getNameAsString();
    }
    return ((MethodDeclaration) member).getNameAsString();
  }

  private static Set<String> namesUsedOutside(CompilationUnit unit, Set<Node> candidates) {
    Set<String> names = new HashSet<>();
    for (Node node : unit.findAll(Node.class, UnusedMembers::isUse)) {
      if (candidates.stream().noneMatch(c -> c.isAncestorOf(node))) {
        names.add(usedName(node));
      }
    }
    return names;
  }

  private static Set<String> namesUsedIn(Node member) {
    Set<String> names = new HashSet<>();
    for (Node node : member.findAll(Node.class, UnusedMembers::isUse)) {
      names.add(usedName(node));
    }
    return names;
  }

  private static boolean isUse(Node node) {
    return node instanceof MethodCallExpr
        || node instanceof MethodReferenceExpr
        || node instanceof NameExpr
        || node instanceof ClassOrInterfaceType;
  }

  private static String usedName(Node node) {
    if (node instanceof MethodCallExpr call) {
      return call.getNameAsString();
    }
    if (node instanceof MethodReferenceExpr reference) {
      return reference.getIdentifier();
    }
    if (node instanceof NameExpr name) {
      return name.getNameAsString();
    }
    SimpleName name = ((ClassOrInterfaceType) node).getName();
    return name.asString();
  }
}
