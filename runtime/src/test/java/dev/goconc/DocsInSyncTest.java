package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every example in docs/runtime.md is a snippet of {@link PatternsTest}, character for character. */
final class DocsInSyncTest {

  private static Path file(String first, String... more) {
    Path p = Path.of(first, more);
    return Files.exists(p) ? p : Path.of("..").resolve(p);   // module dir or repository root
  }

  static Map<String, String> snippets(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    StringBuilder body = new StringBuilder();
    int indent = 0;
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("// snippet:")) {
        name = t.substring("// snippet:".length());
        indent = line.indexOf('/');
        body.setLength(0);
      } else if (name != null && t.equals("// end")) {
        out.put(name, body.toString());
        name = null;
      } else if (name != null) {
        body.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
      }
    }
    return out;
  }

  @Test
  void everySnippetIsInTheDoc() throws IOException {
    String doc = Files.readString(file("docs", "runtime.md"));
    Map<String, String> snippets =
        snippets(Files.readAllLines(file("runtime", "src", "test", "java", "dev", "goconc", "PatternsTest.java")));
    assertFalse(snippets.isEmpty());
    for (var s : snippets.entrySet()) {
      assertTrue(
          doc.contains("```java\n" + s.getValue() + "```"),
          "docs/runtime.md lacks (or has a stale copy of) the snippet " + s.getKey());
    }
    for (String pattern : List.of("worker-pool", "fan-in", "pipeline", "timeout", "cancellation", "errgroup")) {
      assertTrue(snippets.containsKey(pattern), "no example of " + pattern);
    }
  }
}
