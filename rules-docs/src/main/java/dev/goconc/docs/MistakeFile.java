package dev.goconc.docs;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.javadoc.Javadoc;
import com.github.javaparser.javadoc.JavadocBlockTag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a rule's page takes from its file in {@code examples/mistakes/}, read with javaparser:
 * the top-level class's Javadoc (why the mistake fails at run time) and its
 * {@code @goanalyzer} tag (the Go analyzer the rule mirrors); the nested classes
 * {@code Mistake} and {@code Fix}, each with its Javadoc and its source as written. In the
 * source, each marker {@code // goconc: expect <Rule>} becomes {@code // <Rule> flags this line}.
 */
record MistakeFile(
    String why,
    String goAnalyzer,
    String mistakeProse,
    String mistakeCode,
    String fixProse,
    String fixCode) {

  static final String MISTAKE = "Mistake";
  static final String FIX = "Fix";
  private static final Pattern MARKER = Pattern.compile("//\\s*goconc:\\s*expect\\s+(\\w+)\\s*$");

  static MistakeFile read(Path file) throws IOException {
    String source = Files.readString(file, StandardCharsets.UTF_8);
    TypeDeclaration<?> top = topLevel(source, file.toString());
    Javadoc doc = javadoc(top, file.toString());
    String analyzer =
        doc.getBlockTags().stream()
            .filter(tag -> tag.getTagName().equals("goanalyzer"))
            .map(JavadocBlockTag::getContent)
            .map(content -> JavadocMarkdown.toMarkdown(content.toText()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(file + ": no @goanalyzer tag"));
    List<String> lines = source.lines().toList();
    ClassOrInterfaceDeclaration mistake = nested(top, MISTAKE, file.toString());
    ClassOrInterfaceDeclaration fix = nested(top, FIX, file.toString());
    return new MistakeFile(
        JavadocMarkdown.toMarkdown(doc.getDescription().toText()),
        analyzer,
        JavadocMarkdown.toMarkdown(javadoc(mistake, file.toString()).getDescription().toText()),
        code(mistake, lines, "// $1 flags this line"),
        JavadocMarkdown.toMarkdown(javadoc(fix, file.toString()).getDescription().toText()),
        code(fix, lines, "// $1 flags this line"));
  }

  /**
   * The source of the nested class {@code name} in {@code source} (a mistake file as written,
   * or as a check's fix rewrote it), without its Javadoc and without markers.
   */
  static String classCode(String source, String name, String origin) {
    ClassOrInterfaceDeclaration type = nested(topLevel(source, origin), name, origin);
    return code(type, source.lines().toList(), "").replaceAll("[ \\t]+\\n", "\n");
  }

  private static TypeDeclaration<?> topLevel(String source, String origin) {
    JavaParser parser =
        new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_21));
    ParseResult<CompilationUnit> parsed = parser.parse(source);
    CompilationUnit unit =
        parsed.getResult()
            .filter(u -> parsed.isSuccessful())
            .orElseThrow(() -> new IllegalArgumentException(origin + ": " + parsed.getProblems()));
    return unit.getTypes().stream()
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(origin + " declares no class"));
  }

  private static Javadoc javadoc(TypeDeclaration<?> type, String origin) {
    return type.getJavadoc()
        .orElseThrow(
            () -> new IllegalArgumentException(origin + ": " + type.getNameAsString() + " has no Javadoc"));
  }

  private static ClassOrInterfaceDeclaration nested(TypeDeclaration<?> top, String name, String origin) {
    return top.getMembers().stream()
        .filter(ClassOrInterfaceDeclaration.class::isInstance)
        .map(ClassOrInterfaceDeclaration.class::cast)
        .filter(c -> c.getNameAsString().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(origin + " has no nested class " + name));
  }

  /**
   * The declaration's lines as written (its Javadoc is shown as prose), without their indent,
   * each marker replaced by {@code markerReplacement} ({@code $1} is the rule).
   */
  private static String code(
      ClassOrInterfaceDeclaration type, List<String> lines, String markerReplacement) {
    int begin = type.getRange().orElseThrow().begin.line - 1;
    int end = type.getRange().orElseThrow().end.line;
    List<String> declaration = lines.subList(begin, end);
    int indent = declaration.get(0).length() - declaration.get(0).stripLeading().length();
    StringBuilder out = new StringBuilder();
    for (String line : declaration) {
      String dedented = line.length() >= indent && line.substring(0, indent).isBlank()
          ? line.substring(indent)
          : line.stripLeading();
      out.append(MARKER.matcher(dedented).replaceAll(markerReplacement)).append('\n');
    }
    return out.toString();
  }
}
