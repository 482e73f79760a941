package dev.goconc.gate;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The classpath of a Maven module, as its build resolves it: {@code dependency:build-classpath}
 * for one scope ({@code compile} for main sources, {@code test} for test sources). Maven runs
 * the module's build extensions and plugins, which are code of whoever wrote the pom, so the
 * Maven that runs is a choice the gate states: see {@link MavenCommand}. An aggregator pom has
 * no sources of its own, so it is refused with a hint to name a module.
 */
final class MavenClasspath {
  /**
   * The goal, with its plugin's version: a pom that does not pin maven-dependency-plugin would
   * otherwise get whichever version Maven's metadata calls the latest, downloaded on the spot.
   */
  static final String BUILD_CLASSPATH = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";

  private MavenClasspath() {}

  /** A {@code pom.xml}, or a directory holding one: checked as that Maven module. */
  static boolean isModule(Path path) {
    return pomOf(path) != null;
  }

  static Path pomOf(Path path) {
    if (Files.isRegularFile(path) && path.getFileName().toString().equals("pom.xml")) {
      return path;
    }
    Path inside = path.resolve("pom.xml");
    return Files.isDirectory(path) && Files.isRegularFile(inside) ? inside : null;
  }

  /** The module's main sources: Maven's default layout. */
  static Path mainSources(Path pom) throws GateException {
    Path sources = pom.toAbsolutePath().getParent().resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      throw new GateException(
          "no src/main/java beside " + pom + " (the gate checks a Maven module's sources)");
    }
    return sources;
  }

  /** The module's test sources, or {@code null} when it has none. */
  static Path testSources(Path pom) {
    Path sources = pom.toAbsolutePath().getParent().resolve("src/test/java");
    return Files.isDirectory(sources) ? sources : null;
  }

  /**
   * The classpath of {@code scope}; {@code shown} is the pom's path as the user gave it, for
   * messages.
   */
  static List<Path> resolve(Path pom, String shown, String scope, MavenCommand maven, PrintStream log)
      throws GateException {
    Path absolutePom = pom.toAbsolutePath().normalize();
    Path output;
    try {
      output = Files.createTempFile("goconc-check-classpath", ".txt");
    } catch (IOException e) {
      throw new GateException("cannot create a temporary file: " + e.getMessage(), e);
    }
    log.println("goconc-check: resolving the classpath of " + shown + " with " + maven.executable()
        + " dependency:build-classpath (" + scope + " scope)");
    List<String> arguments =
        List.of(
            "-B",
            "-q",
            "-Dstyle.color=never",
            "-f",
            absolutePom.toString(),
            BUILD_CLASSPATH,
            "-Dmdep.includeScope=" + scope,
            "-Dmdep.outputFile=" + output);
    try {
      MavenCommand.Result result = maven.run(absolutePom.getParent(), arguments);
      if (result.status() != 0) {
        throw new GateException(
            "Maven could not resolve the dependencies of " + shown + ":\n  " + MavenOutput.errorLines(result.output()));
      }
      String classpath = Files.readString(output).strip();
      return classpath.isEmpty()
          ? List.of()
          : Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    } catch (IOException e) {
      throw new GateException("cannot read the classpath Maven wrote: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // A leftover temporary file is harmless.
      }
    }
  }

  static void refuseAggregator(Path pom, String shown) throws GateException {
    try {
      String text = Files.readString(pom);
      if (text.replaceAll("\\s", "").contains("<packaging>pom</packaging>")) {
        throw new GateException(
            shown + " is an aggregator (packaging pom): give the pom.xml of the module to check");
      }
    } catch (IOException e) {
      throw new GateException("cannot read " + shown + ": " + e.getMessage(), e);
    }
  }

  /** The environment's PATH lookup, for {@link MavenCommand}. */
  static Path onPath(String name, Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    for (String entry : path.split(File.pathSeparator, -1)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
