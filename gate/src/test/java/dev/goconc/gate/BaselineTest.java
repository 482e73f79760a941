package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A code base adopts the gate with a baseline and then fails only on new findings. */
final class BaselineTest {
  @TempDir Path dir;

  @Test
  void writesTheBaselineWhenAbsentThenFailsOnlyOnNewFindings() throws IOException {
    GateRun.copyFixture("context-field", dir);

    GateRun adopt = GateRun.in(dir, "--fail-on", "warning", "--baseline", "goconc-baseline.json", "src");
    assertEquals(GoconcCheck.OK, adopt.status(), adopt::toString);
    assertTrue(adopt.err().contains("wrote the baseline goconc-baseline.json with 2 findings"), adopt::toString);
    JsonNode written = new ObjectMapper().readTree(dir.resolve("goconc-baseline.json").toFile());
    assertEquals(2, written.get("findings").size());
    assertEquals("src/app/Handler.java", written.at("/findings/0/path").asText());
    assertEquals("ContextInField", written.at("/findings/0/rule").asText());

    GateRun unchanged = GateRun.in(dir, "--fail-on", "warning", "--baseline", "goconc-baseline.json", "src");
    assertEquals(GoconcCheck.OK, unchanged.status(), unchanged::toString);
    assertEquals("", unchanged.out());
    assertTrue(unchanged.err().contains("2 accepted by the baseline"), unchanged::toString);

    // Lines above the old findings move them; a new field is a new finding.
    Path server = dir.resolve("src/app/Server.java");
    Files.writeString(
        server,
        Files.readString(server)
            .replace("class Server {", "class Server {\n  // moved down\n\n  private Context other;\n"));
    GateRun edited = GateRun.in(dir, "--fail-on", "warning", "--baseline", "goconc-baseline.json", "src");
    assertEquals(GoconcCheck.FINDINGS, edited.status(), edited::toString);
    assertEquals(1, edited.out().lines().filter(l -> l.contains("[ContextInField]")).count(), edited::toString);
    assertTrue(edited.out().contains("Context stored in field 'other'"), edited::toString);
    assertTrue(edited.err().contains("2 accepted by the baseline"), edited::toString);

    GateRun update =
        GateRun.in(dir, "--fail-on", "warning", "--baseline", "goconc-baseline.json", "--update-baseline", "src");
    assertEquals(GoconcCheck.OK, update.status(), update::toString);
    GateRun afterUpdate = GateRun.in(dir, "--fail-on", "warning", "--baseline", "goconc-baseline.json", "src");
    assertEquals(GoconcCheck.OK, afterUpdate.status(), afterUpdate::toString);
    assertTrue(afterUpdate.err().contains("3 accepted by the baseline"), afterUpdate::toString);
  }

  @Test
  void equalEntriesCountSoASecondEqualFindingIsNew() throws IOException {
    GateRun.copyFixture("context-field", dir);
    GateRun.in(dir, "--baseline", "b.json", "src/app/Server.java");

    // The same field name again in the same file: same path, rule and message.
    Path server = dir.resolve("src/app/Server.java");
    Files.writeString(
        server,
        Files.readString(server).replace("class Server {", "class Server {\n  static class Inner { Context ctx; }\n"));
    GateRun run = GateRun.in(dir, "--fail-on", "warning", "--baseline", "b.json", "src/app/Server.java");

    assertEquals(GoconcCheck.FINDINGS, run.status(), run::toString);
    assertEquals(1, run.out().lines().filter(l -> l.contains("[ContextInField]")).count(), run::toString);
  }

  @Test
  void unreadableBaselineIsAUsageError() throws IOException {
    GateRun.copyFixture("context-field", dir);
    Files.writeString(dir.resolve("b.json"), "{ not json");

    GateRun run = GateRun.in(dir, "--baseline", "b.json", "src");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("cannot read the baseline b.json"), run::toString);
  }

  @Test
  void entriesThatMatchNoFindingAnyMoreAreReportedAsStale() throws IOException {
    GateRun.copyFixture("context-field", dir);
    GateRun.in(dir, "--baseline", "b.json", "src");
    Path server = dir.resolve("src/app/Server.java");
    Files.writeString(server, Files.readString(server).replace("  private final Context ctx;", "  @SuppressWarnings(\"ContextInField\")\n  private final Context ctx;"));

    GateRun run = GateRun.in(dir, "--baseline", "b.json", "src");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertTrue(run.err().contains("1 accepted by the baseline"), run::toString);
    assertTrue(
        run.err().contains("1 entry of the baseline b.json matches no finding any more")
            && run.err().contains("--update-baseline drops it:\n  src/app/Server.java [ContextInField]"),
        run::toString);
  }

  @Test
  void aBaselineThatMatchesEveryFindingReportsNothingStale() {
    GateRun.copyFixture("context-field", dir);
    GateRun.in(dir, "--baseline", "b.json", "src");

    GateRun run = GateRun.in(dir, "--baseline", "b.json", "src");

    assertTrue(run.err().contains("2 accepted by the baseline"), run::toString);
    assertFalse(run.err().contains("no finding any more"), run::toString);
  }
}
