package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The golden list: every finding of the gate over {@code examples/}, one {@code path:line: Rule}
 * line each, sorted, in {@code examples/expected-findings.txt}. A new or a vanished finding
 * fails, so a change in any rule's precision or recall shows up in review.
 * {@code -Dgoconc.updateGolden=true} rewrites the file from the gate's output instead.
 */
final class GoldenFindingsTest {
  private static final Path REPOSITORY =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
  private static final Path EXAMPLES = REPOSITORY.resolve("examples");
  private static final Path GOLDEN = EXAMPLES.resolve("expected-findings.txt");

  @Test
  void findingsOverExamplesMatchTheGoldenList() throws IOException {
    List<String> actual = hasJavaSources(EXAMPLES) ? findingsOverExamples() : List.of();

    if (Boolean.getBoolean("goconc.updateGolden")) {
      Files.writeString(GOLDEN, actual.stream().map(line -> line + "\n").collect(Collectors.joining()));
      return;
    }
    List<String> expected =
        Files.exists(GOLDEN)
            ? Files.readAllLines(GOLDEN).stream().filter(line -> !line.isBlank()).toList()
            : List.of();
    List<String> added = new ArrayList<>(actual);
    added.removeAll(expected);
    List<String> vanished = new ArrayList<>(expected);
    vanished.removeAll(actual);
    if (!added.isEmpty() || !vanished.isEmpty()) {
      fail(
          "the gate's findings over examples/ differ from examples/expected-findings.txt"
              + " (rerun with -Dgoconc.updateGolden=true if the change is intended)\n"
              + "new:" + listed(added) + "\nvanished:" + listed(vanished));
    }
    assertEquals(expected, actual, "same findings, but the golden file is not sorted");
  }

  private static List<String> findingsOverExamples() throws IOException {
    GateRun run =
        GateRun.in(
            REPOSITORY,
            "--format", "json",
            "--fail-on", "none",
            "--root", REPOSITORY.toString(),
            "--classpath", dependencyJars(),
            // Not "examples", which holds a pom.xml and would be checked as that module, without mistakes/.
            "examples/src",
            "examples/mistakes");
    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    List<String> lines = new ArrayList<>();
    for (JsonNode finding : new ObjectMapper().readTree(run.out()).get("findings")) {
      lines.add(
          finding.get("path").asText() + ":" + finding.get("line").asInt() + ": "
              + finding.get("rule").asText());
    }
    assertTrue(lines.stream().allMatch(line -> line.startsWith("examples/")), lines::toString);
    return lines;
  }

  private static String listed(List<String> lines) {
    return lines.isEmpty() ? " (none)" : "\n  " + String.join("\n  ", lines);
  }

  /** The examples compile against the runtime and JUnit, which this test's classpath holds. */
  private static String dependencyJars() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean hasJavaSources(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(
          f -> f.toString().endsWith(".java") && !REPOSITORY.relativize(f).toString().contains("/target/"));
    }
  }
}
