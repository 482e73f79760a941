package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/goconc-check} on a machine without a JDK 21+: one clear line and exit 2, before
 * it tries to build anything. (The other launcher paths build the gate with Maven, which a
 * unit test inside that build must not start.)
 */
final class LauncherTest {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent().resolve("bin/goconc-check");

  @TempDir Path dir;

  @Test
  void withoutAJdk21ItPrintsOneLineAndExitsTwo() throws IOException, InterruptedException {
    // A PATH with only the shell tools the launcher uses, and no java at all.
    Path bin = Files.createDirectories(dir.resolve("bin"));
    for (String tool : List.of("bash", "env", "dirname", "readlink", "sed", "head", "cat", "find", "mkdir", "ls", "sort")) {
      Path found = which(tool);
      Files.createSymbolicLink(bin.resolve(tool), found);
    }
    Path emptyJvmDir = Files.createDirectories(dir.resolve("jvm"));
    ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "src").directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.put("PATH", bin.toString());
    env.put("GOCONC_JVM_DIRS", emptyJvmDir.toString());
    env.put("JAVA_HOME", dir.resolve("no-such-jdk").toString());

    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    deleteLinks(bin);

    assertEquals(2, status, output);
    assertEquals(
        "goconc needs a JDK 21 or newer and found none in JAVA_HOME, on the PATH or in "
            + emptyJvmDir
            + "; install one (e.g. apt install openjdk-21-jdk) or set JAVA_HOME to it.\n",
        output);
  }

  /** Removes the tool links ourselves; JUnit's cleanup warns about links leaving the temp dir. */
  private static void deleteLinks(Path bin) throws IOException {
    try (var links = Files.list(bin)) {
      for (Path link : links.toList()) {
        Files.delete(link);
      }
    }
  }

  private static Path which(String tool) {
    for (String entry : System.getenv("PATH").split(":", -1)) {
      Path candidate = Path.of(entry, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(tool + " not on PATH");
  }
}
