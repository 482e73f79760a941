package dev.goconc.gate;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The goconc rules, found the way Error Prone finds plugins: {@code ServiceLoader<BugChecker>}
 * over the checker jar. The list of rules therefore lives only in the checker's
 * {@code @AutoService} registrations. Checks outside the {@code dev.goconc} packages (other
 * plugins on the same path) are not goconc's and are left out.
 */
final class RuleCatalog {
  private static final String GOCONC_PACKAGE = "dev.goconc.";

  private final Map<String, Rule> rulesByName;

  private RuleCatalog(List<Rule> rules) {
    this.rulesByName =
        rules.stream()
            .sorted(Comparator.comparing(Rule::name))
            .collect(
                Collectors.toMap(
                    Rule::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
  }

  static RuleCatalog load(ClassLoader loader) {
    List<Rule> rules =
        ServiceLoader.load(BugChecker.class, loader).stream()
            .map(ServiceLoader.Provider::type)
            .filter(type -> type.getName().startsWith(GOCONC_PACKAGE))
            .map(RuleCatalog::describe)
            .toList();
    return new RuleCatalog(rules);
  }

  private static Rule describe(Class<? extends BugChecker> type) {
    BugPattern pattern = type.getAnnotation(BugPattern.class);
    if (pattern == null) {
      return new Rule(type.getSimpleName(), "", Severity.WARNING, null);
    }
    String name = pattern.name().isEmpty() ? type.getSimpleName() : pattern.name();
    String link = pattern.link().isEmpty() ? null : pattern.link();
    return new Rule(name, pattern.summary(), Severity.ofBugPattern(pattern.severity().name()), link);
  }

  /** Rules sorted by name. */
  List<Rule> rules() {
    return List.copyOf(rulesByName.values());
  }

  boolean contains(String name) {
    return rulesByName.containsKey(name);
  }

  Rule get(String name) {
    return rulesByName.get(name);
  }

  boolean isEmpty() {
    return rulesByName.isEmpty();
  }
}
