package dev.goconc.recipes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recipes of one markdown page: each fenced block that follows a marker line
 * {@code <!-- recipe: NAME -->}, by name. The marker is invisible on the rendered page, so the
 * reader sees the block exactly as the test runs it.
 */
final class Recipes {
  private static final Pattern MARKED_BLOCK =
      Pattern.compile("<!-- recipe: ([\\w./-]+) -->\\s*\\n```[\\w-]*\\n(.*?)\\n```", Pattern.DOTALL);

  private final Path page;
  private final String text;
  private final Map<String, String> blocks;

  private Recipes(Path page, String text, Map<String, String> blocks) {
    this.page = page;
    this.text = text;
    this.blocks = blocks;
  }

  static Recipes of(Path page) {
    String text;
    try {
      text = Files.readString(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> blocks = new LinkedHashMap<>();
    Matcher block = MARKED_BLOCK.matcher(text);
    while (block.find()) {
      if (blocks.put(block.group(1), block.group(2) + "\n") != null) {
        throw new AssertionError(page + " marks two blocks as recipe " + block.group(1));
      }
    }
    return new Recipes(page, text, blocks);
  }

  /** The block marked {@code name}, with a final newline; fails when the page has none. */
  String get(String name) {
    String block = blocks.get(name);
    if (block == null) {
      throw new AssertionError(
          page + " has no block marked <!-- recipe: " + name + " --> (it has " + blocks.keySet() + ")");
    }
    return block;
  }

  /** The whole page, for checks on its prose. */
  String text() {
    return text;
  }
}
