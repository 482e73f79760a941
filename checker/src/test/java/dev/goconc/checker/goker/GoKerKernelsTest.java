package dev.goconc.checker.goker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's GoKer corpus: real concurrency bugs from Go projects, reduced by GoKer to kernels and
 * written again with goconc (test resources {@code goker/}, see its README), each with its fixed
 * twin. All of them are compiled once with every goconc rule in strict mode, and:
 *
 * <ul>
 *   <li>a fixed twin draws no finding (precision: the fix is the correct code that looks most
 *       like the bug);
 *   <li>the kernels whose marked bug a rule flags (a marked line, or a loop that repeats the
 *       marked operation) are exactly those {@code reached.txt} lists, with that rule;
 *   <li>every finding elsewhere in a buggy kernel is listed, with a decision, in
 *       {@code off-bug-findings.txt};
 *   <li>docs/goker.md names exactly the reached kernels, the 23 chosen ones and the others
 *       written beside them.
 * </ul>
 *
 * After a rule change, regenerate both lists with {@code -Dgoker.write=true} and review the diff
 * (and the page).
 */
final class GoKerKernelsTest {
  /** Every finding with its message, to read after a run. */
  private static final Path FINDINGS = Path.of("target/goker/findings.txt");

  private static List<Kernel> kernels;
  private static KernelFindings outcome;

  @BeforeAll
  static void compileAll(@TempDir Path classes) {
    kernels = Kernels.all();
    outcome = KernelFindings.of(kernels, classes);
    outcome.writeReport(FINDINGS);
    if (Ratchets.writeRequested()) {
      Ratchets.writeReached(reachedNow());
      Ratchets.writeOffBug(offBugNow());
    }
  }

  @Test
  void everyKernelAndTwinCompiles() {
    assertEquals(List.of(), outcome.compileErrors);
  }

  @Test
  void everyKernelMarksItsBugAndNoTwinDoes() {
    for (Kernel kernel : kernels) {
      assertFalse(kernel.bugLines().isEmpty(), kernel.name() + ": no \"" + Kernel.BUG_MARKER + "\" line");
      assertFalse(kernel.fixed().contains(Kernel.BUG_MARKER), kernel.name() + ": the fixed twin marks a bug");
    }
  }

  @Test
  void twentyThreeAreChosen() {
    assertEquals(23, kernels.stream().filter(Kernel::chosen).count());
  }

  @Test
  void fixedTwinsDrawNoFinding() {
    List<String> onTwins = outcome.findings.stream()
        .filter(f -> !f.buggy())
        .map(f -> f.kernel() + " Fixed.java:" + f.line() + " " + f.message())
        .toList();
    assertEquals(List.of(), onTwins, "a fixed twin is correct code: every finding on it is a false positive");
  }

  @Test
  void reachedKernelsAreExactlyTheListedOnes() {
    assertSameLines(Ratchets.REACHED.toString(), Ratchets.reached(), reachedNow(),
        "flagged on a marked line but not listed", "listed but no longer flagged on a marked line");
  }

  @Test
  void findingsOffTheBugLinesAreListedAndDecided() {
    Map<String, String> listed = Ratchets.offBug();
    assertSameLines(Ratchets.OFF_BUG.toString(), listed.keySet(), offBugNow(),
        "found but not listed", "listed but no longer found");
    Set<String> undecided = new TreeSet<>();
    listed.forEach((finding, decision) -> {
      if (decision.equals(Ratchets.UNDECIDED)) {
        undecided.add(finding);
      }
    });
    assertEquals(Set.of(), undecided, "decide each: a second real problem, or a false positive (and why)");
  }

  @Test
  void thePageNamesExactlyTheReachedKernels() {
    assertEquals(Ratchets.reached(), GoKerPage.read().kernelRules("Reached today"),
        GoKerPage.FILE + "'s 'Reached today' table against " + Ratchets.REACHED);
  }

  @Test
  void thePageNamesTheChosenKernels() {
    Set<String> chosen = kernels.stream().filter(Kernel::chosen).map(Kernel::name)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(chosen, GoKerPage.read().kernels("The 23 kernels"),
        GoKerPage.FILE + "'s table of the 23 against kernels.txt");
  }

  @Test
  void thePageNamesTheKernelsWrittenBesideTheChosenOnes() {
    Set<String> extra = kernels.stream().filter(k -> !k.chosen()).map(Kernel::name)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(extra, GoKerPage.read().kernels("Outside the 23"),
        GoKerPage.FILE + "'s table of the kernels outside the 23 against kernels.txt");
  }

  /** {@code kernel | rule} for each rule that flags the kernel's marked bug ({@link Kernel#bugReportLines}). */
  private static Set<String> reachedNow() {
    Map<String, Set<Integer>> bug = reportLines();
    Set<String> reached = new TreeSet<>();
    for (KernelFindings.Finding f : outcome.findings) {
      if (f.buggy() && bug.get(f.kernel()).contains((int) f.line())) {
        reached.add(f.kernel() + " | " + f.rule());
      }
    }
    return reached;
  }

  /** {@code kernel | rule | line} for each finding on a buggy kernel away from its marked lines. */
  private static Set<String> offBugNow() {
    Map<String, Kernel> byName = byName();
    Map<String, Set<Integer>> bug = reportLines();
    Set<String> off = new TreeSet<>();
    for (KernelFindings.Finding f : outcome.findings) {
      Kernel kernel = byName.get(f.kernel());
      if (f.buggy() && !bug.get(f.kernel()).contains((int) f.line())) {
        off.add(f.kernel() + " | " + f.rule() + " | " + kernel.buggyLine(f.line()));
      }
    }
    return off;
  }

  private static Map<String, Kernel> byName() {
    Map<String, Kernel> byName = new TreeMap<>();
    kernels.forEach(k -> byName.put(k.name(), k));
    return byName;
  }

  private static Map<String, Set<Integer>> reportLines() {
    Map<String, Set<Integer>> lines = new TreeMap<>();
    kernels.forEach(k -> lines.put(k.name(), k.bugReportLines()));
    return lines;
  }

  private static void assertSameLines(
      String file, Set<String> listed, Set<String> now, String newLabel, String goneLabel) {
    Set<String> added = new TreeSet<>(now);
    added.removeAll(listed);
    Set<String> gone = new TreeSet<>(listed);
    gone.removeAll(now);
    if (!added.isEmpty() || !gone.isEmpty()) {
      fail(file + " is stale.\n" + newLabel + ":\n  " + String.join("\n  ", added) + "\n"
          + goneLabel + ":\n  " + String.join("\n  ", gone) + "\n"
          + "If the change is intended, regenerate with\n  " + Ratchets.REGENERATE
          + "\nreview the diff, and update docs/goker.md.");
    }
  }
}
