package dev.goconc.checker.metamorphic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each transformation writes, on small sources (no compiler: the suite compiles). */
final class TransformationsTest {
  private static final String SOURCE =
      """
      import dev.goconc.*;
      class A {
        void m(int n) {
          Chan<Integer> ch = Chan.make();
          Go.go(() -> ch.send(n));
          Go.go(() -> ch.send(1));
          Go.go(() -> ch.send(2));
          for (int v : ch) {
            System.out.println(v);
          }
          ch.close();
        }
      }
      """;

  @Test
  void lambdaBecomesAnAnonymousRunnable() {
    assertTrue(rewrite(new LambdaToAnonymousClass()).contains("Go.go(new Runnable() {"));
  }

  @Test
  void lambdaIsLaunchedThroughAMethodReference() {
    String rewritten = rewrite(new LambdaToMethodReference());
    assertTrue(rewritten.contains("Runnable mmBody1 = () -> ch.send(n);"), rewritten);
    assertTrue(rewritten.contains("Go.go(mmBody1::run);"), rewritten);
  }

  @Test
  void sendAndCloseGoThroughMethodReferences() {
    assertTrue(rewrite(new SendThroughForEach()).contains("java.util.Collections.singletonList(n).forEach(ch::send)"));
    assertTrue(rewrite(new CloseThroughMethodReference()).contains("Runnable mmClose1 = ch::close;"));
  }

  @Test
  void channelIsAliasedAndNarrowed() {
    String aliased = rewrite(new AliasChannelWithVar());
    assertTrue(aliased.contains("var chAlias = ch;") && aliased.contains("chAlias.close();"), aliased);
    String narrowed = rewrite(new NarrowChannelInLocals());
    assertTrue(narrowed.contains("var chRecv = ch.recvOnly();"), narrowed);
    assertTrue(narrowed.contains("for (int v : chRecv)") && narrowed.contains("chSend.close();"), narrowed);
  }

  @Test
  void launchesThatDifferInOneLiteralAreRolledIntoALoop() {
    String rolled = rewrite(new LaunchLoops.RollLaunches());
    assertTrue(rolled.contains("for (var mmValue : java.util.List.of(1, 2))"), rolled);
  }

  @Test
  void bodyMovesIntoAnInitializerOnlyWhereNothingCallsIt() {
    assertEquals(Optional.empty(), apply(new BodyIntoInitializer(), SOURCE));
    String parameterless = SOURCE.replace("void m(int n)", "void m()").replace("send(n)", "send(0)");
    assertTrue(apply(new BodyIntoInitializer(), parameterless).orElseThrow().startsWith("{"));
  }

  @Test
  void ifChoosingAValueBecomesAConditionalOrASwitch() {
    String source =
        """
        class B {
          int m(boolean c) {
            if (c) {
              return 1;
            }
            return 2;
          }
        }
        """;
    assertTrue(apply(new ChoiceBetweenValues.IfToConditional(), source).orElseThrow().contains("return (c) ? (1) : (2);"));
    assertTrue(apply(new ChoiceBetweenValues.IfToSwitchExpression(), source).orElseThrow()
        .contains("switch(Boolean.toString(c))"));
  }

  private static String rewrite(Transformation transformation) {
    return apply(transformation, SOURCE).orElseThrow();
  }

  /** The rewritten case member (or members) as text, or empty when it does not apply. */
  private static Optional<String> apply(Transformation transformation, String source) {
    CompilationUnit unit = Java.parse(source);
    BodyDeclaration<?> member = CaseMembers.in(unit).get(0);
    return transformation.apply(member)
        .map(rewritten -> String.join("\n", rewritten.members().stream().map(Object::toString).toList()));
  }
}
