package dev.goconc.checker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles each file of {@code examples/mistakes/} with the check of the rule it names, so the
 * mistake shown to users really fires and its fix really is quiet. A line the rule must flag
 * ends with {@code // goconc: expect <Rule>}; each marker becomes the helper's
 * {@code // BUG: Diagnostic contains: [<Rule>]} expectation on that line, and any diagnostic on
 * an unmarked line (the fix, the helpers) fails the test. A file whose rule has no check in
 * {@code dev.goconc.checker} fails with that message, never skips. Line numbers in the helper's
 * failure messages count the inserted expectation lines: a finding reported on line N of the
 * message is on line N minus the number of markers above it in the file.
 */
final class MistakeFilesTest {
  /** Surefire runs with the checker module as its working directory. */
  private static final Path MISTAKES = Path.of("..", "examples", "mistakes");

  private static final Pattern MARKER = Pattern.compile("//\\s*goconc:\\s*expect\\s+(\\w+)\\s*$");

  @TestFactory
  Stream<DynamicTest> eachMistakeFiresOnItsMarkedLinesAndItsFixIsQuiet() throws IOException {
    List<Path> files = mistakeFiles();
    assertFalse(files.isEmpty(), "no mistake files under " + MISTAKES.toAbsolutePath());
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    MISTAKES.relativize(file).toString(), file.toUri(), () -> check(file)));
  }

  @Test
  void everyCheckHasAMistakeFile() throws IOException {
    Set<String> withFiles = new TreeSet<>();
    for (Path file : mistakeFiles()) {
      withFiles.add(ruleOf(file, Files.readAllLines(file, UTF_8)));
    }
    Set<String> checks =
        ServiceLoader.load(BugChecker.class).stream()
            .map(ServiceLoader.Provider::type)
            .filter(type -> type.getPackageName().equals(getClass().getPackageName()))
            .map(Class::getSimpleName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertFalse(checks.isEmpty(), "no goconc checks registered through @AutoService");
    Set<String> missing = new TreeSet<>(checks);
    missing.removeAll(withFiles);
    assertTrue(
        missing.isEmpty(),
        "checks without a mistake file in examples/mistakes/: " + missing);
  }

  private static void check(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, UTF_8);
    String rule = ruleOf(file, lines);
    StrictRules.compilation(checkNamed(rule, file), MistakeFilesTest.class)
        .addSourceLines("mistakes/" + file.getFileName(), withExpectations(lines))
        .doTest();
  }

  /** The rule every marker of the file names; the file name must start with it. */
  private static String ruleOf(Path file, List<String> lines) {
    Set<String> rules = new TreeSet<>();
    for (String line : lines) {
      Matcher marker = MARKER.matcher(line);
      if (marker.find()) {
        rules.add(marker.group(1));
      }
    }
    assertEquals(
        1, rules.size(), file + " must mark its mistake lines with one rule, found " + rules);
    String rule = rules.iterator().next();
    assertTrue(
        file.getFileName().toString().startsWith(rule),
        file + ": the file name must start with the rule it marks, " + rule);
    return rule;
  }

  private static Class<? extends BugChecker> checkNamed(String rule, Path file) {
    String name = MistakeFilesTest.class.getPackageName() + "." + rule;
    try {
      return Class.forName(name).asSubclass(BugChecker.class);
    } catch (ClassNotFoundException e) {
      return fail(
          "No check " + name + " for the rule marked in " + file
              + ": the rule's check is missing (or the marker misspells it)");
    } catch (ClassCastException e) {
      return fail(name + " is not an Error Prone BugChecker");
    }
  }

  /** The source with a {@code // BUG: Diagnostic contains:} line above each marked line. */
  private static String[] withExpectations(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size() + 16);
    for (String line : lines) {
      Matcher marker = MARKER.matcher(line);
      if (marker.find()) {
        out.add("// BUG: Diagnostic contains: [" + marker.group(1) + "]");
      }
      out.add(line);
    }
    return out.toArray(String[]::new);
  }

  private static List<Path> mistakeFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(MISTAKES)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
