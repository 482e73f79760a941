package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.model.CrashPolicy;

/**
 * A field (instance, static, or record component) whose declared type is a goconc
 * {@code Context}. Only the field's own type is judged, never types that contain a context.
 * Quiet on the runtime's own package, on {@code CancelFunc} fields (an owner keeping the power
 * to cancel is Go's idiom), and on test code ({@code -XepCompilingTestOnlyCode}), where
 * table-test records carry contexts. No fix is offered: moving a context to a parameter
 * changes every caller.
 *
 * <p>Against containedctx (whose test data has Java counterparts in ContextInFieldTest), on
 * purpose: {@code CancelContext} and other subtypes are flagged, where containedctx matches the
 * exact type {@code context.Context}; test code is quiet, where containedctx reports it; and a
 * file that names the runtime only by fully qualified names (no {@code dev.goconc} import) is not
 * analysed at all, the price of the cheap first exit. A class that implements {@code Context}
 * (Go's embedding, which containedctx reports as a field) is not flagged: it is a context, not a
 * holder of one. Like containedctx, fields of local and anonymous classes are judged, and
 * containers of contexts (arrays, maps, suppliers, atomic references) are not.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A Context stored in a field outlives the request it belongs to; pass it as the"
        + " first parameter instead",
    severity = WARNING,
    link = GoconcApi.RULES_BASE_URL + "ContextInField.md",
    linkType = CUSTOM)
public final class ContextInField extends BugChecker implements VariableTreeMatcher {

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseVariable(tree, state));
  }

  private Description analyseVariable(VariableTree tree, VisitorState state) {
    if (state.errorProneOptions().isTestOnlyTarget()) {
      return Description.NO_MATCH;
    }
    VarSymbol symbol = ASTHelpers.getSymbol(tree);
    if (symbol == null || !(symbol.getKind().isField() || isRecordComponent(symbol))) {
      return Description.NO_MATCH;
    }
    if (!GoconcApi.mentionsRuntime(state)
        || GoconcApi.inRuntimePackage(symbol)) {
      return Description.NO_MATCH;
    }
    Type contextType = GoconcApi.CONTEXT_TYPE.get(state);
    if (contextType == null || !ASTHelpers.isSubtype(symbol.type, contextType, state)) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree)
        .setMessage(
            String.format(
                "Context stored in field '%s' outlives the call that should own it, so"
                    + " cancellation and deadlines no longer reach the work; pass the Context as"
                    + " the first parameter of the methods that need it",
                symbol.getSimpleName()))
        .build();
  }

  private static boolean isRecordComponent(VarSymbol symbol) {
    return (symbol.flags() & com.sun.tools.javac.code.Flags.RECORD) != 0;
  }
}
