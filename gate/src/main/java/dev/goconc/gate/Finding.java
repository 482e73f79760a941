package dev.goconc.gate;

import java.util.Comparator;

/**
 * One goconc diagnostic.
 *
 * @param path where it is, relative to the report root, with {@code /} separators
 * @param line 1-based line
 * @param column 1-based column, in UTF-16 code units as javac counts them
 * @param suggestion Error Prone's "Did you mean …?" sentence, or {@code null} without a fix
 */
record Finding(
    String path,
    int line,
    int column,
    Severity severity,
    String rule,
    String message,
    String link,
    String suggestion) {

  /** The report order: path, line, column, rule, then message so equal spots stay stable. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::path)
          .thenComparingInt(Finding::line)
          .thenComparingInt(Finding::column)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);
}
