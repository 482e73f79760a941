package dev.goconc.gate;

import java.util.List;

/**
 * One line per finding, {@code path:line:col: severity [Rule] message} (the shape compilers
 * print, so editors and reviewdog's {@code -efm="%f:%l:%c: %m"} read it), then indented lines
 * with the suggested fix and the rule's page.
 */
final class TextReport {
  private TextReport() {}

  static String render(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      out.append(f.path()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
          .append(f.severity().label).append(" [").append(f.rule()).append("] ")
          .append(f.message().replace("\n", "\n    "))
          .append('\n');
      if (f.suggestion() != null) {
        out.append("    ").append(f.suggestion().replace("\n", "\n    ")).append('\n');
      }
      if (f.link() != null) {
        out.append("    (see ").append(f.link()).append(")\n");
      }
    }
    return out.toString();
  }
}
