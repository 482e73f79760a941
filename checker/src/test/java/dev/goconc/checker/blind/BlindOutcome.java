package dev.goconc.checker.blind;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.goconc.checker.AllRulesCompilation;
import dev.goconc.checker.blind.BlindProgram.Marker;
import dev.goconc.checker.blind.BlindProgram.Scope;
import dev.goconc.checker.blind.BlindProgram.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blind set compiled in one javac run with every goconc rule in strict mode, and each finding
 * matched to a marker (see the README beside the programs for the matching rule):
 *
 * <ol>
 *   <li>a finding of rule R matches the nearest {@code BUG(R)} marker (by line) whose marked line
 *       is in the same member as the finding: the same method, constructor, field or initializer of
 *       a named type, lambdas and anonymous classes included;
 *   <li>failing that, the nearest {@code BUG(R)} marker in the same top-level type, unless the
 *       finding's member holds an {@code OK(R)} marker (then the finding is on that look-alike);
 *   <li>failing that, it is a false positive, reported with the nearest {@code OK(R)} marker of its
 *       file, if any.
 * </ol>
 *
 * A {@code BUG(R)} marker that some finding matched is found; one that none matched is missed.
 */
final class BlindOutcome {
  record Finding(SourceFile file, int line, String rule, String message) {
    String place() {
      return file.path() + ":" + line;
    }

    String firstLine() {
      return message.lines().findFirst().orElse("");
    }
  }

  record FalsePositive(Finding finding, Optional<Marker> nearestOk) {}

  private static final Pattern DIAGNOSTIC =
      Pattern.compile("^(\\w+) /\\w+/(\\w+/\\w+\\.java):(\\d+):\\d+ (\\S+) (.*)$", Pattern.DOTALL);
  private static final Pattern RULE = Pattern.compile("^\\[(\\w+)\\] ");

  final BlindSet set;
  final List<BlindProgram> programs;
  final List<Marker> markers = new ArrayList<>();
  final List<Finding> findings = new ArrayList<>();
  /** Whatever javac said that is an error and not a goconc finding: a program that does not compile, or a crash. */
  final List<String> compileErrors = new ArrayList<>();
  final Set<Marker> found = new LinkedHashSet<>();
  final List<Marker> missed = new ArrayList<>();
  final List<FalsePositive> falsePositives = new ArrayList<>();
  private final Map<String, SourceFile> files = new LinkedHashMap<>();

  private BlindOutcome(BlindSet set, List<BlindProgram> programs) {
    this.set = set;
    this.programs = programs;
  }

  /** The set's programs compiled in one javac run, each in its own package {@code <set>.<program>}. */
  static BlindOutcome of(BlindSet set, Path classesDir) {
    BlindOutcome outcome = new BlindOutcome(set, BlindProgram.all(set.directory()));
    List<AllRulesCompilation.Source> sources = new ArrayList<>();
    for (BlindProgram p : outcome.programs) {
      for (SourceFile f : p.files()) {
        outcome.files.put(f.path(), f);
        outcome.markers.addAll(f.markers());
        // The package goes on the first line so that line numbers stay those of the file.
        sources.add(new AllRulesCompilation.Source(
            set.name() + "/" + f.path(), "package " + set.name() + "." + p.name() + "; " + f.text()));
      }
    }
    for (String diagnostic : AllRulesCompilation.compile(sources, classesDir).diagnostics()) {
      outcome.sort(diagnostic);
    }
    outcome.match();
    return outcome;
  }

  private void sort(String diagnostic) {
    Matcher m = DIAGNOSTIC.matcher(diagnostic);
    if (m.matches()) {
      Matcher rule = RULE.matcher(m.group(5));
      if (m.group(4).endsWith("error.prone") && rule.find()) {
        findings.add(new Finding(files.get(m.group(2)), Integer.parseInt(m.group(3)), rule.group(1), m.group(5)));
        return;
      }
      if (m.group(1).equals("ERROR")) {
        compileErrors.add(diagnostic);
      }
      return;
    }
    if (diagnostic.startsWith("ERROR") || diagnostic.startsWith("javac output")) {
      compileErrors.add(diagnostic);
    }
  }

