package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * The methods of the unit that hand out a field channel as a {@link GoconcApi#RECV_CHAN}: Go's
 * {@code func (s *Stopper) ShouldQuiesce() <-chan struct{} { return s.quiescer }}, in Java
 * {@code RecvChan<Void> shouldQuiesce() { return quiescer; }}.
 *
 * <p>Such an accessor lets the field leave the class, but only to be received from: code that
 * holds the result cannot send on it or close it. So "no code sends on or closes this field" is
 * still a claim about every use of a field that leaves only this way, and a receive on the
 * accessor's result ({@code repl.store().stopper().shouldQuiesce().receive()}) is a receive on
 * the field — of whichever object the call is on; the claims that read it hold for every object
 * of the class alike.
 *
 * <p>An accessor is a method whose body is the one statement {@code return f;} (or {@code
 * this.f}, or {@code f.recvOnly()}) for a channel field {@code f}, whose declared return type is
 * the receive-only view, and whose calls run this body: it is declared in this unit and cannot be
 * overridden ({@link ParameterEffects#summarisable}). Anything else is an ordinary escape.
 */
public final class ReceiveOnlyAccessors {
  private ReceiveOnlyAccessors() {}

  /** The field a call of an accessor hands out, when {@code call} is one. */
  public static Optional<VarSymbol> fieldOf(MethodInvocationTree call, VisitorState state) {
    if (!call.getArguments().isEmpty()
        || !(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)) {
      return Optional.empty();
    }
    return GoroutineBodies.declarationInUnit(method, state)
        .flatMap(declaration -> fieldOf(declaration, state))
        .filter(field -> ParameterEffects.summarisable(method, state));
  }

  /** The field {@code method} hands out receive-only, when it is an accessor's declaration. */
  public static Optional<VarSymbol> fieldOf(MethodTree method, VisitorState state) {
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    if (symbol == null || method.getBody() == null || !method.getParameters().isEmpty()
        || !returnsReceiveOnly(symbol, state)) {
      return Optional.empty();
    }
    List<? extends StatementTree> body = method.getBody().getStatements();
    if (body.size() != 1 || !(body.get(0) instanceof ReturnTree ret)
        || ret.getExpression() == null) {
      return Optional.empty();
    }
    VarSymbol named =
        ChannelUses.namedChannel(ret.getExpression(), ChannelKind.GOCONC, state);
    return named != null && named.getKind() == ElementKind.FIELD
            && named.owner == symbol.owner && !ASTHelpers.isStatic(named)
        ? Optional.of(named)
        : Optional.empty();
  }

  private static boolean returnsReceiveOnly(MethodSymbol method, VisitorState state) {
    Type recvChan = GoconcApi.RECV_CHAN_TYPE.get(state);
    return recvChan != null && method.getReturnType().tsym == recvChan.tsym;
  }
}
