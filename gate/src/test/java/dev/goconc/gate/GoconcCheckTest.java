package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses, the text format, and the inputs the gate must refuse with a clear message. */
final class GoconcCheckTest {
  @TempDir Path dir;

  @Test
  void cleanSourcesExitZeroAndReportNothing() {
    GateRun run = GateRun.in(GateRun.copyFixture("clean", dir), "--fail-on", "warning", "src");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertEquals("", run.out(), run::toString);
    assertTrue(run.err().contains("0 findings in 1 file"), run::toString);
  }

  @Test
  void warningsPassTheDefaultThresholdButFailAtWarning() {
    GateRun.copyFixture("context-field", dir);

    GateRun byDefault = GateRun.in(dir, "src");
    GateRun atWarning = GateRun.in(dir, "--fail-on", "warning", "src");
    GateRun never = GateRun.in(dir, "--fail-on=none", "src");

    assertEquals(GoconcCheck.OK, byDefault.status(), byDefault::toString);
    assertEquals(GoconcCheck.FINDINGS, atWarning.status(), atWarning::toString);
    assertEquals(GoconcCheck.OK, never.status(), never::toString);
    assertEquals(byDefault.out(), atWarning.out());
  }

  @Test
  void textFormatPrintsOneSortedLinePerFindingThenItsRulePage() {
    GateRun run = GateRun.in(GateRun.copyFixture("context-field", dir), "src");

    List<String> lines = run.out().lines().toList();
    assertEquals(
        List.of(
            "src/app/Handler.java:10:25: warning [ContextInField] Context stored in field 'root'"
                + " outlives the call that should own it, so cancellation and deadlines no longer"
                + " reach the work; pass the Context as the first parameter of the methods that"
                + " need it",
            "    (see https://github.com/goconc/goconc/blob/main/rules-docs/ContextInField.md)",
            "src/app/Server.java:6:25: warning [ContextInField] Context stored in field 'ctx'"
                + " outlives the call that should own it, so cancellation and deadlines no longer"
                + " reach the work; pass the Context as the first parameter of the methods that"
                + " need it",
            "    (see https://github.com/goconc/goconc/blob/main/rules-docs/ContextInField.md)"),
        lines,
        run::toString);
  }

  @Test
  void reportsOnlyGoconcRulesNotErrorPronesBuiltInChecks() throws IOException {
    // Error Prone's own DeadException (an ERROR) would flag the unthrown exception.
    Files.writeString(
        dir.resolve("Plain.java"),
        "class Plain {\n  void check(int n) {\n    if (n < 0) {\n      new IllegalArgumentException(\"n\");\n    }\n  }\n}\n");

    GateRun run = GateRun.in(dir, "--fail-on", "warning", "Plain.java");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertEquals("", run.out(), run::toString);
  }

  @Test
  void suppressWarningsWithTheRuleNameSilencesAFinding() throws IOException {
    GateRun.copyFixture("context-field", dir);
    Path server = dir.resolve("src/app/Server.java");
    Files.writeString(
        server,
        Files.readString(server)
            .replace("  private final Context ctx;", "  @SuppressWarnings(\"ContextInField\")\n  private final Context ctx;"));

    GateRun run = GateRun.in(dir, "src");

    assertFalse(run.out().contains("Server.java"), run::toString);
    assertTrue(run.out().contains("Handler.java"), run::toString);
  }

  @Test
  void testSourcesAreJudgedAsTestCodeAsABuildWouldJudgeThem() throws IOException {
    Path main = dir.resolve("src/main/java");
    GateRun.copyFixture("context-field", dir.resolve("tmp"));
    Files.createDirectories(main.resolve("app"));
    Files.move(dir.resolve("tmp/src/app/Server.java"), main.resolve("app/Server.java"));
    Path test = dir.resolve("src/test/java/app/ServerTest.java");
    Files.createDirectories(test.getParent());
    // ContextInField is quiet on test-only code; the test also uses the main class.
    Files.writeString(
        test,
        """
        package app;
        import dev.goconc.Context;
        class ServerTest {
          record Case(Context ctx, String name) {}
          Server server = new Server(Context.background());
        }
        """);

    GateRun run = GateRun.in(dir, "src");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertEquals(1, run.out().lines().filter(l -> l.contains("[ContextInField]")).count(), run::toString);
    assertTrue(run.out().startsWith("src/main/java/app/Server.java:6:25:"), run::toString);
    assertTrue(run.err().contains("1 finding in 2 files"), run::toString);
  }

