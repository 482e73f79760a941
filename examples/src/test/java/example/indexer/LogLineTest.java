package example.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class LogLineTest {
  @Test
  void parsesALineInTheLogFormat() {
    assertEquals(
        Optional.of(
            new LogLine(
                Instant.parse("2026-11-02T09:00:41Z"), "ERROR", "db", "slow query (812ms)")),
        LogLine.parse("2026-11-02T09:00:41Z ERROR db slow query (812ms)"));
  }

  @Test
  void toleratesPaddingAfterTheLevel() {
    assertEquals("api", LogLine.parse("2026-11-02T09:00:41Z INFO  api up").orElseThrow().component());
  }

  @Test
  void rejectsLinesThatAreNotLogEntries() {
    assertTrue(LogLine.parse("--- log rotated by logrotate ---").isEmpty());
    assertTrue(LogLine.parse("2026-11-02 10:00:00 INFO billing no zone").isEmpty());
    assertTrue(LogLine.parse("2026-11-02T09:00:41Z NOTICE api unknown level").isEmpty());
  }
}
