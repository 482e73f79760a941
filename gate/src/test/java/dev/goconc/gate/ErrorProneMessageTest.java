package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Error Prone's diagnostic text split into rule, message, link and fix. */
final class ErrorProneMessageTest {
  @Test
  void textThatIsNotErrorProneIsNotParsed() {
    assertNull(ErrorProneMessage.parse("cannot find symbol"));
  }

  @Test
  void messageWithLinkOnly() {
    ErrorProneMessage parsed =
        ErrorProneMessage.parse("[ContextInField] Context stored in field 'ctx'\n    (see https://x/ContextInField.md)");

    assertEquals(
        new ErrorProneMessage("ContextInField", "Context stored in field 'ctx'", "https://x/ContextInField.md", null),
        parsed);
  }

  @Test
  void suggestedFixSpanningLinesIsKeptWhole() {
    ErrorProneMessage parsed =
        ErrorProneMessage.parse(
            """
            [GoroutineLeak] result is sent on an unbuffered channel
                (see https://x/GoroutineLeak.md)
              Did you mean 'Chan<String> result = Chan.make(1);
              go(task);'?""");

    assertEquals("GoroutineLeak", parsed.rule());
    assertEquals("result is sent on an unbuffered channel", parsed.message());
    assertEquals("https://x/GoroutineLeak.md", parsed.link());
    assertEquals("Did you mean 'Chan<String> result = Chan.make(1);\n  go(task);'?", parsed.suggestion());
  }

  @Test
  void aFixWhoseQuotedLineNamesNothingIsLeftOut() {
    ErrorProneMessage parsed =
        ErrorProneMessage.parse("[UnclosedChannel] the loop over 'ch' never ends\n    (see https://x/U.md)\n  Did you mean 'try {'?");

    assertEquals(new ErrorProneMessage("UnclosedChannel", "the loop over 'ch' never ends", "https://x/U.md", null), parsed);
  }

  @Test
  void aFixWhoseQuotedLineNamesCodeIsKept() {
    ErrorProneMessage parsed = ErrorProneMessage.parse("[WaitGroupDoneNotInFinally] wg.done() is not in a finally\n  Did you mean 'wg.go('?");

    assertEquals("Did you mean 'wg.go('?", parsed.suggestion());
  }
}
