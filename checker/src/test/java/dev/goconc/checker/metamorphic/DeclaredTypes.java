package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The goconc type of a name, read from its declarations without compiling: the declared type's
 * simple name ({@code Chan}, {@code WaitGroup}...), or for {@code var} the factory that made it.
 * A name declared with two different types in the member (or its class's fields) is unknown.
 */
final class DeclaredTypes {
  static final Set<String> CHANNELS = Set.of("Chan", "SendChan", "RecvChan");
  static final Set<String> GOCONC =
      Set.of("Chan", "SendChan", "RecvChan", "WaitGroup", "ErrGroup", "Context", "CancelContext",
          "CancelFunc", "Ticker", "Timer");

  private DeclaredTypes() {}

  static Optional<String> of(Expression expression) {
    if (!(expression instanceof NameExpr name)) {
      return Optional.empty();
    }
    String wanted = name.getNameAsString();
    Set<String> types = new HashSet<>();
    Node member = outermostMember(name);
    for (VariableDeclarator variable :
        member.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(wanted))) {
      types.add(typeOf(variable.getType(), variable.getInitializer()));
    }
    for (Parameter parameter : member.findAll(Parameter.class, p -> p.getNameAsString().equals(wanted))) {
      types.add(typeOf(parameter.getType(), Optional.empty()));
    }
    if (types.isEmpty()) {
      for (Node type = member.getParentNode().orElse(null);
          type instanceof TypeDeclaration<?> owner;
          type = owner.getParentNode().orElse(null)) {
        for (FieldDeclaration field : owner.getFields()) {
          for (VariableDeclarator variable : field.getVariables()) {
            if (variable.getNameAsString().equals(wanted)) {
              types.add(typeOf(variable.getType(), variable.getInitializer()));
            }
          }
        }
      }
    }
    return types.size() == 1 ? Optional.ofNullable(types.iterator().next()).filter(t -> !t.isEmpty()) : Optional.empty();
  }

  /** The type a declaration gives its variable, or "" when it cannot be read. */
  static String of(VariableDeclarator variable) {
    return typeOf(variable.getType(), variable.getInitializer());
  }

  static boolean isChannel(Expression expression) {
    return of(expression).map(CHANNELS::contains).orElse(false);
  }

  /** The member of a named type that holds the node (a method of a local class counts as its member's). */
  static Node outermostMember(Node node) {
    Node member = node;
    for (Node up = node; up != null; up = up.getParentNode().orElse(null)) {
      if (up instanceof BodyDeclaration<?> && !(up instanceof TypeDeclaration<?>)) {
        member = up;
      }
    }
    return member;
  }

  private static String typeOf(Type type, Optional<Expression> initializer) {
    if (type instanceof ClassOrInterfaceType declared) {
      return declared.getNameAsString();
    }
    if (type.isVarType() && initializer.isPresent()) {
      return madeBy(initializer.get());
    }
    return "";
  }

  private static String madeBy(Expression initializer) {
    if (initializer instanceof ObjectCreationExpr creation) {
      return creation.getType().getNameAsString();
    }
    if (initializer instanceof MethodCallExpr call) {
      String scope = call.getScope().map(Object::toString).orElse("");
      return switch (scope + "." + call.getNameAsString()) {
        case "Chan.make" -> "Chan";
        case "ErrGroup.withContext" -> "ErrGroup";
        case "Time.newTicker" -> "Ticker";
        case "Time.newTimer" -> "Timer";
        default -> switch (call.getNameAsString()) {
          case "recvOnly" -> "RecvChan";
          case "sendOnly" -> "SendChan";
          default -> "";
        };
      };
    }
    return "";
  }
}
