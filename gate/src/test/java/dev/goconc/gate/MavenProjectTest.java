package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given a Maven module (its pom.xml or its directory), the gate checks its main sources against
 * its compile classpath and its test sources against its test classpath, resolved by a Maven it
 * trusts: the PATH's, or the one {@code --maven} names, never the checkout's wrapper by itself.
 */
final class MavenProjectTest {
  private static final Path REPOSITORY =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();

  @TempDir Path dir;

  @Test
  void resolvesTheModulesDependenciesWithTheMavenNamedByTheOptionAndSaysSo() throws IOException {
    GateRun.copyFixture("maven-module", dir);
    // The fixture gets this repository's wrapper, which --maven names.
    Files.copy(REPOSITORY.resolve("mvnw"), dir.resolve("mvnw"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(dir.resolve(".mvn/wrapper"));
    Files.copy(
        REPOSITORY.resolve(".mvn/wrapper/maven-wrapper.properties"),
        dir.resolve(".mvn/wrapper/maven-wrapper.properties"));

    GateRun run = GateRun.in(dir, "--maven", "./mvnw", "pom.xml");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertTrue(
        run.err().contains("resolving the classpath of pom.xml with " + dir.resolve("mvnw") + " dependency:build-classpath (compile scope)"),
        run::toString);
    assertTrue(run.out().startsWith("src/main/java/app/Service.java:8:19: warning [ContextInField]"), run::toString);
  }

  @Test
  void prefersTheMavenOnThePathOverTheCheckoutsWrapper() throws IOException {
    GateRun.copyFixture("maven-module", dir);
    Path wrapper = script(dir.resolve("mvnw"), "echo > wrapper-ran\nexit 1\n");
    Path mvn = fakeMaven(Map.of("compile", jarsOnThisClasspath("error_prone_annotations")));

    GateRun run = GateRun.in(dir, pathOf(mvn), "pom.xml");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertTrue(run.err().contains("with " + mvn + " dependency:build-classpath"), run::toString);
    assertFalse(Files.exists(dir.resolve("wrapper-ran")), "the checkout's " + wrapper + " ran");
    assertTrue(run.out().startsWith("src/main/java/app/Service.java:8:19: warning [ContextInField]"), run::toString);
  }

  @Test
  void aDirectoryHoldingAPomIsCheckedAsThatModuleWithMainAndTestClasspaths() throws IOException {
    GateRun.copyFixture("maven-module", dir);
    Path test = dir.resolve("src/test/java/app/ServiceTest.java");
    Files.createDirectories(test.getParent());
    // Compiles only against the test classpath (JUnit); ContextInField is quiet in tests.
    Files.writeString(
        test,
        """
        package app;
        import dev.goconc.Context;
        import org.junit.jupiter.api.Test;
        class ServiceTest {
          Context ctx;
          @Test void runs() {}
        }
        """);
    String annotations = jarsOnThisClasspath("error_prone_annotations");
    Path mvn =
        fakeMaven(
            Map.of(
                "compile", annotations,
                "test", annotations + File.pathSeparator + jarsOnThisClasspath("junit-jupiter-api", "apiguardian", "opentest4j")));

    GateRun run = GateRun.in(dir, pathOf(mvn), ".");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertTrue(run.err().contains("resolving the classpath of pom.xml with " + mvn + " dependency:build-classpath (compile scope)"), run::toString);
    assertTrue(run.err().contains("resolving the classpath of pom.xml with " + mvn + " dependency:build-classpath (test scope)"), run::toString);
    assertTrue(run.err().contains("1 finding in 2 files"), run::toString);
    assertTrue(run.out().startsWith("src/main/java/app/Service.java:8:19: warning [ContextInField]"), run::toString);
  }

  @Test
  void mavensOwnErrorLinesPassThroughWithoutColourCodes() throws IOException {
    GateRun.copyFixture("maven-module", dir);
    String esc = "\u001B";
    Path mvn =
        script(
            Files.createDirectories(dir.resolve("bin")).resolve("mvn"),
            "printf '%s\\n' '" + esc + "[1;31m[ERROR]" + esc + "[m Failed to execute goal on project gate-fixture: "
                + "Could not resolve dependencies: com.example:absent:jar:1 was not found in https://repo.maven.apache.org/maven2' "
                + "'" + esc + "[1;31m[ERROR]" + esc + "[m Re-run Maven using the -X switch to enable full debug logging.'\nexit 1\n");

    GateRun run = GateRun.in(dir, pathOf(mvn), "pom.xml");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(
        run.err().contains("Maven could not resolve the dependencies of pom.xml:\n  [ERROR] Failed to execute goal on project gate-fixture: "
            + "Could not resolve dependencies: com.example:absent:jar:1 was not found"),
        run::toString);
    assertFalse(run.err().contains(esc), run::toString);
    assertFalse(run.err().contains("Re-run Maven"), run::toString);
  }

  @Test
  void withoutMavenOnThePathItSaysHowToNameOne() throws IOException {
    GateRun.copyFixture("maven-module", dir);
    script(dir.resolve("mvnw"), "echo > wrapper-ran\n");

    GateRun run = GateRun.in(dir, pathOf(Files.createDirectories(dir.resolve("empty")).resolve("mvn")), "pom.xml");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("there is no mvn on the PATH"), run::toString);
    assertTrue(run.err().contains("--maven ./mvnw"), run::toString);
    assertFalse(Files.exists(dir.resolve("wrapper-ran")));
  }

  @Test
  void withoutTheMavenClasspathTheSameSourcesDoNotCompile() {
    GateRun.copyFixture("maven-module", dir);

    GateRun run = GateRun.in(dir, "src/main/java");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("package com.google.errorprone.annotations does not exist"), run::toString);
  }

