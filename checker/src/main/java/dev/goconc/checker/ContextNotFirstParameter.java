package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.fixes.ParameterReordering;
import dev.goconc.checker.model.CrashPolicy;
import java.util.List;
import javax.inject.Inject;

/**
 * A method or constructor whose {@code Context} parameter is not its first, against Go's
 * convention that the context leads every signature that takes one.
 *
 * <p>Decisions: several leading {@code Context} parameters are fine, and so are the types named
 * by {@code -XepOpt:ContextNotFirstParameter:AllowedBefore=<types>} (fully qualified or simple
 * names, comma separated) before them; only the first misplaced {@code Context} is reported.
 * Lambdas are not judged. An overriding method is never reported: its order is fixed by the
 * method it overrides, which is reported where it is declared when that is in this compilation
 * unit. A record's canonical constructor follows the record header (ContextInField's domain).
 * The runtime's own package is not judged.
 *
 * <p>The fix moves the parameter first and reorders the arguments of every call. It is offered
 * only when no code outside this compilation unit can call or override the method: it is private
 * or belongs to a local or anonymous class. A package-private or wider method (even in a private
 * nested class, which a subclass may expose)
 * gets no fix, since another file of its package may call it; nor does a method named by a
 * method reference, overridden in this unit, or whose calls nest inside each other.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary = "A Context parameter should be the first parameter of its method",
    severity = WARNING,
    link = GoconcApi.RULES_BASE_URL + "ContextNotFirstParameter.md",
    linkType = CUSTOM)
public final class ContextNotFirstParameter extends BugChecker implements MethodTreeMatcher {
  private final ImmutableSet<String> allowedBefore;

  public ContextNotFirstParameter() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  ContextNotFirstParameter(ErrorProneFlags flags) {
    this.allowedBefore =
        flags.getSetOrEmpty("ContextNotFirstParameter:AllowedBefore").stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(ImmutableSet.toImmutableSet());
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseMethod(tree, state));
  }

  private Description analyseMethod(MethodTree tree, VisitorState state) {
    if (!GoconcApi.mentionsRuntime(state)) {
      return Description.NO_MATCH;
    }
    List<? extends VariableTree> parameters = tree.getParameters();
    Type contextType = GoconcApi.CONTEXT_TYPE.get(state);
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    if (parameters.size() < 2 || contextType == null || method == null) {
      return Description.NO_MATCH;
    }
    if ((method.flags() & (Flags.RECORD | Flags.GENERATEDCONSTR)) != 0
        || GoconcApi.inRuntimePackage(method)
        || !ASTHelpers.findSuperMethods(method, state.getTypes()).isEmpty()) {
      return Description.NO_MATCH;
    }
    int misplaced = firstMisplacedContext(parameters, contextType, state);
    if (misplaced < 0) {
      return Description.NO_MATCH;
    }
    VariableTree parameter = parameters.get(misplaced);
    String methodName =
        method.isConstructor() ? "the constructor of " + method.owner.getSimpleName()
            : "'" + method.getSimpleName() + "'";
    Description.Builder description =
        buildDescription(parameter)
            .setMessage(
                String.format(
                    "Context parameter '%s' of %s comes after '%s', so readers and callers miss"
                        + " that the call is cancellable and pass contexts in the wrong place;"
                        + " make it the first parameter",
                    parameter.getName(),
                    methodName,
                    parameters.get(misplaced - 1).getName()));
    ParameterReordering.moveFirst(tree, method, misplaced, state)
        .ifPresent(description::addFix);
    return description.build();
  }

  /** The index of the first Context parameter that follows a parameter of another type. */
  private int firstMisplacedContext(
      List<? extends VariableTree> parameters, Type contextType, VisitorState state) {
    boolean leading = true;
    for (int i = 0; i < parameters.size(); i++) {
      Type type = ASTHelpers.getType(parameters.get(i));
      if (type == null) {
        return -1;
      }
      boolean isContext = ASTHelpers.isSubtype(type, contextType, state);
      if (isContext && !leading) {
        return i;
      }
      if (!isContext && !isAllowedBefore(type)) {
        leading = false;
      }
    }
    return -1;
  }

  private boolean isAllowedBefore(Type type) {
    if (allowedBefore.isEmpty() || type.tsym == null) {
      return false;
    }
    return allowedBefore.contains(type.tsym.getQualifiedName().toString())
        || allowedBefore.contains(type.tsym.getSimpleName().toString());
  }
}
