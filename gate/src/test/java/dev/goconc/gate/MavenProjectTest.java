package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given a pom.xml, the gate checks the module's main sources against its Maven classpath. */
final class MavenProjectTest {
  private static final Path REPOSITORY =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();

  @TempDir Path dir;

  @Test
  void resolvesTheModulesDependenciesWithItsMavenWrapperAndSaysSo() throws IOException {
    GateRun.copyFixture("maven-module", dir);
    // The fixture gets this repository's wrapper, which the gate must find and use.
    Files.copy(REPOSITORY.resolve("mvnw"), dir.resolve("mvnw"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(dir.resolve(".mvn/wrapper"));
    Files.copy(
        REPOSITORY.resolve(".mvn/wrapper/maven-wrapper.properties"),
        dir.resolve(".mvn/wrapper/maven-wrapper.properties"));

    GateRun run = GateRun.in(dir, "pom.xml");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    assertTrue(
        run.err().contains("resolving the classpath of pom.xml with " + dir.resolve("mvnw") + " dependency:build-classpath"),
        run::toString);
    assertTrue(run.out().startsWith("src/main/java/app/Service.java:8:19: warning [ContextInField]"), run::toString);
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

    GateRun run = GateRun.in(dir, "pom.xml");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("is an aggregator (packaging pom)"), run::toString);
  }
}
