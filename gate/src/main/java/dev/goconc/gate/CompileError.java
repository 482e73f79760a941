package dev.goconc.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A javac error that stops the gate, in javac's own words: {@code path:line:column: error:}
 * then the message with its detail lines ({@code symbol:}, {@code location:}). An Error Prone
 * crash carries a stack trace in its text; only the lines before it are kept.
 *
 * @param missingDependency whether the error says that a dependency is missing: a package that
 *     does not exist, a class file that cannot be found, or an import that names an unknown
 *     class; a symbol unknown in the code itself is more often a missing import or a typo
 */
record CompileError(String text, boolean missingDependency) {
  private static final Set<String> MISSING_DEPENDENCY_CODES =
      Set.of("compiler.err.doesnt.exist", "compiler.err.cant.access");
  private static final int MAX_LINES = 6;

  static CompileError of(Diagnostic<? extends JavaFileObject> diagnostic, ReportRoot root) {
    StringBuilder text = new StringBuilder();
    if (diagnostic.getSource() != null) {
      text.append(root.display(Path.of(diagnostic.getSource().toUri())))
          .append(':').append(diagnostic.getLineNumber());
      if (diagnostic.getColumnNumber() > 0) {
        text.append(':').append(diagnostic.getColumnNumber());
      }
      text.append(": ");
    }
    text.append("error: ").append(String.join("\n    ", messageLines(diagnostic.getMessage(Locale.ROOT))));
    return new CompileError(text.toString(), missingDependency(diagnostic));
  }

  private static List<String> messageLines(String message) {
    return message.strip().lines()
        .takeWhile(line -> !line.isBlank() && !line.strip().startsWith("at "))
        .map(String::strip)
        .limit(MAX_LINES)
        .toList();
  }

  private static boolean missingDependency(Diagnostic<? extends JavaFileObject> diagnostic) {
    String code = String.valueOf(diagnostic.getCode());
    if (MISSING_DEPENDENCY_CODES.contains(code)) {
      return true;
    }
    return code.startsWith("compiler.err.cant.resolve") && sourceLine(diagnostic).strip().startsWith("import ");
  }

  private static String sourceLine(Diagnostic<? extends JavaFileObject> diagnostic) {
    if (diagnostic.getSource() == null || diagnostic.getLineNumber() < 1) {
      return "";
    }
    try {
      return diagnostic.getSource().getCharContent(true).toString().lines()
          .skip(diagnostic.getLineNumber() - 1)
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }
}
