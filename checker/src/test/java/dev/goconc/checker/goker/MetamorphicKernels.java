package dev.goconc.checker.goker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The kernels as sources of cases for the metamorphic suite, written as a rule test would write
 * them: every fixed twin, a negative for every rule; and each reached kernel, with a
 * {@code // BUG: Diagnostic contains:} line before each marked line (or loop) its rule flags
 * today, a positive for that rule. Unreached kernels give only their twins.
 */
public final class MetamorphicKernels {
  /** One source: the kernel, what it is checked for, the file and its text, the rules judged. */
  public record Source(String kernel, String label, String fileName, String text, List<String> rules) {}

  private static final Path CLASSES = Path.of("target/goker/metamorphic-classes");

  private MetamorphicKernels() {}

  public static List<Source> sources(Set<String> allRules) {
    List<Kernel> kernels = Kernels.all();
    Map<String, Map<String, Set<Integer>>> flagged = flaggedBugLines(kernels);
    List<Source> sources = new ArrayList<>();
    List<String> everyRule = List.copyOf(new TreeSet<>(allRules));
    for (Kernel kernel : kernels) {
      sources.add(new Source(kernel.name(), "fixed", "Fixed.java", kernel.fixed(), everyRule));
    }
    for (String line : Ratchets.reached()) {
      String[] kernelRule = line.split("\\|", -1);
      String name = kernelRule[0].strip();
      String rule = kernelRule[1].strip();
      Set<Integer> lines = flagged.getOrDefault(name, Map.of()).getOrDefault(rule, Set.of());
      Kernel kernel = kernels.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
      if (!lines.isEmpty()) {
        sources.add(new Source(name, rule, "Buggy.java", withExpectations(kernel.buggy(), lines), List.of(rule)));
      }
    }
    return sources;
  }

  /** Kernel, then rule, then the bug lines that rule flags in the buggy program. */
  private static Map<String, Map<String, Set<Integer>>> flaggedBugLines(List<Kernel> kernels) {
    Map<String, Set<Integer>> bugLines = new TreeMap<>();
    kernels.forEach(k -> bugLines.put(k.name(), k.bugReportLines()));
    Map<String, Map<String, Set<Integer>>> flagged = new TreeMap<>();
    for (KernelFindings.Finding f : KernelFindings.of(kernels, CLASSES).findings) {
      if (f.buggy() && bugLines.get(f.kernel()).contains((int) f.line())) {
        flagged.computeIfAbsent(f.kernel(), k -> new TreeMap<>())
            .computeIfAbsent(f.rule(), r -> new TreeSet<>())
            .add((int) f.line());
      }
    }
    return flagged;
  }

  /** The text with Error Prone's marker line, indented as its target, before each of the lines. */
  private static String withExpectations(String text, Set<Integer> lines) {
    List<String> all = new ArrayList<>(List.of(text.split("\n", -1)));
    for (int line : new TreeSet<>(lines).descendingSet()) {
      String target = all.get(line - 1);
      String indent = target.substring(0, target.length() - target.stripLeading().length());
      all.add(line - 1, indent + "// BUG: Diagnostic contains:");
    }
    return String.join("\n", all);
  }
}
