package dev.goconc.docs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goconc.checker.api.GoconcApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed pages are what the generator makes now: a changed summary, mistake file or
 * check, a new check without a page, or a page of a removed check fails here, naming the
 * command that regenerates.
 */
final class RulePagesTest {
  /** Surefire runs in the module's directory, which holds the pages. */
  private static final Path PAGES = Path.of("");
  private static final Path MISTAKES = Path.of("..", "examples", "mistakes");

  /** Generating compiles every mistake file; once per test class is enough. */
  private static Map<String, String> generated;

  private static synchronized Map<String, String> generated() {
    if (generated == null) {
      generated = RulePages.generate(MISTAKES);
    }
    return generated;
  }

  @Test
  void everyPageIsUpToDateAndEveryRuleHasOne() throws IOException {
    Map<String, String> expected = generated();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> page : expected.entrySet()) {
      Path file = PAGES.resolve(page.getKey());
      if (!Files.exists(file)) {
        problems.add(page.getKey() + " is missing");
      } else if (!Files.readString(file, UTF_8).equals(page.getValue())) {
        problems.add(page.getKey() + " is stale");
      }
    }
    try (Stream<Path> files = Files.list(PAGES.toAbsolutePath())) {
      files.map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".md") && !expected.containsKey(name))
          .forEach(name -> problems.add(name + " belongs to no check"));
    }
    assertTrue(
        problems.isEmpty(),
        "rule pages out of date: " + problems + "; regenerate with: " + RulePages.REGENERATE);
  }

  @Test
  void theSelfcheckTurnsOnEveryRule() throws IOException {
    String pom = Files.readString(Path.of("..", "selfcheck", "pom.xml"), UTF_8);
    TreeSet<String> turnedOn = new TreeSet<>();
    Matcher flag = Pattern.compile("-Xep:(\\w+)(?=[\\s<])").matcher(pom);
    while (flag.find()) {
      turnedOn.add(flag.group(1));
    }
    TreeSet<String> rules = new TreeSet<>();
    generated().keySet().stream()
        .filter(page -> !page.equals("README.md"))
        .forEach(page -> rules.add(page.substring(0, page.length() - ".md".length())));
    assertEquals(rules, turnedOn, "selfcheck/pom.xml must turn on exactly the goconc rules");
  }

  @Test
  void everyDiagnosticLinksToItsPage() {
    List<RulePages.Rule> rules = RulePages.rules();
    assertFalse(rules.isEmpty(), "no goconc check found through ServiceLoader");
    for (RulePages.Rule rule : rules) {
      assertEquals(GoconcApi.RULES_BASE_URL + rule.name() + ".md", rule.link(), rule.name());
      assertTrue(Files.exists(PAGES.resolve(rule.name() + ".md")), rule.name() + ".md");
    }
  }

  @Test
  void aPageShowsTheMistakeAndTheFixAsCompiledWithTheMarkerExplained() throws IOException {
    String page = generated().get("ContextInField.md");

    assertTrue(page.startsWith("# ContextInField\n\n**Severity:** WARNING"), page);
    assertTrue(page.contains("private final Context ctx; // ContextInField flags this line"), page);
    assertTrue(page.contains("String fetch(Context ctx, String url) {"), page);
    assertTrue(
        page.contains("> `ContextInField.java:19`: Context stored in field 'ctx' outlives"), page);
    assertTrue(page.contains("The check offers no automatic fix"), page);
    assertTrue(page.contains("`@SuppressWarnings(\"ContextInField\")`"), page);
    assertTrue(page.contains("`-Xep:ContextInField:OFF`"), page);
    assertTrue(page.contains("## The Go analyzer it mirrors\n\ncontainedctx\n"), page);
    assertFalse(page.contains("goconc: expect"), page);
  }

  /** Pages exist only for checks; this holds the files of rules whose checks are still to come. */
  @Test
  void everyMistakeFileHasWhatItsPageNeeds() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(MISTAKES)) {
      files = list.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      MistakeFile mistake = MistakeFile.read(file);
      String rule = file.getFileName().toString().replace(".java", "");
      assertTrue(mistake.mistakeCode().contains("// " + rule + " flags this line"), file.toString());
      assertFalse(mistake.fixCode().contains("flags this line"), file.toString());
      for (String prose :
          List.of(mistake.why(), mistake.goAnalyzer(), mistake.mistakeProse(), mistake.fixProse())) {
        assertFalse(prose.isBlank(), file.toString());
        assertFalse(prose.contains("{@"), file + ": unconverted Javadoc tag in " + prose);
      }
    }
  }

  @Test
  void aFindingIsErrorPronesMessageWithoutItsLinkAndSuggestion() {
    CheckRun.Finding finding =
        CheckRun.finding(
            7,
            """
            [LostCancel] 'ctx' is never cancelled; use try-with-resources
                (see https://example.com/LostCancel.md)
              Did you mean 'try (CancelContext ctx = Context.withCancel(p)) {'?""");

    assertEquals(new CheckRun.Finding(7, "'ctx' is never cancelled; use try-with-resources"), finding);
  }

  @Test
  void javadocBecomesMarkdown() {
    assertEquals(
        "Close in `finally`, as [Go does](https://go.dev) with `defer`.\n\nSecond paragraph.",
        JavadocMarkdown.toMarkdown(
            "Close in {@code finally}, as <a href=\"https://go.dev\">Go does</a>\n"
                + "with {@link #defer}.\n<p>Second\nparagraph."));
  }
}
