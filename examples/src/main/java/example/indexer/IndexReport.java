package example.indexer;

import dev.goconc.ContextException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The index of a directory of logs: totals over every file summarized, and why the run stopped
 * early when it did (the run's context was cancelled or its deadline passed).
 */
public record IndexReport(
    Path root,
    List<FileSummary> files,
    Map<String, Integer> levels,
    Map<String, Integer> errorsByComponent,
    Optional<ContextException> stoppedBy) {

  public IndexReport {
    files = List.copyOf(files);
    levels = Map.copyOf(levels);
    errorsByComponent = Map.copyOf(errorsByComponent);
  }

  /** Whether every file under the root was summarized. */
  public boolean complete() {
    return stoppedBy.isEmpty();
  }

  public int lines() {
    return files.stream().mapToInt(FileSummary::lines).sum();
  }

  public int malformed() {
    return files.stream().mapToInt(FileSummary::malformed).sum();
  }

  /** The report as the command line prints it. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("Indexed %d files, %d lines (%d malformed) under %s%n",
        files.size(), lines(), malformed(), root));
    for (FileSummary file : files) {
      out.append(String.format("  %-32s %5d lines  %s%n",
          root.relativize(file.file()), file.lines(), new TreeMap<>(file.levels())));
    }
    out.append("Lines by level: ").append(new TreeMap<>(levels)).append(System.lineSeparator());
    out.append("Errors by component: ").append(new TreeMap<>(errorsByComponent))
        .append(System.lineSeparator());
    stoppedBy.ifPresent(
        why -> out.append("Stopped early: ").append(why.getMessage())
            .append(System.lineSeparator()));
    return out.toString();
  }

  /**
   * Collects summaries as they arrive. Not thread-safe: one goroutine adds, and the
   * {@code ErrGroup.await()} that waits for it makes its additions visible to {@link #build}.
   */
  static final class Builder {
    private final Path root;
    private final List<FileSummary> files = new ArrayList<>();
    private final Map<String, Integer> levels = new TreeMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();

    Builder(Path root) {
      this.root = root;
    }

    void add(FileSummary summary) {
      files.add(summary);
      summary.levels().forEach((level, n) -> levels.merge(level, n, Integer::sum));
      summary.errorsByComponent().forEach((component, n) -> errors.merge(component, n, Integer::sum));
    }

    IndexReport build(Optional<ContextException> stoppedBy) {
      List<FileSummary> sorted = new ArrayList<>(files);
      sorted.sort(Comparator.comparing(FileSummary::file));
      return new IndexReport(root, sorted, levels, errors, stoppedBy);
    }
  }
}
