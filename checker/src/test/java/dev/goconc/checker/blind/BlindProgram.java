package dev.goconc.checker.blind;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One program of the blind set: a directory of {@code .java} files without a package line, their
 * markers, and where each line sits (its member and its top-level type), which is what a finding
 * is matched by.
 */
record BlindProgram(String name, List<SourceFile> files) {
  private static final Pattern MARKER = Pattern.compile("^\\s*// (BUG|OK)\\((\\w+)\\): (.+)$");

  /** A {@code // BUG(Rule): why} or {@code // OK(Rule): why} line and the line it marks. */
  record Marker(SourceFile file, int line, int target, boolean bug, String rule, String why) {
    String place() {
      return file.path() + ":" + target;
    }

    Scope scope() {
      return file.scopeOf(target);
    }
  }

  /**
   * Where a line sits: the innermost member (method, constructor, field, initializer) of a named
   * type that contains it, or the type's header when no member does; and its top-level type.
   * Lambdas, anonymous classes and local code belong to the member they are written in.
   */
  record Scope(String member, String topType) {}

  /** One file: its path {@code program/File.java}, its text and its parse. */
  static final class SourceFile {
    private final String path;
    private final String text;
    private final String[] lines;
    private final CompilationUnit unit;

    SourceFile(String path, String text) {
      this.path = path;
      this.text = text;
      this.lines = text.split("\n", -1);
      ParseResult<CompilationUnit> result =
          new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_21)).parse(text);
      this.unit = result.getResult().filter(u -> result.isSuccessful())
          .orElseThrow(() -> new IllegalArgumentException(path + " does not parse: " + result.getProblems()));
    }

    String path() {
      return path;
    }

    String text() {
      return text;
    }

    /** The source line, trimmed. */
    String line(int line) {
      return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
    }

    List<Marker> markers() {
      List<Marker> markers = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        Matcher m = MARKER.matcher(lines[i]);
        if (m.matches()) {
          int target = i + 1;
          while (target < lines.length && lines[target].strip().startsWith("//")) {
            target++;
          }
          markers.add(new Marker(this, i + 1, target + 1, m.group(1).equals("BUG"), m.group(2), m.group(3)));
        }
      }
      return markers;
    }

    Scope scopeOf(int line) {
      Node member = null;
      for (BodyDeclaration<?> d : unit.findAll(BodyDeclaration.class)) {
        if (!(d instanceof TypeDeclaration<?>) && namedTypeMember(d) && contains(d, line)
            && (member == null || member.isAncestorOf(d))) {
          member = d;
        }
      }
      TypeDeclaration<?> top = null;
      TypeDeclaration<?> innermost = null;
      for (TypeDeclaration<?> t : unit.getTypes()) {
        if (contains(t, line)) {
          top = t;
        }
      }
      for (TypeDeclaration<?> t : unit.findAll(TypeDeclaration.class)) {
        if (contains(t, line) && (innermost == null || innermost.isAncestorOf(t))) {
          innermost = t;
        }
      }
      String topName = top == null ? "-" : top.getNameAsString();
      if (member != null) {
        return new Scope("member@" + member.getBegin().orElseThrow().line, topName);
      }
      return new Scope(innermost == null ? "-" : "header of " + innermost.getNameAsString(), topName);
    }

    private static boolean namedTypeMember(BodyDeclaration<?> d) {
      return d.getParentNode().filter(p -> p instanceof TypeDeclaration<?>).isPresent();
    }

    private static boolean contains(Node n, int line) {
      return n.getBegin().map(b -> b.line <= line).orElse(false)
          && n.getEnd().map(e -> line <= e.line).orElse(false);
    }
  }

  List<Marker> markers() {
    return files.stream().flatMap(f -> f.markers().stream()).toList();
  }

  static List<BlindProgram> all(Path setDirectory) {
    try (Stream<Path> dirs = Files.list(setDirectory)) {
      return dirs.filter(Files::isDirectory).sorted().map(BlindProgram::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BlindProgram read(Path dir) {
    String name = dir.getFileName().toString();
    try (Stream<Path> files = Files.list(dir)) {
      List<SourceFile> sources = files.filter(f -> f.toString().endsWith(".java")).sorted()
          .map(f -> new SourceFile(name + "/" + f.getFileName(), readString(f)))
          .toList();
      return new BlindProgram(name, sources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
