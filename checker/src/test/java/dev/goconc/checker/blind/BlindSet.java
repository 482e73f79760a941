package dev.goconc.checker.blind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One blind set: a directory {@code blind}, {@code blind2}, ... of the test resources, written
 * without reading the rules. Each has its own ratchet ({@code outcome.txt} beside its programs)
 * and its own report under {@code target/blind/<set>/}.
 */
record BlindSet(String name) {
  /** Relative to the checker module, where Maven runs its tests. */
  private static final Path RESOURCES = Path.of("src/test/resources");

  Path directory() {
    return RESOURCES.resolve(name);
  }

  Path outcomeFile() {
    return directory().resolve("outcome.txt");
  }

  Path reportFile() {
    return Path.of("target/blind", name, "report.md");
  }

  static List<BlindSet> all() {
    try (Stream<Path> dirs = Files.list(RESOURCES)) {
      return dirs.filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .filter(n -> n.matches("blind\\d*"))
          .sorted()
          .map(BlindSet::new)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
