package dev.goconc.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Java sources under the command's paths: a {@code .java} file as given, or every
 * {@code .java} file below a directory, skipping build output ({@code target}, {@code build})
 * and hidden directories ({@code .git}). A path that does not exist, a file that is not Java
 * source, or a directory with no Java source is an error the user must see, never an empty
 * and therefore "clean" run.
 */
final class SourceSet {
  private SourceSet() {}

  /** The sources at {@code path}, sorted; {@code shown} is the path as the user gave it. */
  static List<Path> collect(Path path, String shown) throws GateException {
    if (!Files.exists(path)) {
      throw new GateException("no such file or directory: " + shown);
    }
    if (Files.isDirectory(path)) {
      List<Path> found = walk(path);
      if (found.isEmpty()) {
        throw new GateException("no Java sources (*.java) under " + shown);
      }
      return List.copyOf(new TreeSet<>(found));
    }
    if (isJavaSource(path)) {
      return List.of(path.toAbsolutePath().normalize());
    }
    throw new GateException(
        "not a Java source file: " + shown + " (give .java files, directories, or a pom.xml)");
  }

  /** Whether any {@code .java} file lies below {@code dir}, as {@link #collect} walks it. */
  static boolean hasJavaSources(Path dir) throws GateException {
    return !walk(dir).isEmpty();
  }

  static boolean isJavaSource(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".java");
  }

  private static List<Path> walk(Path dir) throws GateException {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              String name = d.getFileName() == null ? "" : d.getFileName().toString();
              boolean skip =
                  !d.equals(dir)
                      && (name.startsWith(".") || name.equals("target") || name.equals("build"));
              return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java")) {
                found.add(file.toAbsolutePath().normalize());
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | UncheckedIOException e) {
      throw new GateException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    return found;
  }
}
