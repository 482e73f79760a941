package dev.goconc.gate;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an Error Prone diagnostic's text, which javac hands over as one string:
 * {@code [Rule] message\n    (see link)\n  Did you mean '…'?}. Error Prone has no structured
 * output, so this format is the contract; lines that fit none of the parts stay in the message.
 */
record ErrorProneMessage(String rule, String message, String link, String suggestion) {
  private static final Pattern HEAD = Pattern.compile("^\\[([A-Za-z0-9_]+)\\] ?(.*)$", Pattern.DOTALL);
  private static final Pattern SEE = Pattern.compile("^\\s*\\(see (\\S+)\\)\\s*$");
  private static final String DID_YOU_MEAN = "Did you mean ";
  private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  /** The keywords a fix's first line may hold without saying what the fix is. */
  private static final Set<String> KEYWORDS =
      Set.of("try", "finally", "catch", "else", "do", "return", "new", "final", "var", "this", "null");

  /** Returns {@code null} when the text does not start with {@code [Rule]}. */
  static ErrorProneMessage parse(String text) {
    Matcher head = HEAD.matcher(text);
    if (!head.matches()) {
      return null;
    }
    String rule = head.group(1);
    StringBuilder message = new StringBuilder();
    String link = null;
    String suggestion = null;
    String[] lines = head.group(2).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher see = SEE.matcher(line);
      if (see.matches()) {
        link = see.group(1);
      } else if (line.strip().startsWith(DID_YOU_MEAN)) {
        // A fix may span lines; it runs to the end of the text.
        StringBuilder fix = new StringBuilder(line.strip());
        for (i++; i < lines.length; i++) {
          fix.append('\n').append(lines[i]);
        }
        suggestion = saysSomething(fix.toString()) ? fix.toString().strip() : null;
      } else if (!line.isBlank()) {
        if (!message.isEmpty()) {
          message.append('\n');
        }
        message.append(line.strip());
      }
    }
    return new ErrorProneMessage(rule, message.toString(), link, suggestion);
  }

  /**
   * Error Prone quotes only the first line a fix changes: for a fix that wraps code in
   * {@code try { … } finally { … }} that is <code>'try {'</code>, which names nothing in the user's
   * code. Such a line is left out; the rule's message and page say what to do.
   */
  static boolean saysSomething(String didYouMean) {
    Matcher word = WORD.matcher(didYouMean.strip().substring(DID_YOU_MEAN.length()));
    while (word.find()) {
      if (!KEYWORDS.contains(word.group())) {
        return true;
      }
    }
    return false;
  }
}
