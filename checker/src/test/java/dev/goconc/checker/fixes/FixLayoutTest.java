package dev.goconc.checker.fixes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The layout facts a fix relies on; {@link PatchInPlaceTest} shows them in applied patches. */
final class FixLayoutTest {
  @Test
  void unitIsTheIndentationAddedAfterAnOpeningBrace() {
    assertEquals("  ", unitOf("class A {\n  void f() {\n    g(\n        1);\n  }\n}\n"));
    assertEquals("    ", unitOf("class A {\n    void f() {\n        g();\n    }\n}\n"));
    assertEquals("\t", unitOf("class A {\n\tvoid f() {\n\t\tg();\n\t}\n}\n"));
    assertEquals("  ", unitOf("class A { void f() { g(); } }\n"));
  }

  @Test
  void continuationLinesDoNotCount() {
    String googleStyle =
        """
        class A {
          void f() {
            Go.go(
                () -> {
                  work(
                      1,
                      2);
                });
          }
        }
        """;
    assertEquals("  ", unitOf(googleStyle));
  }

  @Test
  void shiftingLeavesBlankLinesEmpty() {
    assertEquals("a();\n\n  b();\n  }", FixLayout.shifted("a();\n\nb();\n}", "  "));
  }

  @Test
  void aLineCommentAfterAStatementBelongsToIt() {
    String source = "  a(); // why\n  b(); /* not this */\n";
    FixLayout layout = FixLayout.forSource(source);
    assertEquals(source.indexOf("\n"), layout.withComment(source.indexOf(";") + 1));
    int bEnd = source.lastIndexOf(";") + 1;
    assertEquals(bEnd, layout.withComment(bEnd));
  }

  @Test
  void tryBlockOnItsOwnLinesOrOnOne() {
    // The body as the source has it: lines after the first keep their indentation, here "  ".
    FixLayout layout = FixLayout.forSource("class A {\n    int x;\n}\n");
    assertEquals(
        "try {\n      a();\n      if (b) {\n          c();\n      }\n  } finally {\n      done();\n  }",
        layout.tryBlock("  ", "try", "a();\n  if (b) {\n      c();\n  }", true, "done();"));
    assertEquals(
        "try { a(); } finally { done(); }", layout.tryBlock("  ", "try", " a(); ", false, "done();"));
    assertEquals(
        "try (R r = open()) { // kept\n      use(r);\n  }",
        layout.tryBlock("  ", "try (R r = open())", " // kept\n  use(r);", true, null));
  }

  private static String unitOf(String source) {
    return FixLayout.forSource(source).unit();
  }
}
