package dev.goconc.gate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Maven's own error lines, as the user would read them in a terminal: colour escape codes
 * removed (a Maven configured to colour its output starts each line with one), Maven's
 * closing boilerplate ("Re-run Maven using the -X switch", "[Help 1]") left out.
 */
final class MavenOutput {
  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
  private static final List<String> BOILERPLATE =
      List.of(
          "To see the full stack trace",
          "Re-run Maven using",
          "For more information about the errors",
          "[Help ",
          "-> [Help ");
  private static final int SHOWN = 12;

  private MavenOutput() {}

  static String stripEscapes(String text) {
    return ANSI_ESCAPE.matcher(text).replaceAll("");
  }

  static String errorLines(String output) {
    List<String> lines = stripEscapes(output).lines().toList();
    List<String> errors =
        lines.stream()
            .filter(line -> line.startsWith("[ERROR]") || line.startsWith("[FATAL]"))
            .filter(line -> !isBoilerplate(line))
            .limit(SHOWN)
            .toList();
    if (errors.isEmpty()) {
      errors = lines.stream().filter(line -> !line.isBlank()).limit(SHOWN).toList();
    }
    return String.join("\n  ", errors);
  }

  private static boolean isBoilerplate(String line) {
    String text = line.replaceFirst("^\\[(ERROR|FATAL)\\]\\s*", "");
    return text.isEmpty() || BOILERPLATE.stream().anyMatch(text::startsWith);
  }
}