  @Test
  void singleFilesAndOutputFileWork() throws IOException {
    GateRun.copyFixture("context-field", dir);

    GateRun run = GateRun.in(dir, "--output", "report/findings.txt", "src/app/Server.java");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertEquals("", run.out());
    String report = Files.readString(dir.resolve("report/findings.txt"));
    assertTrue(report.startsWith("src/app/Server.java:6:25: warning [ContextInField]"), report);
    assertFalse(report.contains("Handler.java"), report);
  }

  @Test
  void neverWritesClassFilesIntoTheUsersTree() throws IOException {
    GateRun.copyFixture("context-field", dir);

    GateRun.in(dir, "src");

    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".class")).toList());
    }
  }

  @Test
  void nonexistentPathIsAUsageError() {
    GateRun run = GateRun.in(dir, "does-not-exist");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("no such file or directory"), run::toString);
    assertTrue(run.err().contains("does-not-exist"), run::toString);
  }

  @Test
  void emptyDirectoryIsAUsageErrorNotACleanRun() throws IOException {
    Files.createDirectories(dir.resolve("empty"));

    GateRun run = GateRun.in(dir, "empty");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("no Java sources (*.java) under"), run::toString);
  }

  @Test
  void fileThatIsNotJavaIsAUsageError() {
    GateRun.copyFixture("not-java", dir);

    GateRun file = GateRun.in(dir, "README.txt");
    GateRun directory = GateRun.in(dir, ".");

    assertEquals(GoconcCheck.UNUSABLE, file.status(), file::toString);
    assertTrue(file.err().contains("not a Java source file"), file::toString);
    assertEquals(GoconcCheck.UNUSABLE, directory.status(), directory::toString);
    assertTrue(directory.err().contains("no Java sources"), directory::toString);
  }

  @Test
  void syntaxErrorNamesTheFileAndTheErrorWithoutAStackTrace() {
    GateRun run = GateRun.in(GateRun.copyFixture("syntax-error", dir), "Broken.java");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("the sources do not compile"), run::toString);
    assertTrue(run.err().contains("Broken.java:4:13: error: illegal start of type"), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void missingDependencySaysHowToGiveTheClasspath() {
    GateRun run = GateRun.in(GateRun.copyFixture("missing-dependency", dir), ".");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("UsesLibrary.java:3:26: error: package org.example.absent does not exist"), run::toString);
    assertTrue(run.err().contains("(a dependency is missing: give it with --classpath"), run::toString);
  }

  @Test
  void unknownSymbolInTheCodeShowsJavacsDetailAndNoClasspathHint() throws IOException {
    // The import is missing, not a dependency: java.time is always there.
    Files.writeString(dir.resolve("Waits.java"), "class Waits {\n  Duration timeout;\n}\n");

    GateRun run = GateRun.in(dir, "Waits.java");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(
        run.err().contains("Waits.java:2:3: error: cannot find symbol\n    symbol:   class Duration\n    location: class Waits"),
        run::toString);
    assertFalse(run.err().contains("--classpath"), run::toString);
  }

  @Test
  void classpathOptionReachesJavac() throws IOException {
    GateRun.copyFixture("missing-dependency", dir);
    Path library = dir.resolve("lib/org/example/absent/Library.java");
    Files.createDirectories(library.getParent());
    Files.writeString(library, "package org.example.absent; public class Library {}\n");

    // The library's source on the classpath is enough for javac to resolve the type.
    GateRun run = GateRun.in(dir, "--classpath", "lib", "UsesLibrary.java");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
  }

  @Test
  void usageErrorsExitTwo() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--format", "xml", "src"},
            new String[] {"--fail-on", "sometimes", "src"},
            new String[] {"--no-such-option", "src"},
            new String[] {"src", "--baseline"},
            new String[] {"--update-baseline", "src"})) {
      GateRun run = GateRun.in(dir, args);
      assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
      assertTrue(run.err().startsWith("goconc-check: "), run::toString);
      assertFalse(run.err().contains("Exception"), run::toString);
    }
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    GateRun run = GateRun.in(dir, "--help");

    assertEquals(GoconcCheck.OK, run.status());
    assertTrue(run.out().startsWith("usage: goconc-check"), run::toString);
  }
}