  @Test
  void aggregatorPomIsRefusedWithAHint() throws IOException {
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId>"
            + "<version>1</version><packaging>pom</packaging></project>\n");
    Files.createDirectories(dir.resolve("src/main/java"));

    GateRun pom = GateRun.in(dir, "pom.xml");
    GateRun directory = GateRun.in(dir, ".");

    assertEquals(GoconcCheck.UNUSABLE, pom.status(), pom::toString);
    assertTrue(pom.err().contains("is an aggregator (packaging pom)"), pom::toString);
    assertEquals(GoconcCheck.UNUSABLE, directory.status(), directory::toString);
    assertTrue(directory.err().contains("pom.xml is an aggregator (packaging pom)"), directory::toString);
  }

  /** A stand-in for mvn on the PATH: writes the classpath of the asked scope, as dependency:build-classpath does. */
  private Path fakeMaven(Map<String, String> classpathByScope) throws IOException {
    StringBuilder body =
        new StringBuilder(
            """
            for arg; do case "$arg" in -Dmdep.includeScope=*) scope=${arg#*=};; -Dmdep.outputFile=*) out=${arg#*=};; esac; done
            case "$scope" in
            """);
    classpathByScope.forEach((scope, classpath) -> body.append(scope).append(") printf %s '").append(classpath).append("' > \"$out\";;\n"));
    body.append("*) echo \"[ERROR] unexpected scope $scope\"; exit 1;;\nesac\n");
    return script(Files.createDirectories(dir.resolve("trusted-bin")).resolve("mvn"), body.toString());
  }

  private static Path script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** The environment with only {@code mvn}'s directory on the PATH (the scripts use shell built-ins). */
  private static Map<String, String> pathOf(Path mvn) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PATH", mvn.getParent().toString());
    return env;
  }

  private static String jarsOnThisClasspath(String... names) {
    List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    return Arrays.stream(names)
        .map(name -> entries.stream().filter(e -> Path.of(e).getFileName().toString().startsWith(name)).findFirst()
            .orElseThrow(() -> new AssertionError(name + " is not on the test classpath")))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
