package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A loop of a constant number of goroutine launches, and the same launches written out. */
final class LaunchLoops {
  private static final int MOST_COPIES = 8;

  private LaunchLoops() {}

  static boolean launches(Node code) {
    return !code.findAll(MethodCallExpr.class, Launches::isLaunch).isEmpty();
  }

  /**
   * {@code for (int i = K; i < N; i++) body} (or {@code <=}, {@code ++i}, {@code i += 1}) that
   * launches, with constant bounds, 2 to 8 rounds, a body that does not assign {@code i} and
   * does not {@code break} or {@code continue} this loop, becomes one block per round:
   * {@code { int i = K; body } { int i = K + 1; body } ...}.
   */
  static final class UnrollLaunchLoop implements Transformation {
    @Override
    public Optional<Rewritten> apply(BodyDeclaration<?> member) {
      boolean changed = false;
      for (ForStmt loop : Nodes.innermostFirst(member, ForStmt.class, l -> launches(l.getBody()))) {
        Optional<Rounds> rounds = rounds(loop);
        if (rounds.isEmpty() || loop.getParentNode().orElse(null) instanceof LabeledStmt || leavesEarly(loop.getBody())) {
          continue;
        }
        BlockStmt unrolled = new BlockStmt();
        for (int i = rounds.get().first(); i < rounds.get().first() + rounds.get().count(); i++) {
          BlockStmt round = new BlockStmt();
          round.addStatement(Java.statement("int " + rounds.get().variable() + " = " + i + ";"));
          round.addStatement(loop.getBody().clone());
          unrolled.addStatement(round);
        }
        loop.replace(unrolled);
        changed = true;
      }
      return changed ? Optional.of(Rewritten.of(false, member)) : Optional.empty();
    }

    private record Rounds(String variable, int first, int count) {}

    private static Optional<Rounds> rounds(ForStmt loop) {
      if (loop.getInitialization().size() != 1
          || !(loop.getInitialization().get(0) instanceof VariableDeclarationExpr init)
          || init.getVariables().size() != 1
          || loop.getUpdate().size() != 1
          || loop.getCompare().isEmpty()) {
        return Optional.empty();
      }
      VariableDeclarator variable = init.getVariable(0);
      String name = variable.getNameAsString();
      Optional<Integer> first = variable.getInitializer().flatMap(UnrollLaunchLoop::constant);
      if (!variable.getType().asString().equals("int")
          || first.isEmpty()
          || !isIncrement(loop.getUpdate().get(0), name)
          || !(loop.getCompare().get() instanceof BinaryExpr compare)
          || !compare.getLeft().toString().equals(name)) {
        return Optional.empty();
      }
      Optional<Integer> bound = constant(compare.getRight());
      if (bound.isEmpty()) {
        return Optional.empty();
      }
      int end = switch (compare.getOperator()) {
        case LESS -> bound.get();
        case LESS_EQUALS -> bound.get() + 1;
        default -> Integer.MIN_VALUE;
      };
      int count = end - first.get();
      boolean assigned = !loop.getBody().findAll(Node.class, n -> assigns(n, name)).isEmpty();
      return count >= 2 && count <= MOST_COPIES && !assigned
          ? Optional.of(new Rounds(name, first.get(), count))
          : Optional.empty();
    }

    private static Optional<Integer> constant(Expression expression) {
      return expression instanceof IntegerLiteralExpr literal ? Optional.of(literal.asNumber().intValue()) : Optional.empty();
    }

    private static boolean isIncrement(Expression update, String name) {
      if (update instanceof UnaryExpr unary) {
        return (unary.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
                || unary.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT)
            && unary.getExpression().toString().equals(name);
      }
      return update instanceof AssignExpr assign
          && assign.getOperator() == AssignExpr.Operator.PLUS
          && assign.getTarget().toString().equals(name)
          && assign.getValue().toString().equals("1");
    }

    private static boolean assigns(Node node, String name) {
      if (node instanceof AssignExpr assign) {
        return assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name);
      }
      return node instanceof UnaryExpr unary
          && unary.getExpression() instanceof NameExpr target
          && target.getNameAsString().equals(name)
          && unary.getOperator() != UnaryExpr.Operator.MINUS
          && unary.getOperator() != UnaryExpr.Operator.PLUS
          && unary.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && unary.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT;
    }

