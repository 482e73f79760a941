package dev.goconc.gate;

import java.util.Locale;
import javax.tools.Diagnostic;

/** How serious a finding is: Error Prone's ERROR, WARNING and SUGGESTION, as javac reports them. */
enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTE("note");

  /** The word in text output, JSON, SARIF's {@code level} and the baseline. */
  final String label;

  Severity(String label) {
    this.label = label;
  }

  static Severity of(Diagnostic.Kind kind) {
    return switch (kind) {
      case ERROR -> ERROR;
      case WARNING, MANDATORY_WARNING -> WARNING;
      default -> NOTE;
    };
  }

  /** Maps a {@code @BugPattern} severity name (ERROR, WARNING, SUGGESTION). */
  static Severity ofBugPattern(String name) {
    return switch (name) {
      case "ERROR" -> ERROR;
      case "WARNING" -> WARNING;
      default -> NOTE;
    };
  }

  static Severity parse(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
