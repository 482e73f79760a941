package dev.goconc.checker.metamorphic;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's metamorphic suite: every case of every rule test, and of the GoKer kernels
 * ({@link KernelCases}), rewritten by each {@link Transformation} that applies to it, must keep
 * its verdict, or be listed in the known-misses file (which must then stay true). See
 * {@code metamorphic/README.md} in the test resources.
 */
final class MetamorphicSuiteTest {
  private static final Path RULE_TESTS = Path.of("src/test/java/dev/goconc/checker");
  private static final Path SUMMARY = Path.of("target/metamorphic/summary.md");

  @Test
  void everyVariantKeepsItsCasesVerdictOrIsAKnownMiss() throws IOException {
    long cpuBefore = MetamorphicRun.threadCpuMillis();
    MetamorphicRun run = MetamorphicRun.of(RULE_TESTS, Transformations.ALL);
    long cpuMillis = MetamorphicRun.threadCpuMillis() - cpuBefore;
    writeSummary(run, cpuMillis);
    writeMisses(run);

    assertTrue(run.cases > 200, "the suite judged only " + run.cases + " cases; see " + SUMMARY);
    assertEquals(List.of(), run.notCompiling, "variants that do not compile: tighten the transformation's precondition or exclude the case by name in Exclusions");
    for (Transformation transformation : Transformations.ALL) {
      boolean applied = run.tallies.values().stream().anyMatch(t -> t.byTransformation.containsKey(transformation.name()));
      assertTrue(applied, transformation.name() + " applies to no case any more");
    }
    Set<String> misses = run.misses.stream().map(MetamorphicRun.Miss::line).collect(Collectors.toCollection(TreeSet::new));
    if (KnownMisses.writeRequested()) {
      KnownMisses.write(misses);
      return;
    }
    Set<String> listed = KnownMisses.read();
    Set<String> newMisses = new TreeSet<>(misses);
    newMisses.removeAll(listed);
    Set<String> nowKept = new TreeSet<>(listed);
    nowKept.removeAll(misses);
    if (!newMisses.isEmpty() || !nowKept.isEmpty()) {
      fail("Verdicts changed against " + KnownMisses.FILE + ".\n"
          + "New misses (a variant that now changes its case's verdict):\n  " + String.join("\n  ", newMisses) + "\n"
          + "Listed misses that no longer happen (good: drop them):\n  " + String.join("\n  ", nowKept) + "\n"
          + "If every change is intended, regenerate the file with -D" + KnownMisses.WRITE_PROPERTY + "=true"
          + " (see its header) and review the diff.");
    }
  }

  /** Each miss as its original and its variant, to read side by side: target/metamorphic/misses. */
  private static void writeMisses(MetamorphicRun run) throws IOException {
    Path directory = SUMMARY.resolveSibling("misses");
    int n = 0;
    for (MetamorphicRun.Miss miss : run.misses) {
      Path prefix = directory.resolve(miss.transformation()).resolve(miss.rule() + "-" + ++n);
      Files.createDirectories(prefix.getParent());
      String header = "// " + miss.line() + "\n";
      Files.writeString(Path.of(prefix + "-original.java"), header + miss.original(), UTF_8);
      Files.writeString(Path.of(prefix + "-variant.java"), header + miss.variant(), UTF_8);
    }
  }

  private static void writeSummary(MetamorphicRun run, long cpuMillis) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("Cases judged: ").append(run.cases).append("; variants judged: ").append(run.variants)
        .append("; verdict changes: ").append(run.misses.size()).append("; CPU of the suite's thread: ")
        .append(cpuMillis).append(" ms, of which javac and the rules ").append(run.compileCpuMillis)
        .append(" ms.\n\n");
    text.append(ResultsTable.markdown(run)).append('\n');
    text.append("Left out:\n");
    run.skips.byReason().forEach((reason, what) -> text.append("- ").append(reason).append(": ").append(what.size()).append('\n'));
    text.append("\nNot compiling:\n");
    run.notCompiling.forEach(line -> text.append("- ").append(line).append('\n'));
    text.append("\nDetails of what was left out:\n");
    run.skips.byReason().forEach((reason, what) -> text.append("- ").append(reason).append(": ").append(what).append('\n'));
    Files.createDirectories(SUMMARY.getParent());
    Files.writeString(SUMMARY, text, UTF_8);
    System.out.println(text);
  }
}
