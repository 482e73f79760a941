package dev.goconc.checker.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.Tree;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lays out a fix's text the way the file around it is laid out, so that a patch applied as it is
 * reads like hand-written code: wrapped statements move one indentation level deeper, inserted
 * statements take the indentation of their neighbours, and a deleted statement takes its line
 * with it. Needs no formatter at the user's compile time.
 *
 * <p>The indentation unit is the one the file uses most after a line that opens a brace (two
 * spaces, four, a tab); two spaces where the file shows none. Statements that share a line with
 * their block's brace ({@code () -> { send(); }}) stay on one line. Re-indenting adds the same
 * whitespace to every non-blank line, which leaves the content of a text block unchanged. A line
 * comment after a statement on its line belongs to that statement: it is deleted or moved with it,
 * and after a declaration that becomes a try-with-resources header it stays on the header's line.
 */
public final class FixLayout {
  private static final String DEFAULT_UNIT = "  ";

  private final CharSequence source;
  private String unit; // detected on first use

  private FixLayout(CharSequence source) {
    this.source = source;
  }

  /** The layout of the file being checked; empty when javac kept no source text. */
  public static Optional<FixLayout> of(VisitorState state) {
    CharSequence source = state.getSourceCode();
    return source == null ? Optional.empty() : Optional.of(forSource(source));
  }

  static FixLayout forSource(CharSequence source) {
    return new FixLayout(source);
  }

  /** One level of indentation, as this file writes it. */
  String unit() {
    if (unit == null) {
      unit = detectUnit();
    }
    return unit;
  }

  /** The whitespace that starts the line holding {@code position}. */
  public String indentAt(int position) {
    int start = lineStart(position);
    int end = start;
    while (end < source.length() && isBlank(source.charAt(end))) {
      end++;
    }
    return source.subSequence(start, end).toString();
  }

  /** Whether only whitespace precedes {@code position} on its line. */
  public boolean startsLine(int position) {
    return lineStart(position) == position - indentBefore(position);
  }

  /** Whether only whitespace follows {@code position} on its line. */
  boolean endsLine(int position) {
    int end = position;
    while (end < source.length() && isBlank(source.charAt(end))) {
      end++;
    }
    return end == source.length() || source.charAt(end) == '\n' || source.charAt(end) == '\r';
  }

  /** The source text between two positions. */
  public String text(int from, int to) {
    return source.subSequence(from, to).toString();
  }

  /**
   * {@code head {}, {@code body} one level deeper, {@code }}, and, when {@code finallyStatement} is
   * non-null, a {@code finally} block holding it: on lines under {@code indent} when {@code
   * onOwnLines}, else on one line as the body was. The text starts at {@code head}; the caller
   * places it where the line's indentation is already written. A line comment that opens {@code
   * body} on the line before its first line break stays on the line of {@code head}.
   */
  public String tryBlock(
      String indent, String head, CharSequence body, boolean onOwnLines, String finallyStatement) {
    String text = body.toString();
    String statements = text.strip();
    if (!onOwnLines) {
      return head
          + (statements.isEmpty() ? " {" : " { ")
          + statements
          + (finallyStatement == null ? " }" : " } finally { " + finallyStatement + " }");
    }
    String lineBreak = lineBreak();
    StringBuilder out = new StringBuilder(head).append(" {");
    boolean trailingComment =
        statements.startsWith("//") && !text.substring(0, text.indexOf("//")).contains("\n");
    if (trailingComment) {
      int commentEnd = statements.indexOf('\n');
      commentEnd = commentEnd < 0 ? statements.length() : commentEnd;
      out.append(' ').append(statements.substring(0, commentEnd).strip());
      statements = statements.substring(commentEnd).strip();
    }
    String inner = indent + unit();
    if (!statements.isEmpty()) {
      out.append(lineBreak).append(inner).append(shifted(statements, unit()));
    }
    out.append(lineBreak).append(indent).append('}');
    if (finallyStatement != null) {
      out.append(" finally {").append(lineBreak).append(inner).append(finallyStatement);
      out.append(lineBreak).append(indent).append('}');
    }
    return out.toString();
  }

  /**
   * {@code try {}, {@code body} one level deeper, {@code } catch (}{@code catchParameter}{@code )
   * {}, {@code catchStatement}, {@code }}: laid out as {@link #tryBlock} lays out its blocks.
   */
  public String tryCatchBlock(
      String indent,
      CharSequence body,
      boolean onOwnLines,
      String catchParameter,
      String catchStatement) {
    String tryPart = tryBlock(indent, "try", body, onOwnLines, null);
    if (!onOwnLines) {
      return tryPart + " catch (" + catchParameter + ") { " + catchStatement + " }";
    }
    String lineBreak = lineBreak();
    return tryPart
        + " catch ("
        + catchParameter
        + ") {"
        + lineBreak
        + indent
        + unit()
        + catchStatement
        + lineBreak
        + indent
        + "}";
  }

