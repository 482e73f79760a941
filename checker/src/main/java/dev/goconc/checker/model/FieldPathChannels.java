package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;

/**
 * Channels a body names through a final field of a variable that never changes: {@code
 * car.commands} or {@code s.outbox}, where {@code car} is an effectively final local or parameter
 * and {@code commands} a final field. Within the body every such mention is the same channel, so
 * its own operations on it can be ordered on its graph as a local's are (a send after {@code
 * car.commands.close()} throws). Only the body's own code is read, not its lambdas or classes:
 * what runs elsewhere is not ordered by the body's paths. Which object the variable holds, and
 * what other code does to the channel, are not asked.
 */
public final class FieldPathChannels {
  private FieldPathChannels() {}

  /** A channel named {@code base.field}. */
  public record FieldPath(VarSymbol base, VarSymbol field) {
    public String name() {
      return base.getSimpleName() + "." + field.getSimpleName();
    }
  }

  /** A send ({@code send}, {@code trySend}) or a {@code close()} on a field path. */
  public record Operation(MethodInvocationTree call, boolean close) {}

  /** The sends and closes of the body at {@code rootPath}'s own code, by the channel they name. */
  public static Map<FieldPath, List<Operation>> in(TreePath rootPath, VisitorState state) {
    Map<FieldPath, List<Operation>> found = new LinkedHashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        FieldPath path = fieldPathOf(ASTHelpers.getReceiver(call)); // the cheap reading first
        if (path != null) {
          boolean close = GoconcApi.CHAN_CLOSE.matches(call, state);
          if (close || GoconcApi.CHAN_SEND.matches(call, state)
              || GoconcApi.CHAN_TRY_SEND.matches(call, state)) {
            found.computeIfAbsent(path, k -> new ArrayList<>()).add(new Operation(call, close));
          }
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return lambda == rootPath.getLeaf() ? super.visitLambdaExpression(lambda, null) : null;
      }

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        return null;
      }
    }.scan(rootPath.getLeaf(), null);
    return found;
  }

  /** {@code base.field} when {@code receiver} names a final field of an unchanging variable. */
  private static FieldPath fieldPathOf(ExpressionTree receiver) {
    if (!(ASTHelpers.stripParentheses(receiver) instanceof MemberSelectTree select)
        || !(ASTHelpers.stripParentheses(select.getExpression()) instanceof IdentifierTree base)
        || !(ASTHelpers.getSymbol(select) instanceof VarSymbol field)
        || field.getKind() != ElementKind.FIELD
        || (field.flags() & Flags.FINAL) == 0
        || !(ASTHelpers.getSymbol(base) instanceof VarSymbol variable)
        || !(variable.getKind() == ElementKind.LOCAL_VARIABLE
            || variable.getKind() == ElementKind.PARAMETER
            || variable.getKind() == ElementKind.BINDING_VARIABLE)
        || !ASTHelpers.isConsideredFinal(variable)) {
      return null;
    }
    return new FieldPath(variable, field);
  }
}
