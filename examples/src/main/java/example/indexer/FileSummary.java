package example.indexer;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.goconc.Context;
import dev.goconc.ContextException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one log file holds: its non-blank lines, the lines not in the log format, and the
 * count of lines per level and of {@code ERROR} lines per component.
 */
public record FileSummary(
    Path file,
    int lines,
    int malformed,
    Map<String, Integer> levels,
    Map<String, Integer> errorsByComponent) {

  public FileSummary {
    levels = Map.copyOf(levels);
    errorsByComponent = Map.copyOf(errorsByComponent);
  }

  /**
   * Reads and summarizes {@code file}, checking {@code ctx} before each line so that a
   * cancelled run stops reading at once.
   *
   * @throws ContextException when {@code ctx} ends while the file is being read
   * @throws IOException when the file cannot be read; its message names the file
   */
  public static FileSummary of(Context ctx, Path file) throws IOException {
    try {
      return read(ctx, file);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      throw message.contains(file.toString())
          ? e
          : new IOException(file + ": " + message, e);
    }
  }

  private static FileSummary read(Context ctx, Path file) throws IOException {
    int lines = 0;
    int malformed = 0;
    Map<String, Integer> levels = new TreeMap<>();
    Map<String, Integer> errors = new TreeMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        ContextException stopped = ctx.err();
        if (stopped != null) {
          throw stopped;
        }
        if (text.isBlank()) {
          continue;
        }
        lines++;
        Optional<LogLine> parsed = LogLine.parse(text);
        if (parsed.isEmpty()) {
          malformed++;
          continue;
        }
        LogLine line = parsed.get();
        levels.merge(line.level(), 1, Integer::sum);
        if (line.level().equals("ERROR")) {
          errors.merge(line.component(), 1, Integer::sum);
        }
      }
    }
    return new FileSummary(file, lines, malformed, levels, errors);
  }
}
