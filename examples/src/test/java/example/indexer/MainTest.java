package example.indexer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void noGoroutineOutlivesTheRun() {
    LiveGoroutines.assertNoneWithin(Duration.ofSeconds(2));
  }

  private int run(String... args) {
    try (CancelContext ctx = Context.withCancel(Context.background())) {
      return Main.run(ctx, args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }
  }

  @Test
  void printsTheIndexOfTheBundledLogs() {
    assertEquals(0, run("--workers", "2", LogIndexerTest.BUNDLED.toString()));

    String printed = out.toString(UTF_8);
    assertTrue(printed.startsWith("Indexed 4 files, 202 lines (2 malformed)"), printed);
    assertTrue(printed.contains("Errors by component: {api=5, auth=6, billing=3, db=4}"), printed);
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    assertEquals(2, run("no/such/dir"));
    assertTrue(err.toString(UTF_8).contains("not a directory: no/such/dir"), err.toString(UTF_8));
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertEquals(2, run());
    assertEquals(2, run("--workers", "0", "data"));
    assertEquals(2, run("--workers"));
    assertEquals(2, run("--timeout", "soon", "data"));
    assertEquals(2, run("--verbose", "data"));
    assertTrue(err.toString(UTF_8).contains("usage: indexer"));
  }

  @Test
  void durationsReadAsTheUsageSays() {
    assertEquals(Duration.ofMillis(500), Main.parseDuration("500ms"));
    assertEquals(Duration.ofSeconds(30), Main.parseDuration("30s"));
    assertEquals(Duration.ofMinutes(2), Main.parseDuration("2m"));
  }
}
