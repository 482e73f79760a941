package dev.goconc.recipes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A shell as a new user has it: a recipe block runs as written, in bash, and {@code mvn} is
 * Maven 3.9 (this checkout's wrapper, so the machine's own Maven, if any, does not matter). Its
 * local repository is a temporary one stacked on the user's ({@code maven.repo.local.tail},
 * read-only), so the README's install command writes nowhere but there and everything else
 * comes from the user's cache or Maven Central.
 */
final class UserShell {
  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

  static final Path CHECKOUT = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();

  private final Path bin;
  private final String mavenArgs;

  record Result(int status, String output) {
    @Override
    public String toString() {
      return "exit " + status + "\n" + output;
    }
  }

  UserShell(Path home) {
    try {
      Path localRepository = Files.createDirectories(home.resolve("m2/repository"));
      this.bin = Files.createDirectories(home.resolve("bin"));
      Path mvn = bin.resolve("mvn");
      Files.writeString(mvn, "#!/bin/sh\nexec '" + CHECKOUT.resolve("mvnw") + "' \"$@\"\n");
      Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
      String userRepository = System.getProperty("goconc.userRepository");
      this.mavenArgs =
          "-B -ntp -Dmaven.repo.local=" + localRepository
              + (userRepository == null || userRepository.isEmpty() ? "" : " -Dmaven.repo.local.tail=" + userRepository);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code script} with bash in {@code dir}; output is stdout and stderr, escape codes removed. */
  Result run(Path dir, String script) {
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", script)).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("MAVEN_ARGS", mavenArgs);
    try {
      Process process = builder.redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      int status = process.waitFor();
      String text = ANSI_ESCAPE.matcher(new String(output, StandardCharsets.UTF_8)).replaceAll("");
      return new Result(status, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + script, e);
    }
  }

  /** Where the recipes' local repository holds {@code artifactId}'s snapshot directory. */
  Path installed(String artifactId) {
    return bin.getParent().resolve("m2/repository/dev/goconc/" + artifactId + "/0.1.0-SNAPSHOT");
  }
}
