package dev.goconc.docs;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates {@code rules-docs/<Rule>.md} for every goconc check and the index
 * {@code rules-docs/README.md}. A check is found through {@code ServiceLoader<BugChecker>} (its
 * {@code @AutoService} registration) in the package {@code dev.goconc.checker}; its
 * {@code @BugPattern} gives the name, summary and severity, and its mistake file
 * ({@code examples/mistakes/<Rule>.java}) the prose and the code. A check without a mistake file
 * is an error: every page shows a real, compiled mistake and its fix.
 *
 * <p>Usage: {@code RulePages MISTAKES_DIR OUTPUT_DIR}; the build runs it as {@link #REGENERATE}.
 */
public final class RulePages {
  /** The command that rewrites the pages; the staleness test names it. */
  public static final String REGENERATE =
      "./mvnw -q -pl rules-docs -am package -DskipTests -Pwrite-pages";

  static final String INDEX = "README.md";

  private RulePages() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: RulePages MISTAKES_DIR OUTPUT_DIR");
      System.exit(2);
    }
    Path out = Path.of(args[1]);
    Map<String, String> pages = generate(Path.of(args[0]));
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Files.writeString(out.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
    // Every .md file here is generated: the page of a removed check goes too.
    try (Stream<Path> files = Files.list(out)) {
      for (Path stale :
          files.filter(p -> p.toString().endsWith(".md"))
              .filter(p -> !pages.containsKey(p.getFileName().toString()))
              .toList()) {
        Files.delete(stale);
        System.out.println("removed " + stale.getFileName() + ": no check of that name");
      }
    }
    System.out.println("wrote " + pages.size() + " pages to " + out.toAbsolutePath().normalize());
  }

  /** Every page by file name, the index included. */
  public static Map<String, String> generate(Path mistakes) {
    Map<String, String> pages = new TreeMap<>();
    List<Rule> rules = rules();
    for (Rule rule : rules) {
      Path file = mistakes.resolve(rule.name() + ".java");
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "rule " + rule.name() + " has no mistake file " + file + ": add it before its page");
      }
      List<CheckRun.Finding> findings = CheckRun.findings(rule.check(), file);
      if (findings.isEmpty()) {
        throw new IllegalStateException(rule.name() + " reports nothing on its mistake file " + file);
      }
      Optional<String> fixed =
          CheckRun.patched(rule.check(), rule.name(), file)
              .map(source -> MistakeFile.classCode(source, MistakeFile.MISTAKE, file + " as fixed"));
      try {
        String decides =
            CheckSource.decisions(CheckSource.checksFolder(mistakes), rule.name());
        pages.put(
            rule.name() + ".md", page(rule, MistakeFile.read(file), findings, fixed, decides));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    pages.put(INDEX, index(rules));
    return pages;
  }

  /** What a page needs of a check's {@code @BugPattern}. */
  public record Rule(
      Class<? extends BugChecker> check,
      String name,
      SeverityLevel severity,
      String summary,
      String link,
      boolean plainJava) {
    /** A check's name is its class name; a {@code @BugPattern(name = ...)} must agree. */
    static Rule of(Class<? extends BugChecker> check) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      if (pattern == null) {
        throw new IllegalStateException(check.getName() + " has no @BugPattern");
      }
      String name = check.getSimpleName();
      if (!pattern.name().isEmpty() && !pattern.name().equals(name)) {
        throw new IllegalStateException(
            check.getName() + ": @BugPattern name " + pattern.name() + " is not the class name");
      }
      return new Rule(
          check,
          name,
          pattern.severity(),
          pattern.summary(),
          pattern.link(),
          List.of(pattern.tags()).contains(JdkApi.RULE_TAG));
    }
  }

  /** Every goconc check registered with {@code @AutoService}, by name. */
  public static List<Rule> rules() {
    return ServiceLoader.load(BugChecker.class).stream()
        .map(ServiceLoader.Provider::type)
        .filter(type -> type.getPackageName().equals(GoconcApi.RULES_PACKAGE))
        .map(Rule::of)
        .sorted(Comparator.comparing(Rule::name))
        .toList();
  }

  static String page(Rule rule, MistakeFile file, List<CheckRun.Finding> findings,
      Optional<String> fixed, String decides) {
    String name = rule.name();
    return """
        # %1$s

        **Severity:** %2$s · **Flags:** %3$s

        ## Why it fails at run time

        %4$s

        ## The mistake

        %5$s

        ```java
        %6$s```

        ## What the check reports

        Compiled with Error Prone and this check, the mistake above gives:

        %11$s

        ## The suggested fix

        %12$s

        ## The fix

        %7$s

        ```java
        %8$s```

        ## What the rule decides

        %13$s

        ## Turning it off

        - For one class, method or variable: `@SuppressWarnings("%1$s")`.
        - For a whole build: add `-Xep:%1$s:OFF` inside the `-Xplugin:ErrorProne …` argument;
          `-Xep:%1$s:WARN` or `-Xep:%1$s:ERROR` changes its severity instead.

        ## The Go analyzer it mirrors

        %9$s

        ---
        Generated by `dev.goconc.docs.RulePages` from the `@BugPattern` and the Javadoc of
        `checker/src/main/java/dev/goconc/checker/%1$s.java` and from
        [`examples/mistakes/%1$s.java`](../examples/mistakes/%1$s.java), which the checker's
        tests compile. Regenerate with `%10$s`.
        """
        .formatted(
            name,
            rule.severity(),
            rule.summary(),
            file.why(),
            file.mistakeProse(),
            file.mistakeCode(),
            file.fixProse(),
            file.fixCode(),
            file.goAnalyzer(),
            REGENERATE,
            reports(rule.name(), findings),
            suggestedFix(rule.name(), fixed),
            decides);
  }

  private static String reports(String name, List<CheckRun.Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (CheckRun.Finding finding : findings) {
      out.append("> `%s.java:%d`: %s\n\n".formatted(name, finding.line(), finding.message()));
    }
    return out.toString().strip();
  }

  private static String suggestedFix(String name, Optional<String> fixed) {
    if (fixed.isEmpty()) {
      return "The check offers no automatic fix for this mistake: the right change depends on"
          + " code it cannot see. Change the code as in **The fix** below.";
    }
    return """
        The check's own fix (Maven prints its first line as "Did you mean …"), applied with \
        `-XepPatchChecks:%s -XepPatchLocation:IN_PLACE`, turns the mistake into (blank lines and \
        indentation as the patch leaves them):

        ```java
        %s```""".formatted(name, fixed.get());
  }


  static String index(List<Rule> rules) {
    return """
        # goconc rules

        Each rule is an Error Prone check in `dev.goconc.checker`; its diagnostics link to the
        page below. Each page shows the mistake and its fix from `examples/mistakes/`. Which real
        Go bugs (GoKer's kernels) the rules catch today is in [docs/goker.md](../docs/goker.md).

        ## Code on the goconc runtime

        These rules read only compilation units that import from `dev.goconc`.

        %s
        ## Plain java.util.concurrent code

        The same family of mistakes without the runtime: these rules read only compilation units
        that import a type of `java.util.concurrent` itself (or import `java.util.Timer`); a unit
        that imports only atomics or locks has no task or obligation for them to judge.
        InterruptIgnoredInTaskLoop, whose tasks may be virtual threads, also reads those.

        %s
        Generated by `dev.goconc.docs.RulePages`; regenerate with `%s`.
        """
        .formatted(
            table(rules.stream().filter(rule -> !rule.plainJava()).toList()),
            table(rules.stream().filter(Rule::plainJava).toList()),
            REGENERATE);
  }

  private static String table(List<Rule> rules) {
    StringBuilder table = new StringBuilder("| Rule | Severity | What it flags |\n|---|---|---|\n");
    for (Rule rule : rules) {
      table.append(
          "| [%1$s](%1$s.md) | %2$s | %3$s |\n"
              .formatted(rule.name(), rule.severity(), rule.summary().replace("|", "\\|")));
    }
    return table.toString();
  }
}