  /**
   * Appends {@code statements} at the end of {@code block}, before its closing brace: each on a
   * line of its own one level inside the brace's indentation when the brace starts its line, else
   * on the brace's line ({@code catch (E e) {}} becomes {@code catch (E e) { a; b; }}).
   */
  public void appendToBlock(
      SuggestedFix.Builder fix, com.sun.source.tree.BlockTree block, java.util.List<String> statements,
      VisitorState state) {
    int close = state.getEndPosition(block) - 1;
    StringBuilder text = new StringBuilder();
    if (startsLine(close)) {
      String indent = indentAt(close);
      for (String statement : statements) {
        text.append(unit()).append(statement).append(lineBreak()).append(indent);
      }
    } else {
      text.append(isBlank(source.charAt(close - 1)) ? "" : " ");
      text.append(String.join(" ", statements)).append(' ');
    }
    fix.replace(close, close, text.toString());
  }

  /**
   * Inserts {@code statement} before {@code next}: on a line of its own at {@code next}'s
   * indentation when {@code next} starts its line, else on the same line.
   */
  public void insertBefore(SuggestedFix.Builder fix, Tree next, String statement) {
    int start = ASTHelpers.getStartPosition(next);
    fix.prefixWith(next, statement + (startsLine(start) ? lineBreak() + indentAt(start) : " "));
  }

  /**
   * Deletes {@code statement} with its lines when it stands alone on them, else with the
   * whitespace that separated it from its neighbour on the line.
   */
  public void delete(SuggestedFix.Builder fix, Tree statement, VisitorState state) {
    int start = ASTHelpers.getStartPosition(statement);
    int end = withComment(state.getEndPosition(statement));
    if (startsLine(start) && endsLine(end)) {
      fix.replace(lineStart(start), afterLineBreak(end), "");
    } else if (endsLine(end)) {
      fix.replace(start - indentBefore(start), end, "");
    } else {
      int after = end;
      while (after < source.length() && isBlank(source.charAt(after))) {
        after++;
      }
      fix.replace(start, after, "");
    }
  }

  /** {@code end}, or past the line comment that follows it on its line. */
  public int withComment(int end) {
    int at = end;
    while (at < source.length() && isBlank(source.charAt(at))) {
      at++;
    }
    if (at + 1 >= source.length() || source.charAt(at) != '/' || source.charAt(at + 1) != '/') {
      return end;
    }
    while (at < source.length() && source.charAt(at) != '\n' && source.charAt(at) != '\r') {
      at++;
    }
    return at;
  }

  /** {@code text} with {@code by} added at the start of every non-blank line but the first. */
  static String shifted(CharSequence text, String by) {
    StringBuilder out = new StringBuilder(text.length() + by.length() * 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c);
      if (c == '\n' && !blankLineAt(text, i + 1)) {
        out.append(by);
      }
    }
    return out.toString();
  }

  /** The line break this file uses: that of its first line. */
  public String lineBreak() {
    for (int i = 1; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        return source.charAt(i - 1) == '\r' ? "\r\n" : "\n";
      }
    }
    return "\n";
  }

  private static boolean blankLineAt(CharSequence text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (!isBlank(c)) {
        return false;
      }
    }
    return true;
  }

  private int lineStart(int position) {
    int start = position;
    while (start > 0 && source.charAt(start - 1) != '\n' && source.charAt(start - 1) != '\r') {
      start--;
    }
    return start;
  }

  private int indentBefore(int position) {
    int count = 0;
    while (position - count > 0 && isBlank(source.charAt(position - count - 1))) {
      count++;
    }
    return count;
  }

  private int afterLineBreak(int position) {
    int end = position;
    while (end < source.length() && source.charAt(end) != '\n') {
      end++;
    }
    return Math.min(end + 1, source.length());
  }

  /** The most frequent indentation added on the line after one that ends with a brace. */
  private String detectUnit() {
    Map<String, Integer> counts = new HashMap<>();
    String previousIndent = null;
    boolean previousOpens = false;
    int lineStart = 0;
    while (lineStart < source.length()) {
      int lineEnd = lineStart;
      while (lineEnd < source.length() && source.charAt(lineEnd) != '\n') {
        lineEnd++;
      }
      String line = source.subSequence(lineStart, lineEnd).toString();
      String content = line.strip();
      if (!content.isEmpty()) {
        String indent = line.substring(0, line.indexOf(content.charAt(0)));
        if (previousOpens
            && indent.length() > previousIndent.length()
            && indent.startsWith(previousIndent)) {
          counts.merge(indent.substring(previousIndent.length()), 1, Integer::sum);
        }
        previousIndent = indent;
        previousOpens = content.endsWith("{");
      }
      lineStart = lineEnd + 1;
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue()
            .thenComparingInt(e -> -e.getKey().length()))
        .map(Map.Entry::getKey)
        .orElse(DEFAULT_UNIT);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
