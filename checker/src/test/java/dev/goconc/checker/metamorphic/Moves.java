package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the transformations that move a method's body elsewhere share. */
final class Moves {
  private Moves() {}

  /**
   * A method whose body can move into a class of its own without changing what it means: not
   * one that may override, not {@code main}, not a {@code synchronized} one, and not one whose
   * body uses {@code this} or {@code super}.
   */
  static Optional<MethodDeclaration> movableMethod(BodyDeclaration<?> member) {
    if (!(member instanceof MethodDeclaration method) || method.getBody().isEmpty()) {
      return Optional.empty();
    }
    TypeDeclaration<?> owner = CaseMembers.owner(method);
    boolean classLike =
        (owner instanceof ClassOrInterfaceDeclaration c && !c.isInterface())
            || owner instanceof EnumDeclaration
            || owner instanceof RecordDeclaration;
    // An override's signature is its supertype's; moved, it would become a signature of its own.
    // main is the process's entry (exempt from the cancel rules); moved, it is not any more.
    // A synchronized method's body runs holding its object's (or class's) monitor; moved, it
    // holds another object's or none.
    if (!classLike
        || mayOverride(method)
        || isMain(method)
        || method.isSynchronized()
        || Statements.dependsOnItsClass(method.getBody().get(), Set.of())) {
      return Optional.empty();
    }
    return Optional.of(method);
  }

  /**
   * Whether other code may call the method (then a delegate must stay): code of the file or of
   * the test's other files that names it.
   */
  static boolean calledElsewhere(MethodDeclaration method) {
    String name = method.getNameAsString();
    CompilationUnit unit = method.findCompilationUnit().orElseThrow();
    if (SourceFacts.namesUsedByOtherFiles(unit).contains(name)) {
      return true;
    }
    return unit.findAll(Node.class, n -> (n instanceof MethodCallExpr c && c.getNameAsString().equals(name))
            || (n instanceof MethodReferenceExpr r && r.getIdentifier().equals(name)))
        .stream()
        .anyMatch(use -> !method.isAncestorOf(use));
  }

  private static boolean isMain(MethodDeclaration method) {
    return method.getNameAsString().equals("main") && method.isStatic() && method.getParameters().size() == 1;
  }

  private static boolean mayOverride(MethodDeclaration method) {
    if (method.isStatic() || method.isPrivate()) {
      return false;
    }
    TypeDeclaration<?> owner = CaseMembers.owner(method);
    boolean hasSupertypes =
        (owner instanceof ClassOrInterfaceDeclaration c && (!c.getExtendedTypes().isEmpty() || !c.getImplementedTypes().isEmpty()))
            || (owner instanceof EnumDeclaration e && !e.getImplementedTypes().isEmpty())
            || (owner instanceof RecordDeclaration r && !r.getImplementedTypes().isEmpty());
    return hasSupertypes || method.getAnnotationByName("Override").isPresent();
  }

  /**
   * Whether the body can end normally as far as its last statement shows: an initializer must.
   * Not a body that ends in {@code throw} or in a loop whose condition is {@code true}.
   */
  static boolean endsNormally(BlockStmt body) {
    if (body.isEmpty()) {
      return true;
    }
    Statement last = body.getStatement(body.getStatements().size() - 1);
    return !(last instanceof ThrowStmt)
        && !(last instanceof WhileStmt w && w.getCondition().toString().equals("true"))
        && !(last instanceof DoStmt d && d.getCondition().toString().equals("true"))
        && !(last instanceof ForStmt f && f.getCompare().isEmpty());
  }

  /** {@code a, b} for the method's parameters. */
  static String arguments(MethodDeclaration method) {
    return method.getParameters().stream().map(p -> p.getNameAsString()).collect(Collectors.joining(", "));
  }

  /** A class to hold the body, static where the method was. */
  static ClassOrInterfaceDeclaration holder(MethodDeclaration method, String name) {
    ClassOrInterfaceDeclaration holder = new ClassOrInterfaceDeclaration();
    holder.setName(name);
    if (method.isStatic()) {
      holder.addModifier(Modifier.Keyword.STATIC);
    }
    return holder;
  }

  /** A {@code return} of the body itself, not of a lambda or class inside it. */
  static boolean returnsEarly(MethodDeclaration method) {
    return method.findAll(ReturnStmt.class).stream()
        .anyMatch(r -> r.findAncestor(Node.class, n -> n == method || isNestedCode(n))
            .map(n -> n == method)
            .orElse(false));
  }

  private static boolean isNestedCode(Node node) {
    return node instanceof LambdaExpr
        || node instanceof LocalClassDeclarationStmt
        || (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent());
  }
}
