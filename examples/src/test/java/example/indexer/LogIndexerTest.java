package example.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.ContextException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The indexer on the real runtime: its results, its failures, and how it stops. */
@Timeout(30)
final class LogIndexerTest {
  /** The logs bundled with the example; surefire runs in the module's directory. */
  static final Path BUNDLED = Path.of("data", "logs");

  private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true);

  @AfterEach
  void noGoroutineOutlivesTheRun() {
    LiveGoroutines.assertNoneWithin(Duration.ofSeconds(2));
  }

  private LogIndexer indexer(int workers, Duration timeout) {
    return new LogIndexer(workers, timeout, Duration.ofMillis(50), quiet);
  }

  private static IndexReport index(LogIndexer indexer, Path dir) {
    try (CancelContext ctx = Context.withCancel(Context.background())) {
      return indexer.index(ctx, dir);
    }
  }

  @Test
  void indexesEveryLogFileOfTheBundledData() {
    IndexReport report = index(indexer(3, Duration.ofSeconds(20)), BUNDLED);

    assertTrue(report.complete(), report.render());
    assertEquals(4, report.files().size()); // README.txt is not a log
    assertEquals(202, report.lines());
    assertEquals(2, report.malformed());
    assertEquals(Map.of("DEBUG", 39, "ERROR", 18, "INFO", 113, "WARN", 30), report.levels());
    assertEquals(Map.of("api", 5, "auth", 6, "billing", 3, "db", 4), report.errorsByComponent());
  }

  @Test
  void oneWorkerAndManyWorkersAgree() {
    assertEquals(
        index(indexer(1, Duration.ofSeconds(20)), BUNDLED).render(),
        index(indexer(16, Duration.ofSeconds(20)), BUNDLED).render());
  }

  @Test
  void anEmptyDirectoryGivesAnEmptyCompleteReport(@TempDir Path dir) {
    IndexReport report = index(indexer(2, Duration.ofSeconds(20)), dir);

    assertTrue(report.complete());
    assertEquals(0, report.files().size());
  }

  @Test
  void aFileThatCannotBeReadFailsTheRunNamingIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("good.log"), "2026-11-02T09:00:41Z INFO api up\n");
    Files.createDirectory(dir.resolve("broken.log")); // a directory cannot be read as a file

    IndexingException e =
        assertThrows(IndexingException.class, () -> index(indexer(2, Duration.ofSeconds(20)), dir));
    assertTrue(e.getMessage().contains("broken.log"), e.getMessage());
  }

  @Test
  void aCancelledCallerStopsTheRunEarly() {
    IndexReport report;
    try (CancelContext ctx = Context.withCancel(Context.background())) {
      ctx.cancel();
      report = indexer(2, Duration.ofSeconds(20)).index(ctx, BUNDLED);
    }

    assertFalse(report.complete());
    assertInstanceOf(ContextException.Canceled.class, report.stoppedBy().orElseThrow());
    assertTrue(report.render().contains("Stopped early: context canceled"), report.render());
  }

  @Test
  void aPassedDeadlineStopsTheRunEarly() {
    IndexReport report = index(indexer(2, Duration.ZERO), BUNDLED);

    assertFalse(report.complete());
    assertInstanceOf(ContextException.DeadlineExceeded.class, report.stoppedBy().orElseThrow());
  }
}
