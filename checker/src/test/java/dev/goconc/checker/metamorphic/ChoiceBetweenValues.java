package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Optional;

/**
 * An {@code if} that only chooses a value: {@code if (c) return a; else return b;} (or without
 * the else, followed by {@code return b;}), or {@code if (c) x = a; else x = b;}. Subclasses
 * write the choice as one expression: a conditional or a switch expression.
 */
abstract class ChoiceBetweenValues implements Transformation {
  /** One expression that is {@code whenTrue} if {@code condition} holds, else {@code whenFalse}. */
  abstract String choice(Expression condition, Expression whenTrue, Expression whenFalse);

  @Override
  public final Optional<Rewritten> apply(BodyDeclaration<?> member) {
    boolean changed = false;
    for (IfStmt choice : Nodes.innermostFirst(member, IfStmt.class, i -> true)) {
      changed |= rewriteReturns(choice) || rewriteAssignments(choice);
    }
    return Rewritten.inPlace(member, changed);
  }

  private boolean rewriteReturns(IfStmt choice) {
    Optional<Expression> whenTrue = single(choice.getThenStmt()).flatMap(ChoiceBetweenValues::returned);
    if (whenTrue.isEmpty()) {
      return false;
    }
    if (choice.getElseStmt().isPresent()) {
      Optional<Expression> whenFalse = single(choice.getElseStmt().get()).flatMap(ChoiceBetweenValues::returned);
      if (whenFalse.isEmpty()) {
        return false;
      }
      choice.replace(Java.statement("return " + choice(choice.getCondition(), whenTrue.get(), whenFalse.get()) + ";"));
      return true;
    }
    Optional<NodeList<Statement>> list = Statements.list(choice);
    if (list.isEmpty()) {
      return false;
    }
    int next = list.get().indexOf(choice) + 1;
    if (next >= list.get().size()) {
      return false;
    }
    Optional<Expression> whenFalse = returned(list.get().get(next));
    if (whenFalse.isEmpty()) {
      return false;
    }
    list.get().remove(next);
    choice.replace(Java.statement("return " + choice(choice.getCondition(), whenTrue.get(), whenFalse.get()) + ";"));
    return true;
  }

  private boolean rewriteAssignments(IfStmt choice) {
    if (choice.getElseStmt().isEmpty()) {
      return false;
    }
    Optional<AssignExpr> whenTrue = single(choice.getThenStmt()).flatMap(ChoiceBetweenValues::assignment);
    Optional<AssignExpr> whenFalse = single(choice.getElseStmt().get()).flatMap(ChoiceBetweenValues::assignment);
    if (whenTrue.isEmpty()
        || whenFalse.isEmpty()
        || !whenTrue.get().getTarget().toString().equals(whenFalse.get().getTarget().toString())) {
      return false;
    }
    String value = choice(choice.getCondition(), whenTrue.get().getValue(), whenFalse.get().getValue());
    choice.replace(Java.statement(whenTrue.get().getTarget() + " = " + value + ";"));
    return true;
  }

  private static Optional<Statement> single(Statement branch) {
    if (branch instanceof BlockStmt block) {
      return block.getStatements().size() == 1 ? Optional.of(block.getStatement(0)) : Optional.empty();
    }
    return Optional.of(branch);
  }

  private static Optional<Expression> returned(Statement statement) {
    return statement instanceof ReturnStmt r ? r.getExpression() : Optional.empty();
  }

  private static Optional<AssignExpr> assignment(Statement statement) {
    return statement instanceof ExpressionStmt e
            && e.getExpression() instanceof AssignExpr a
            && a.getOperator() == AssignExpr.Operator.ASSIGN
        ? Optional.of(a)
        : Optional.empty();
  }

  /** {@code c ? a : b} */
  static final class IfToConditional extends ChoiceBetweenValues {
    @Override
    String choice(Expression condition, Expression whenTrue, Expression whenFalse) {
      return "(" + condition + ") ? (" + whenTrue + ") : (" + whenFalse + ")";
    }

    @Override
    public String name() {
      return "IfToConditional";
    }
  }

  /** {@code switch (Boolean.toString(c)) { case "true" -> a; default -> b; }} */
  static final class IfToSwitchExpression extends ChoiceBetweenValues {
    @Override
    String choice(Expression condition, Expression whenTrue, Expression whenFalse) {
      return "switch (Boolean.toString(" + condition + ")) { case \"true\" -> " + whenTrue
          + "; default -> " + whenFalse + "; }";
    }

    @Override
    public String name() {
      return "IfToSwitchExpression";
    }
  }
}
