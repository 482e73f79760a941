package dev.goconc.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns Javadoc text into Markdown: {@code {@code x}} and {@code {@link x}} become code spans,
 * {@code <a href>} a link, {@code <p>} and blank lines a paragraph break; the lines of a
 * paragraph are joined into one. Inline tags may not nest braces (the mistake files' prose
 * does not need it).
 */
final class JavadocMarkdown {
  private static final Pattern CODE = Pattern.compile("\\{@(?:code|literal)\\s+([^}]*)}");
  private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)?\\s+#?([^}\\s]*)[^}]*}");
  private static final Pattern ANCHOR =
      Pattern.compile("<a\\s+href=\"([^\"]*)\"\\s*>(.*?)</a>", Pattern.DOTALL);
  private static final Pattern PARAGRAPH = Pattern.compile("\\s*<p>\\s*|\\n\\s*\\n");

  private JavadocMarkdown() {}

  static String toMarkdown(String javadocText) {
    String text = CODE.matcher(javadocText).replaceAll(m -> "`" + quote(m.group(1).strip()) + "`");
    text = LINK.matcher(text).replaceAll(m -> "`" + quote(m.group(1)) + "`");
    text = ANCHOR.matcher(text).replaceAll(m -> "[" + quote(m.group(2)) + "](" + quote(m.group(1)) + ")");
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : PARAGRAPH.split(text)) {
      String joined = String.join(" ", paragraph.strip().split("\\s*\\n\\s*"));
      if (!joined.isEmpty()) {
        paragraphs.add(joined);
      }
    }
    return String.join("\n\n", paragraphs);
  }

  private static String quote(String replacement) {
    return replacement.replace("\\", "\\\\").replace("$", "\\$");
  }
}
