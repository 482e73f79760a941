package dev.goconc.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's sitting, from README.md, docs/wiring.md and docs/gate.md only: install goconc's
 * artifacts, create a Maven project from the page's blocks, see the build fail on the two
 * mistakes, apply the fixes, compile clean, gate the code with SARIF, adopt the gate on
 * existing code with a baseline and --new-since, and see the leak detector fail a test that
 * leaves a goroutine running. Every command is the page's own text, run by
 * bash in a project outside this build; editing a block so that it stops working fails this
 * test.
 */
final class MavenRecipeTest {
  private static final Recipes README = Recipes.of(UserShell.CHECKOUT.resolve("README.md"));
  private static final Recipes WIRING = Recipes.of(UserShell.CHECKOUT.resolve("docs/wiring.md"));
  private static final Recipes GATE = Recipes.of(UserShell.CHECKOUT.resolve("docs/gate.md"));
  private static final String SOURCE = "src/main/java/com/example/Jobs.java";
  /** The project directory the quoted output in docs/wiring.md was taken in. */
  private static final String QUOTED_PROJECT = "/home/me/my-service";

  @TempDir static Path home;
  private static UserShell shell;
  private static Path checkout;

  @BeforeAll
  static void installTheArtifactsAsTheReadmeSays() throws IOException {
    assertEquals(README.get("install"), WIRING.get("install"), "README.md and docs/wiring.md name different install commands");
    shell = new UserShell(home);
    // goconc checked out beside the projects, as the gate recipes expect it.
    checkout = Files.createSymbolicLink(home.resolve("goconc"), UserShell.CHECKOUT);

    UserShell.Result install = shell.run(UserShell.CHECKOUT, README.get("install"));

    assertEquals(0, install.status(), install::toString);
    for (String artifactId : List.of("goconc-runtime", "goconc-checker")) {
      Path jar = shell.installed(artifactId).resolve(artifactId + "-0.1.0-SNAPSHOT.jar");
      assertTrue(Files.isRegularFile(jar), "the install command did not install " + jar);
    }
    assertTrue(Files.isRegularFile(shell.installed("goconc-parent").resolve("goconc-parent-0.1.0-SNAPSHOT.pom")), "no parent pom");
    assertFalse(Files.exists(shell.installed("goconc-gate")), "the install command installs only what a user depends on");
  }

  @AfterAll
  static void removeTheLink() throws IOException {
    Files.deleteIfExists(checkout); // before JUnit's cleanup, which warns about links leaving the directory
  }

  @Test
  void aNewProjectGetsTheFindingsAppliesTheFixesAndPassesTheGate() throws IOException {
    Path project = newProject("my-service");

    UserShell.Result compile = shell.run(project, WIRING.get("compile"));
    assertEquals(1, compile.status(), compile::toString);
    for (String quoted : WIRING.get("compile-output").lines().toList()) {
      String expected = quoted.replace(QUOTED_PROJECT, project.toString());
      assertTrue(compile.output().lines().anyMatch(expected::equals), () -> "docs/wiring.md quotes a line Maven does not print:\n" + quoted + "\n" + compile);
    }

    UserShell.Result gateBefore = shell.run(project, WIRING.get("gate-sarif"));
    assertEquals(1, gateBefore.status(), gateBefore::toString);
    assertEquals(List.of("LostCancel", "TickerNotStopped"), sarifRuleIds(project.resolve("goconc.sarif")));
    assertEquals(List.of(SOURCE), sarifPaths(project.resolve("goconc.sarif")));

    String before = Files.readString(project.resolve(SOURCE));
    UserShell.Result fix = shell.run(project, WIRING.get("fix"));
    assertEquals(0, fix.status(), fix::toString);
    String after = Files.readString(project.resolve(SOURCE));
    assertFalse(before.equals(after), "the fix run changed nothing");
    assertTrue(after.contains("try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(2))) {"), after);
    assertTrue(after.contains("try (Ticker ticker = Time.newTicker(Duration.ofSeconds(1))) {"), after);

    UserShell.Result recompile = shell.run(project, WIRING.get("recompile"));
    assertEquals(0, recompile.status(), recompile::toString);
    assertTrue(recompile.output().contains("BUILD SUCCESS"), recompile::toString);

    UserShell.Result gateAfter = shell.run(project, WIRING.get("gate-sarif"));
    assertEquals(0, gateAfter.status(), gateAfter::toString);
    assertEquals(List.of(), sarifRuleIds(project.resolve("goconc.sarif")));
  }

