package dev.goconc.recipes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The recipes this machine cannot run (no Gradle, no Bazel, no reviewdog): each says so at its
 * top, and the Gradle one is free of the mistakes a user hit before.
 */
final class UntriedRecipesTest {
  private static final Recipes WIRING = Recipes.of(UserShell.CHECKOUT.resolve("docs/wiring.md"));
  /** Gradle 7's Kotlin DSL has no {@code =} assignment for lazy properties: {@code x.set(v)}. */
  private static final Pattern PROPERTY_ASSIGNMENT = Pattern.compile("(?m)^(?!\\s*(val|var) )[^\"/]*\\b\\w+ = ");

  @Test
  void gradleAndBazelSectionsSayAtTheirTopThatTheyWereNotRun() {
    for (String heading : new String[] {"## Gradle (", "## Bazel ("}) {
      String text = WIRING.text();
      int section = text.indexOf(heading);
      assertTrue(section >= 0, "no section " + heading);
      String top = text.substring(section, text.indexOf("\n\n", text.indexOf("\n\n", section) + 2));
      assertTrue(top.contains("not tried here") && top.contains("**Not run here:**"), top);
    }
  }

  @Test
  void theReviewdogSectionSaysAtItsTopThatItWasNotRun() {
    String text = Recipes.of(UserShell.CHECKOUT.resolve("docs/gate.md")).text();
    int section = text.indexOf("## reviewdog — not run here");
    assertTrue(section >= 0, "docs/gate.md has no section '## reviewdog — not run here'");
    assertTrue(text.startsWith("**Not run here:**", text.indexOf("\n\n", section) + 2), text.substring(section));
  }

  @Test
  void gradleBuildFindsTheInstalledArtifactsAndErrorProne() {
    String build = WIRING.get("build.gradle.kts");
    assertTrue(Pattern.compile("repositories \\{[^}]*mavenCentral\\(\\)").matcher(build).find(), build);
    assertTrue(Pattern.compile("repositories \\{[^}]*mavenLocal\\(\\)").matcher(build).find(), build);
    assertTrue(build.contains("errorprone(\"dev.goconc:goconc-checker:0.1.0-SNAPSHOT\")"), build);
    assertTrue(build.contains("errorprone(\"com.google.errorprone:error_prone_core:2.50.0\")"), build);
  }

  @Test
  void gradleBuildUsesGradle7PropertySyntax() {
    String build = WIRING.get("build.gradle.kts");
    assertFalse(PROPERTY_ASSIGNMENT.matcher(build).find(), () -> "a property assigned with '=': " + build);
    assertTrue(build.contains("languageVersion.set(JavaLanguageVersion.of(21))"), build);
  }
}
