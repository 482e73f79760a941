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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's sitting, from README.md and docs/wiring.md only: install goconc's artifacts,
 * create a Maven project from the page's blocks, see the build fail on the two mistakes, apply
 * the fixes, compile clean, and gate the code with SARIF. Every command is the page's own text,
 * run by bash in a project outside this build; editing a block so that it stops working fails
 * this test.
 */
final class MavenRecipeTest {
  private static final Path README = UserShell.CHECKOUT.resolve("README.md");
  private static final Path WIRING = UserShell.CHECKOUT.resolve("docs/wiring.md");
  private static final String SOURCE = "src/main/java/com/example/Jobs.java";
  /** The project directory the quoted output in docs/wiring.md was taken in. */
  private static final String QUOTED_PROJECT = "/home/me/my-service";

  @TempDir Path home;

  @Test
  void aNewProjectGetsTheFindingsAppliesTheFixesAndPassesTheGate() throws IOException {
    Recipes readme = Recipes.of(README);
    Recipes wiring = Recipes.of(WIRING);
    assertEquals(readme.get("install"), wiring.get("install"), "README.md and docs/wiring.md name different install commands");
    UserShell shell = new UserShell(home);
    // goconc checked out beside the project, as the gate recipe expects it.
    Path checkout = Files.createSymbolicLink(home.resolve("goconc"), UserShell.CHECKOUT);
    try {
      walkThrough(readme, wiring, shell, Files.createDirectories(home.resolve("my-service")));
    } finally {
      Files.delete(checkout); // before JUnit's cleanup, which warns about links leaving the directory
    }
  }

  private static void walkThrough(Recipes readme, Recipes wiring, UserShell shell, Path project) throws IOException {

    UserShell.Result install = shell.run(UserShell.CHECKOUT, readme.get("install"));
    assertEquals(0, install.status(), install::toString);
    assertInstalled(shell, "goconc-runtime", "goconc-checker");
    assertFalse(Files.exists(shell.installed("goconc-gate")), "the install command installs only what a user depends on");

    write(project, "pom.xml", wiring.get("pom.xml"));
    write(project, SOURCE, wiring.get(SOURCE));

    UserShell.Result compile = shell.run(project, wiring.get("compile"));
    assertEquals(1, compile.status(), compile::toString);
    for (String quoted : wiring.get("compile-output").lines().toList()) {
      String expected = quoted.replace(QUOTED_PROJECT, project.toString());
      assertTrue(compile.output().lines().anyMatch(expected::equals), () -> "docs/wiring.md quotes a line Maven does not print:\n" + quoted + "\n" + compile);
    }

    UserShell.Result gateBefore = shell.run(project, wiring.get("gate-sarif"));
    assertEquals(1, gateBefore.status(), gateBefore::toString);
    assertEquals(List.of("LostCancel", "TickerNotStopped"), sarifRuleIds(project.resolve("goconc.sarif")));
    assertEquals(List.of(SOURCE), sarifPaths(project.resolve("goconc.sarif")));

    String before = Files.readString(project.resolve(SOURCE));
    UserShell.Result fix = shell.run(project, wiring.get("fix"));
    assertEquals(0, fix.status(), fix::toString);
    String after = Files.readString(project.resolve(SOURCE));
    assertFalse(before.equals(after), "the fix run changed nothing");
    assertTrue(after.contains("try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(2))) {"), after);
    assertTrue(after.contains("try (Ticker ticker = Time.newTicker(Duration.ofSeconds(1))) {"), after);

    UserShell.Result recompile = shell.run(project, wiring.get("recompile"));
    assertEquals(0, recompile.status(), recompile::toString);
    assertTrue(recompile.output().contains("BUILD SUCCESS"), recompile::toString);

    UserShell.Result gateAfter = shell.run(project, wiring.get("gate-sarif"));
    assertEquals(0, gateAfter.status(), gateAfter::toString);
    assertEquals(List.of(), sarifRuleIds(project.resolve("goconc.sarif")));
  }

  @Test
  void theFixProfileNamesEveryRule() throws IOException {
    String pom = Recipes.of(WIRING).get("pom.xml");
    Matcher patchChecks = Pattern.compile("-XepPatchChecks:(\\S+?)<").matcher(pom);
    assertTrue(patchChecks.find(), pom);
    assertEquals(rulesInTheIndex(), new TreeSet<>(List.of(patchChecks.group(1).split(","))));
  }

  private static TreeSet<String> rulesInTheIndex() throws IOException {
    TreeSet<String> rules = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| \\[(\\w+)\\]\\(\\1\\.md\\)").matcher(Files.readString(UserShell.CHECKOUT.resolve("rules-docs/README.md")));
    while (row.find()) {
      rules.add(row.group(1));
    }
    assertFalse(rules.isEmpty(), "no rules in rules-docs/README.md");
    return rules;
  }

  private static void assertInstalled(UserShell shell, String... artifactIds) {
    for (String artifactId : artifactIds) {
      Path jar = shell.installed(artifactId).resolve(artifactId + "-0.1.0-SNAPSHOT.jar");
      assertTrue(Files.isRegularFile(jar), "the install command did not install " + jar);
    }
    assertTrue(Files.isRegularFile(shell.installed("goconc-parent").resolve("goconc-parent-0.1.0-SNAPSHOT.pom")), "the parent pom is missing");
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
