package dev.goconc.gate;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The compile classpath of a Maven module, as its own build resolves it:
 * {@code dependency:build-classpath} with the compile scope (compile, provided, system), run
 * by the project's Maven wrapper (the nearest {@code mvnw} in the pom's directory or above) or
 * else {@code mvn} from the PATH. The gate says which on stderr. An aggregator pom has no
 * sources of its own, so it is refused with a hint to name a module.
 */
final class MavenClasspath {
  private MavenClasspath() {}

  static boolean isPom(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().equals("pom.xml");
  }

  /** The module's main sources: Maven's default layout. */
  static Path mainSources(Path pom) throws GateException {
    Path sources = pom.toAbsolutePath().getParent().resolve("src/main/java");
    if (!Files.isDirectory(sources)) {
      throw new GateException(
          "no src/main/java beside " + pom + " (the gate checks a Maven module's main sources)");
    }
    return sources;
  }

  /** The classpath; {@code shown} is the pom's path as the user gave it, for messages. */
  static List<Path> resolve(Path pom, String shown, PrintStream log) throws GateException {
    Path absolutePom = pom.toAbsolutePath().normalize();
    refuseAggregator(absolutePom, shown);
    String maven = findMaven(absolutePom.getParent());
    Path output;
    try {
      output = Files.createTempFile("goconc-check-classpath", ".txt");
    } catch (IOException e) {
      throw new GateException("cannot create a temporary file: " + e.getMessage(), e);
    }
    log.println("goconc-check: resolving the classpath of " + shown + " with " + maven
        + " dependency:build-classpath");
    List<String> command =
        List.of(
            maven,
            "-B",
            "-q",
            "-f",
            absolutePom.toString(),
            "dependency:build-classpath",
            "-Dmdep.includeScope=compile",
            "-Dmdep.outputFile=" + output);
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(absolutePom.getParent().toFile())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      String mavenOutput = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new GateException(
            "Maven could not resolve the dependencies of " + shown + ":\n  " + errorLines(mavenOutput));
      }
      String classpath = Files.readString(output).strip();
      return classpath.isEmpty()
          ? List.of()
          : Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    } catch (IOException e) {
      throw new GateException("cannot run " + maven + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GateException("interrupted while Maven resolved the classpath", e);
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // A leftover temporary file is harmless.
      }
    }
  }

  private static void refuseAggregator(Path pom, String shown) throws GateException {
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

  private static String findMaven(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path wrapper = d.resolve("mvnw");
      if (Files.isExecutable(wrapper)) {
        return wrapper.toString();
      }
    }
    return "mvn";
  }

  private static String errorLines(String output) {
    List<String> errors =
        output.lines().filter(l -> l.startsWith("[ERROR]")).limit(8).collect(Collectors.toCollection(ArrayList::new));
    if (errors.isEmpty()) {
      errors = output.lines().limit(8).toList();
    }
    return String.join("\n  ", errors);
  }
}
