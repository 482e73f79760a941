package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Optional;

/**
 * Moves a case's whole body into a statement that runs it exactly once: a switch arm or a catch
 * block. A constructor's {@code this(...)}/{@code super(...)} call stays first.
 */
abstract class WrappedBody implements Transformation {
  /** The wrapping statement, with {@code BODY();} where the body goes. */
  abstract String wrapper();

  @Override
  public final Optional<Rewritten> apply(BodyDeclaration<?> member) {
    Optional<BlockStmt> body = CaseMembers.body(member);
    if (body.isEmpty() || body.get().isEmpty()) {
      return Optional.empty();
    }
    NodeList<Statement> statements = body.get().getStatements();
    NodeList<Statement> kept = new NodeList<>();
    while (!statements.isEmpty() && statements.get(0) instanceof ExplicitConstructorInvocationStmt) {
      kept.add(statements.remove(0));
    }
    if (statements.isEmpty()) {
      return Optional.empty();
    }
    Statement wrapper = Java.statement(wrapper());
    BlockStmt slot =
        wrapper.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("BODY"))
            .flatMap(c -> c.findAncestor(BlockStmt.class))
            .orElseThrow();
    NodeList<Statement> moved = new NodeList<>();
    statements.forEach(s -> moved.add(s.clone()));
    slot.setStatements(moved);
    kept.add(wrapper);
    body.get().setStatements(kept);
    return Rewritten.inPlace(member, true);
  }

  /** {@code switch (0) { case 0 -> { body } default -> throw ...; }} */
  static final class BodyInSwitchArm extends WrappedBody {
    @Override
    String wrapper() {
      return "switch (0) { case 0 -> { BODY(); } default -> throw new IllegalStateException(); }";
    }

    @Override
    public String name() {
      return "BodyInSwitchArm";
    }
  }

  /** {@code try { throw new IllegalStateException(); } catch (IllegalStateException e) { body }} */
  static final class BodyInCatchBlock extends WrappedBody {
    @Override
    String wrapper() {
      return "try { throw new IllegalStateException(); } catch (IllegalStateException mmCaught) { BODY(); }";
    }

    @Override
    public String name() {
      return "BodyInCatchBlock";
    }
  }
}