  private void match() {
    Set<String> seenFalse = new TreeSet<>();
    for (Finding f : findings) {
      Optional<Marker> bug = matchingBug(f);
      if (bug.isPresent()) {
        found.add(bug.get());
      } else if (seenFalse.add(f.rule() + " " + f.place())) {
        falsePositives.add(new FalsePositive(f, nearest(f, false, m -> true)));
      }
    }
    for (Marker m : markers) {
      if (m.bug() && !found.contains(m)) {
        missed.add(m);
      }
    }
  }

  private Optional<Marker> matchingBug(Finding f) {
    Scope scope = f.file().scopeOf(f.line());
    Optional<Marker> sameMember = nearest(f, true, m -> m.scope().member().equals(scope.member()));
    if (sameMember.isPresent()) {
      return sameMember;
    }
    boolean onLookAlike =
        nearest(f, false, m -> m.scope().member().equals(scope.member())).isPresent();
    if (onLookAlike) {
      return Optional.empty();
    }
    return nearest(f, true, m -> m.scope().topType().equals(scope.topType()));
  }

  private Optional<Marker> nearest(Finding f, boolean bug, java.util.function.Predicate<Marker> where) {
    return markers.stream()
        .filter(m -> m.bug() == bug && m.rule().equals(f.rule()) && m.file() == f.file() && where.test(m))
        .min(Comparator.comparingInt((Marker m) -> Math.abs(m.target() - f.line())).thenComparingInt(Marker::target));
  }

  /** The ratchet's lines: each miss and each false positive, with its place and source line. */
  List<String> outcomeLines() {
    List<String> lines = new ArrayList<>();
    for (Marker m : missed) {
      lines.add("MISS | " + m.rule() + " | " + m.place() + " | " + m.file().line(m.target()));
    }
    for (FalsePositive fp : falsePositives) {
      Finding f = fp.finding();
      lines.add("FP | " + f.rule() + " | " + f.place() + " | " + f.file().line(f.line()));
    }
    lines.sort(Comparator.naturalOrder());
    return lines;
  }

  void writeReport() {
    Path file = set.reportFile();
    Map<String, int[]> perRule = new TreeMap<>();
    for (Marker m : markers) {
      int[] row = perRule.computeIfAbsent(m.rule(), r -> new int[5]);
      if (m.bug()) {
        row[0]++;
        if (found.contains(m)) {
          row[1]++;
        }
      } else {
        row[4]++;
      }
    }
    for (FalsePositive fp : falsePositives) {
      perRule.computeIfAbsent(fp.finding().rule(), r -> new int[5])[3]++;
    }
    StringBuilder text = new StringBuilder("# Blind set " + set.name() + ": what the rules find\n\n");
    text.append("Generated by BlindSetTest. Matching rule: see BlindOutcome's Javadoc and src/test/resources/")
        .append(set.name()).append("/README.md.\n\n");
    text.append("| Rule | Bugs | Found | Missed | False positives | OK sites | Recall | Precision |\n");
    text.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    int[] total = new int[5];
    for (Map.Entry<String, int[]> e : perRule.entrySet()) {
      int[] r = e.getValue();
      r[2] = r[0] - r[1];
      for (int i = 0; i < 5; i++) {
        total[i] += r[i];
      }
      text.append(row(e.getKey(), r));
    }
    text.append(row("**All**", total));
    text.append("\n## Misses\n\n");
    for (Marker m : missed) {
      text.append("- ").append(m.rule()).append(" at ").append(m.place()).append(": `")
          .append(m.file().line(m.target())).append("` (").append(m.why()).append(")\n");
    }
    text.append("\n## False positives\n\n");
    for (FalsePositive fp : falsePositives) {
      Finding f = fp.finding();
      text.append("- ").append(f.rule()).append(" at ").append(f.place()).append(": `")
          .append(f.file().line(f.line())).append("`: ").append(f.firstLine());
      fp.nearestOk().ifPresent(ok -> text.append(" (nearest OK: ").append(ok.place()).append(", ").append(ok.why()).append(")"));
      text.append('\n');
    }
    text.append("\n## Every finding\n\n");
    for (Finding f : findings) {
      text.append("- ").append(f.place()).append(' ').append(f.firstLine()).append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String row(String rule, int[] r) {
    return "| " + rule + " | " + r[0] + " | " + r[1] + " | " + r[2] + " | " + r[3] + " | " + r[4] + " | "
        + percent(r[1], r[0]) + " | " + percent(r[1], r[1] + r[3]) + " |\n";
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
  }
}
