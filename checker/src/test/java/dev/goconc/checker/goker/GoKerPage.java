package dev.goconc.checker.goker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** docs/goker.md as the tests read it: the rows of its tables, by section. */
final class GoKerPage {
  static final Path FILE = Path.of("../docs/goker.md");

  private final List<String> lines;

  private GoKerPage(List<String> lines) {
    this.lines = lines;
  }

  static GoKerPage read() {
    try {
      return new GoKerPage(Files.readAllLines(FILE, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code kernel | rule} for each row of the table under the heading that starts with
   * {@code heading}: the first column names the kernel as GoKer does ({@code moby#4395}, a link or
   * not), the second the rule (several separated by commas).
   */
  Set<String> kernelRules(String heading) {
    Set<String> rows = new TreeSet<>();
    for (List<String> row : rows(heading)) {
      String kernel = kernelName(row.get(0));
      for (String rule : row.get(1).split(",", -1)) {
        rows.add(kernel + " | " + rule.replace("`", "").strip());
      }
    }
    return rows;
  }

  /** The kernels named in the first column of the table under {@code heading}. */
  Set<String> kernels(String heading) {
    Set<String> names = new TreeSet<>();
    rows(heading).forEach(row -> names.add(kernelName(row.get(0))));
    return names;
  }

  private List<List<String>> rows(String heading) {
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("## " + heading)) {
        start = i + 1;
        break;
      }
    }
    if (start < 0) {
      throw new IllegalStateException(FILE + " has no section '## " + heading + "'");
    }
    List<String> section = lines.subList(start, lines.size());
    return section.stream()
        .takeWhile(l -> !l.startsWith("## "))
        .filter(l -> l.startsWith("|") && !l.startsWith("|---") && !l.startsWith("| ---"))
        .skip(1) // the header row
        .map(l -> List.of(l.substring(1).split("\\|", -1)).stream().map(String::strip).toList())
        .toList();
  }

  /** {@code [moby#4395](...)} or {@code moby#4395} to the kernel's name, {@code moby4395}. */
  private static String kernelName(String cell) {
    String text = cell.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").strip();
    return text.replace("#", "");
  }
}
