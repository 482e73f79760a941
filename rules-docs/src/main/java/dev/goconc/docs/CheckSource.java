package dev.goconc.docs;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a rule's page takes from its check's source: the class Javadoc, which states what the rule
 * decides in the model's terms (which sends are counted, which exits judged, which aliases
 * followed, when it stays quiet). The check's Javadoc is the one place that says it; the page
 * shows it, so a user can predict the rule from its page.
 */
final class CheckSource {
  private CheckSource() {}

  /** The folder of the checks' sources, from the folder of the mistake files. */
  static Path checksFolder(Path mistakes) {
    return mistakes.toAbsolutePath().normalize().getParent().getParent()
        .resolve("checker/src/main/java/dev/goconc/checker");
  }

  /** The check {@code name}'s class Javadoc as Markdown. */
  static String decisions(Path checks, String name) {
    Path file = checks.resolve(name + ".java");
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the check of " + name + " is not at " + file, e);
    }
    JavaParser parser =
        new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_21));
    ParseResult<CompilationUnit> parsed = parser.parse(source);
    TypeDeclaration<?> type = parsed.getResult()
        .filter(unit -> parsed.isSuccessful())
        .flatMap(unit -> unit.getTypes().stream().findFirst())
        .orElseThrow(() -> new IllegalArgumentException(file + ": " + parsed.getProblems()));
    return type.getJavadoc()
        .map(doc -> JavadocMarkdown.toMarkdown(doc.getDescription().toText()))
        .filter(text -> !text.isBlank())
        .orElseThrow(() -> new IllegalStateException(
            file + ": the check has no class Javadoc saying what it decides"));
  }
}
