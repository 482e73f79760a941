package example.indexer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a service log: {@code <ISO-8601 instant> <LEVEL> <component> <message>}, for
 * example {@code 2026-11-02T09:00:41Z ERROR db slow query on table orders (812ms)}.
 */
public record LogLine(Instant time, String level, String component, String message) {
  private static final Pattern FORMAT =
      Pattern.compile("(\\S+)\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s+(\\S+)\\s+(.*)");

  /** The parsed line, or empty when the line is not in the format (a banner, a rotated note). */
  public static Optional<LogLine> parse(String line) {
    Matcher m = FORMAT.matcher(line.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new LogLine(Instant.parse(m.group(1)), m.group(2), m.group(3), m.group(4)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
