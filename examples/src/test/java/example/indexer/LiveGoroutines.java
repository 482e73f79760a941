package example.indexer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The goroutines alive in this JVM, read from a JSON thread dump (which, unlike
 * {@code Thread.getAllStackTraces()}, lists virtual threads). goconc names every goroutine
 * {@code goroutine-N}. A stand-in for the runtime's leak detector in these tests.
 */
final class LiveGoroutines {
  private static final Pattern GOROUTINE = Pattern.compile("\"name\"\\s*:\\s*\"(goroutine-\\d+)\"");

  private static final Duration POLL = Duration.ofMillis(20);

  private LiveGoroutines() {}

  /**
   * Fails unless every goroutine has ended within {@code grace}: a goroutine that has just
   * called {@code done()} may need a moment to exit, a leaked one never does.
   */
  static void assertNoneWithin(Duration grace) {
    Instant deadline = Instant.now().plus(grace);
    List<String> alive = names();
    while (!alive.isEmpty() && Instant.now().isBefore(deadline)) {
      LockSupport.parkNanos(POLL.toNanos()); // a thread dump is not free: poll, do not spin
      alive = names();
    }
    if (!alive.isEmpty()) {
      fail("goroutines still alive " + grace.toMillis() + " ms after the test: " + alive);
    }
  }

  static List<String> names() {
    try {
      Path dir = Files.createTempDirectory("goroutines");
      Path dump = dir.resolve("threads.json");
      try {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
            .dumpThreads(dump.toAbsolutePath().toString(), ThreadDumpFormat.JSON);
        Matcher m = GOROUTINE.matcher(Files.readString(dump, UTF_8));
        List<String> names = new ArrayList<>();
        while (m.find()) {
          names.add(m.group(1));
        }
        return names;
      } finally {
        Files.deleteIfExists(dump);
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
