package dev.goconc.gate;

import dev.goconc.Chan;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;

/**
 * What the gate takes from its own JVM: its classpath, which holds Error Prone and the checker
 * and so becomes javac's processor path (the launcher builds it with
 * {@code dependency:build-classpath}), and the goconc runtime it was built with.
 */
final class GateEnvironment {
  private GateEnvironment() {}

  static List<Path> processorPath() {
    return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .map(Path::of)
        .toList();
  }

  /** The jar (or classes directory) of the goconc runtime on the gate's classpath. */
  static Path bundledRuntime() throws GateException {
    CodeSource source = Chan.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      throw new GateException("cannot locate the goconc runtime on the gate's classpath");
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new GateException("cannot locate the goconc runtime: " + e.getMessage(), e);
    }
  }
}
