package dev.goconc.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns Javadoc text into Markdown: {@code {@code x}} and {@code {@link x}} become code spans,
 * {@code <a href>} a link, {@code <p>} and blank lines a paragraph break; the lines of a
 * paragraph are joined into one. A code span may hold balanced braces, as in Javadoc ({@code
 * {@code try { ... } finally { ... }}}); a link may not.
 */
final class JavadocMarkdown {
  private static final Pattern CODE_START = Pattern.compile("\\{@(?:code|literal)\\s+");
  private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)?\\s+#?([^}\\s]*)[^}]*}");
  private static final Pattern ANCHOR =
      Pattern.compile("<a\\s+href=\"([^\"]*)\"\\s*>(.*?)</a>", Pattern.DOTALL);
  private static final Pattern LIST_START = Pattern.compile("\\s*<ul>\\s*");
  private static final Pattern LIST_END = Pattern.compile("\\s*</ul>\\s*");
  private static final Pattern ITEM = Pattern.compile("\\s*<li>\\s*");
  private static final Pattern PARAGRAPH = Pattern.compile("\\s*<p>\\s*|\\n\\s*\\n");

  private JavadocMarkdown() {}

  static String toMarkdown(String javadocText) {
    String text = codeSpans(javadocText);
    text = LINK.matcher(text).replaceAll(m -> "`" + quote(m.group(1)) + "`");
    text = ANCHOR.matcher(text).replaceAll(m -> "[" + quote(m.group(2)) + "](" + quote(m.group(1)) + ")");
    // A list is a paragraph of its own, one "- " line per item.
    text = LIST_START.matcher(text).replaceAll("\n\n");
    text = LIST_END.matcher(text).replaceAll("\n\n");
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : PARAGRAPH.split(text, -1)) {
      String[] items = ITEM.split(paragraph, -1);
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < items.length; i++) {
        String joined = String.join(" ", items[i].strip().split("\\s*\\n\\s*"));
        if (!joined.isEmpty()) {
          lines.add(i == 0 && items.length == 1 ? joined : "- " + joined);
        }
      }
      if (!lines.isEmpty()) {
        paragraphs.add(String.join("\n", lines));
      }
    }
    return String.join("\n\n", paragraphs);
  }

  /** Each {@code {@code ...}} as a code span, its end found by counting braces. */
  private static String codeSpans(String text) {
    StringBuilder out = new StringBuilder();
    var start = CODE_START.matcher(text);
    int copied = 0;
    while (start.find(copied)) {
      int depth = 1;
      int at = start.end();
      while (at < text.length() && depth > 0) {
        char c = text.charAt(at++);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      }
      if (depth > 0) {
        throw new IllegalArgumentException(
            "unbalanced braces in {@code at: " + text.substring(start.start()));
      }
      out.append(text, copied, start.start())
          .append('`')
          .append(text.substring(start.end(), at - 1).strip())
          .append('`');
      copied = at;
    }
    return out.append(text.substring(copied)).toString();
  }

  private static String quote(String replacement) {
    return replacement.replace("\\", "\\\\").replace("$", "\\$");
  }
}