  @Test
  void anExistingCodeBaseAdoptsTheGateWithABaselineThenFailsOnlyOnNewFindings() throws IOException {
    Path project = newProject("legacy-service");
    git(project, "init -q -b main && git add -A && git -c user.name=u -c user.email=u@example.com commit -q -m start"
        + " && git update-ref refs/remotes/origin/main HEAD");
    List<String> baseline = commands(GATE.get("baseline"));
    assertEquals(3, baseline.size(), baseline::toString);

    UserShell.Result adopt = shell.run(project, baseline.get(0));
    assertEquals(0, adopt.status(), adopt::toString);
    assertTrue(adopt.output().contains("wrote the baseline goconc-baseline.json with 2 findings"), adopt::toString);
    assertEquals(0, shell.run(project, baseline.get(1)).status());
    UserShell.Result unchanged = shell.run(project, baseline.get(2));
    assertEquals(0, unchanged.status(), unchanged::toString);
    assertTrue(unchanged.output().contains("2 accepted by the baseline"), unchanged::toString);

    // A new file with a new mistake: the baseline and --new-since both report it alone.
    Path added = project.resolve("src/main/java/com/example/Fetch.java");
    Files.writeString(added, Files.readString(project.resolve(SOURCE)).replace("class Jobs", "class Fetch"));
    UserShell.Result withNew = shell.run(project, baseline.get(2));
    assertEquals(1, withNew.status(), withNew::toString);
    assertTrue(withNew.output().contains("src/main/java/com/example/Fetch.java:13:"), withNew::toString);
    assertFalse(withNew.output().contains("Jobs.java:13:"), withNew::toString);

    UserShell.Result newSince = shell.run(project, gate(GATE.get("new-since")));
    assertEquals(1, newSince.status(), newSince::toString);
    assertTrue(newSince.output().contains("Fetch.java:13:"), newSince::toString);
    assertFalse(newSince.output().contains("Jobs.java:"), newSince::toString);
  }

  @Test
  void theGateChecksAMavenModuleByItsDirectoryWithThePathsMaven() throws IOException {
    Path project = newProject("module-service");

    UserShell.Result module = shell.run(project, gate(GATE.get("module")));

    assertEquals(1, module.status(), module::toString);
    assertTrue(module.output().contains("resolving the classpath of pom.xml with " + home.resolve("bin/mvn")), module::toString);
    assertTrue(module.output().contains("src/main/java/com/example/Jobs.java:13:44: error [LostCancel]"), module::toString);
  }

  @Test
  void aTestThatLeaksAGoroutineFailsWithTheDetectorsReportAndPassesOnceFixed() throws IOException {
    Path project = Files.createDirectories(home.resolve("counter-service"));
    String dependency = WIRING.get("junit-dependency").indent(4);
    write(project, "pom.xml", WIRING.get("pom.xml").replace("  </dependencies>", dependency + "  </dependencies>"));
    write(project, "src/main/java/com/example/EventCounter.java", WIRING.get("src/main/java/com/example/EventCounter.java"));
    String test = "src/test/java/com/example/EventCounterTest.java";
    write(project, test, WIRING.get("leaking-test"));

    UserShell.Result leaking = shell.run(project, WIRING.get("test"));
    assertEquals(1, leaking.status(), leaking::toString);
    for (String quoted : WIRING.get("leak-report").lines().toList()) {
      assertTrue(leaking.output().contains(quoted), () -> "docs/wiring.md quotes a line the report does not hold:\n" + quoted + "\n" + leaking);
    }

    write(project, test, WIRING.get("fixed-test"));
    UserShell.Result fixed = shell.run(project, WIRING.get("test"));
    assertEquals(0, fixed.status(), fixed::toString);
    assertTrue(fixed.output().contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), fixed::toString);
  }

  @Test
  void theFixProfileNamesEveryRule() throws IOException {
    String pom = WIRING.get("pom.xml");
    Matcher patchChecks = Pattern.compile("-XepPatchChecks:(\\S+?)<").matcher(pom);
    assertTrue(patchChecks.find(), pom);
    assertEquals(rulesInTheIndex(), new TreeSet<>(List.of(patchChecks.group(1).split(","))));
  }

  /** A project made of docs/wiring.md's pom.xml and Jobs.java, with its two mistakes. */
  private static Path newProject(String name) throws IOException {
    Path project = Files.createDirectories(home.resolve(name));
    write(project, "pom.xml", WIRING.get("pom.xml"));
    write(project, SOURCE, WIRING.get(SOURCE));
    return project;
  }

  /** gate.md's commands name the launcher as bin/goconc-check, in the goconc checkout beside the project. */
  private static String gate(String command) {
    return command.replaceAll("(?m)^bin/goconc-check ", "../goconc/bin/goconc-check ");
  }

  /** A block's command lines, comments removed, each ready to run on its own. */
  private static List<String> commands(String block) {
    return block.lines().map(line -> line.replaceFirst("\\s+#.*$", "")).filter(line -> !line.isBlank()).map(MavenRecipeTest::gate).toList();
  }

  private static void git(Path project, String arguments) {
    UserShell.Result git = shell.run(project, "git " + arguments);
    assertEquals(0, git.status(), git::toString);
  }

  private static Set<String> rulesInTheIndex() throws IOException {
    TreeSet<String> rules = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| \\[(\\w+)\\]\\(\\1\\.md\\)").matcher(Files.readString(UserShell.CHECKOUT.resolve("rules-docs/README.md")));
    while (row.find()) {
      rules.add(row.group(1));
    }
    assertFalse(rules.isEmpty(), "no rules in rules-docs/README.md");
    return rules;
  }

  private static void write(Path project, String path, String content) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static List<String> sarifRuleIds(Path sarif) throws IOException {
    List<String> ids = new ArrayList<>();
    for (JsonNode result : new ObjectMapper().readTree(sarif.toFile()).path("runs").path(0).path("results")) {
      ids.add(result.path("ruleId").asText());
    }
    return ids;
  }

  private static List<String> sarifPaths(Path sarif) throws IOException {
    TreeSet<String> paths = new TreeSet<>();
    for (JsonNode result : new ObjectMapper().readTree(sarif.toFile()).path("runs").path(0).path("results")) {
      paths.add(result.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
    }
    return List.copyOf(paths);
  }
}
