package dev.goconc.gate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the gate in this JVM as the command line would, and keeps what it printed. */
record GateRun(int status, String out, String err) {

  static GateRun in(Path cwd, String... args) {
    return in(cwd, System.getenv(), args);
  }

  /** As {@link #in(Path, String...)}, with {@code env} as the gate's environment. */
  static GateRun in(Path cwd, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        GoconcCheck.run(
            args,
            cwd,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new GateRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Copies the fixture directory {@code fixtures/<name>} into {@code target}, keeping its layout. */
  static Path copyFixture(String name, Path target) {
    try {
      Path source = Path.of(GateRun.class.getResource("/fixtures/" + name).toURI());
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path from : walk.sorted(Comparator.naturalOrder()).toList()) {
          Path to = target.resolve(source.relativize(from).toString());
          if (Files.isDirectory(from)) {
            Files.createDirectories(to);
          } else {
            Files.copy(from, to);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
