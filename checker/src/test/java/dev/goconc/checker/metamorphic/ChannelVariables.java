package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The channel variables of a case that can be given another name: a local declared alone in a
 * statement list, or a parameter of the case; never assigned again. {@code declaration} is
 * the statement after which an alias can be declared (empty for a parameter: the body's start),
 * {@code scope} the statements that can see the variable after it.
 */
record ChannelVariables(String name, String type, Optional<Statement> declaration, List<Statement> scope) {

  static List<ChannelVariables> in(BodyDeclaration<?> member) {
    List<ChannelVariables> found = new ArrayList<>();
    Optional<BlockStmt> body = CaseMembers.body(member);
    if (body.isEmpty()) {
      return found;
    }
    if (member instanceof CallableDeclaration<?> callable) {
      for (Parameter parameter : callable.getParameters()) {
        String type = parameter.getType().isClassOrInterfaceType()
            ? parameter.getType().asClassOrInterfaceType().getNameAsString() : "";
        List<Statement> scope = new ArrayList<>(body.get().getStatements());
        scope.removeIf(ExplicitConstructorInvocationStmt.class::isInstance);
        add(found, member, parameter.getNameAsString(), type, Optional.empty(), scope);
      }
    }
    for (VariableDeclarator local : member.findAll(VariableDeclarator.class)) {
      if (local.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration
          && declaration.getVariables().size() == 1
          && declaration.getParentNode().orElse(null) instanceof ExpressionStmt statement
          && Statements.list(statement).isPresent()) {
        NodeList<Statement> list = Statements.list(statement).get();
        List<Statement> scope = new ArrayList<>(list.subList(list.indexOf(statement) + 1, list.size()));
        add(found, member, local.getNameAsString(), DeclaredTypes.of(local), Optional.of(statement), scope);
      }
    }
    return found;
  }

  private static void add(
      List<ChannelVariables> found,
      BodyDeclaration<?> member,
      String name,
      String type,
      Optional<Statement> declaration,
      List<Statement> scope) {
    boolean assigned =
        !member.findAll(AssignExpr.class, a -> a.getTarget().toString().equals(name)).isEmpty();
    boolean shadowed =
        scope.stream().anyMatch(s -> !s.findAll(Node.class, n -> declares(n, name)).isEmpty());
    if (DeclaredTypes.CHANNELS.contains(type) && !assigned && !shadowed) {
      found.add(new ChannelVariables(name, type, declaration, scope));
    }
  }

  /** The uses of the variable in its scope. */
  List<NameExpr> uses() {
    List<NameExpr> uses = new ArrayList<>();
    for (Statement statement : scope) {
      uses.addAll(statement.findAll(NameExpr.class, n -> n.getNameAsString().equals(name)));
    }
    return uses;
  }

  /** True when a new name would clash with one the member already uses. */
  static boolean taken(BodyDeclaration<?> member, String name) {
    return !member.findAll(Node.class, n -> declares(n, name) || (n instanceof NameExpr e && e.getNameAsString().equals(name))).isEmpty();
  }

  private static boolean declares(Node node, String name) {
    return (node instanceof VariableDeclarator v && v.getNameAsString().equals(name))
        || (node instanceof Parameter p && p.getNameAsString().equals(name));
  }

  /** Declares {@code statement} where the variable is first visible. */
  void declareAlias(BodyDeclaration<?> member, Statement statement) {
    if (declaration.isPresent()) {
      Statements.insertAfter(declaration.get(), List.of(statement));
    } else if (!scope.isEmpty()) {
      Statements.insertBefore(scope.get(0), List.of(statement));
    } else {
      CaseMembers.body(member).orElseThrow().addStatement(statement);
    }
  }
}
