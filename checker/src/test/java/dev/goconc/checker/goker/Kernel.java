package dev.goconc.checker.goker;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One GoKer kernel written with goconc: the buggy program ({@code Buggy.java}) and its fixed twin
 * ({@code Fixed.java}, the upstream fix applied), both without a package so that the metamorphic
 * suite can place them in one of its own. In the buggy program a line comment starting with
 * {@link #BUG_MARKER} stands alone before each statement where the real bug shows: the operation
 * that blocks forever, or the misuse the upstream fix changes.
 *
 * @param name GoKer's name, project and pull request: {@code moby4395}
 * @param goKerClass GoKer's classification: {@code Channel & Context}
 * @param chosen whether it is one of the 23 kernels that match goconc's catalog
 */
public record Kernel(String name, String goKerClass, boolean chosen, String buggy, String fixed) {
  public static final String BUG_MARKER = "// BUG (GoKer):";

  static Kernel read(Path directory, String goKerClass, boolean chosen) {
    return new Kernel(
        directory.getFileName().toString(),
        goKerClass,
        chosen,
        text(directory.resolve("Buggy.java")),
        text(directory.resolve("Fixed.java")));
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GoKer's spelling of the upstream pull request: {@code moby#4395}. */
  public String upstream() {
    return name.replaceFirst("(\\d+)$", "#$1");
  }

  /** The lines (1-based) each marker points at: the next line that is not itself a marker. */
  public List<Integer> bugLines() {
    List<Integer> lines = new ArrayList<>();
    String[] all = buggy.split("\n", -1);
    for (int i = 0; i < all.length; i++) {
      if (isMarker(all[i]) && (i + 1 >= all.length || !isMarker(all[i + 1]))) {
        lines.add(i + 2);
      }
    }
    return lines;
  }

  /**
   * Where a rule may report the marked bug: the marked lines, and the first line of each loop that
   * repeats a marked operation in the same code (not across a lambda or class body), since the
   * rules that judge loops report the loop and name the operation in their message.
   */
  public Set<Integer> bugReportLines() {
    Set<Integer> lines = new TreeSet<>(bugLines());
    CompilationUnit unit = parse(buggy);
    for (int line : bugLines()) {
      Node deepest = null;
      for (Node node : unit.findAll(Node.class, n -> n.getBegin().map(b -> b.line == line).orElse(false))) {
        if (deepest == null || deepest.isAncestorOf(node)) {
          deepest = node;
        }
      }
      for (Node up = deepest; up != null && !isCodeBoundary(up); up = up.getParentNode().orElse(null)) {
        if (up instanceof ForStmt || up instanceof ForEachStmt || up instanceof WhileStmt || up instanceof DoStmt) {
          lines.add(up.getBegin().orElseThrow().line);
        }
      }
    }
    return lines;
  }

  private static boolean isCodeBoundary(Node node) {
    return node instanceof LambdaExpr || node instanceof BodyDeclaration<?>;
  }

  private static CompilationUnit parse(String text) {
    ParseResult<CompilationUnit> result =
        new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_21)).parse(text);
    return result.getResult().filter(u -> result.isSuccessful())
        .orElseThrow(() -> new IllegalArgumentException("does not parse: " + result.getProblems()));
  }

  static boolean isMarker(String line) {
    return line.strip().startsWith(BUG_MARKER);
  }

  /** The source line, trimmed: how the off-bug list names a finding's place. */
  String buggyLine(long line) {
    return buggy.split("\n", -1)[(int) line - 1].strip();
  }
}
