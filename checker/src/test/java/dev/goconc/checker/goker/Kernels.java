package dev.goconc.checker.goker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel corpus in the test resources: {@code kernels.txt} lists each kernel (name, GoKer's
 * classification, whether it is among the 23 chosen for goconc's catalog), and each has a
 * directory of the same name.
 */
public final class Kernels {
  /** Relative to the checker module, where Maven runs its tests. */
  public static final Path DIRECTORY = Path.of("src/test/resources/goker");

  private Kernels() {}

  public static List<Kernel> all() {
    List<Kernel> kernels = new ArrayList<>();
    for (String line : dataLines(DIRECTORY.resolve("kernels.txt"))) {
      String[] columns = line.split("\\|", -1);
      if (columns.length != 3) {
        throw new IllegalStateException("kernels.txt: expected name | class | chosen or extra: " + line);
      }
      String name = columns[0].strip();
      boolean chosen =
          switch (columns[2].strip()) {
            case "chosen" -> true;
            case "extra" -> false;
            default -> throw new IllegalStateException("kernels.txt: chosen or extra: " + line);
          };
      kernels.add(Kernel.read(DIRECTORY.resolve(name), columns[1].strip(), chosen));
    }
    return kernels;
  }

  /** The lines of a list file that are neither blank nor comments. */
  static List<String> dataLines(Path file) {
    try {
      return Files.readAllLines(file, UTF_8).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