    /** A break or continue (labeled or not) that could leave or skip a round of this loop. */
    private static boolean leavesEarly(Statement body) {
      for (Node jump : body.findAll(Node.class, n -> n instanceof BreakStmt || n instanceof ContinueStmt)) {
        boolean labeled = jump instanceof BreakStmt b ? b.getLabel().isPresent() : ((ContinueStmt) jump).getLabel().isPresent();
        if (labeled || !insideInnerLoopOrSwitch(jump, body)) {
          return true;
        }
      }
      return false;
    }

    private static boolean insideInnerLoopOrSwitch(Node jump, Statement body) {
      for (Node up = jump.getParentNode().orElse(null); up != null && up != body.getParentNode().orElse(null);
          up = up.getParentNode().orElse(null)) {
        if (up instanceof ForStmt || up instanceof ForEachStmt || up instanceof WhileStmt
            || up instanceof DoStmt || up instanceof SwitchStmt || up instanceof LambdaExpr) {
          return up != body.getParentNode().orElse(null);
        }
      }
      return false;
    }
  }

  /**
   * Two to eight launch statements in a row that are the same but for one literal become a loop:
   * {@code Go.go(() -> ch.send("a")); Go.go(() -> ch.send("b"));} is
   * {@code for (var mmValue : java.util.List.of("a", "b")) { Go.go(() -> ch.send(mmValue)); }},
   * and identical ones {@code for (int mmRound = 0; mmRound < n; mmRound++) { statement }}.
   */
  static final class RollLaunches implements Transformation {
    @Override
    public Optional<Rewritten> apply(BodyDeclaration<?> member) {
      boolean changed = false;
      for (BlockStmt block : Nodes.innermostFirst(member, BlockStmt.class, b -> true)) {
        NodeList<Statement> statements = block.getStatements();
        for (int i = 0; i < statements.size(); i++) {
          Statement first = statements.get(i);
          if (!(first instanceof ExpressionStmt) || !launches(first)) {
            continue;
          }
          int n = 1;
          OptionalInt differing = OptionalInt.empty();
          while (i + n < statements.size() && n < MOST_COPIES) {
            Optional<OptionalInt> difference = difference(first, statements.get(i + n));
            if (difference.isEmpty() || (n > 1 && !difference.get().equals(differing))) {
              break;
            }
            differing = difference.get();
            n++;
          }
          if (n < 2) {
            continue;
          }
          Statement loop = differing.isPresent()
              ? valuesLoop(statements.subList(i, i + n), differing.getAsInt())
              : Java.statement("for (int mmRound = 0; mmRound < " + n + "; mmRound++) { " + first + " }");
          for (int k = 1; k < n; k++) {
            statements.remove(i + 1);
          }
          statements.set(i, loop);
          changed = true;
        }
      }
      return changed ? Optional.of(Rewritten.of(false, member)) : Optional.empty();
    }

    private static Statement valuesLoop(List<Statement> launches, int literal) {
      StringBuilder values = new StringBuilder();
      for (Statement launch : launches) {
        values.append(values.length() == 0 ? "" : ", ").append(literals(launch).get(literal));
      }
      Statement body = launches.get(0).clone();
      literals(body).get(literal).replace(new NameExpr("mmValue"));
      Statement loop = Java.statement("for (var mmValue : java.util.List.of(" + values + ")) {}");
      loop.findFirst(BlockStmt.class).orElseThrow().addStatement(body);
      return loop;
    }

    /**
     * Empty if the statements differ in more than one literal (or in anything else); else the
     * index of the one literal of the same kind that differs, or none if they are the same.
     */
    private static Optional<OptionalInt> difference(Statement a, Statement b) {
      List<LiteralExpr> inA = literals(a);
      List<LiteralExpr> inB = literals(b);
      if (inA.size() != inB.size() || !shape(a).equals(shape(b))) {
        return Optional.empty();
      }
      OptionalInt differing = OptionalInt.empty();
      for (int k = 0; k < inA.size(); k++) {
        if (!inA.get(k).toString().equals(inB.get(k).toString())) {
          if (differing.isPresent() || inA.get(k).getClass() != inB.get(k).getClass()) {
            return Optional.empty();
          }
          differing = OptionalInt.of(k);
        }
      }
      return Optional.of(differing);
    }

    private static List<LiteralExpr> literals(Statement statement) {
      return statement.findAll(LiteralExpr.class, l -> !(l instanceof NullLiteralExpr));
    }

    /** The statement without comments and with every literal blanked. */
    private static String shape(Statement statement) {
      Statement copy = statement.clone();
      copy.getAllContainedComments().forEach(c -> c.remove());
      copy.removeComment();
      literals(copy).forEach(l -> l.replace(new NameExpr("mmLiteral")));
      return copy.toString();
    }
  }
}
