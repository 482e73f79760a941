package dev.goconc.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Findings accepted when a code base adopted the gate, so it fails only on new ones.
 *
 * <p>A finding matches a baseline entry with the same path, rule and message; line and column
 * are ignored, so an edit above a known finding does not make it new. Line numbers inside a
 * message ("created on line 12") are ignored too, for the same reason. Entries count: a
 * baseline with two equal entries accepts two such findings and reports the third. A renamed
 * file's findings are new.
 *
 * <p>The file is JSON ({@code {"version":1,"findings":[{"path","rule","message"}…]}}), sorted,
 * so it diffs well in review.
 */
final class Baseline {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern LINE_NUMBER = Pattern.compile("\\b(lines?) \\d+");

  private record Key(String path, String rule, String message) {
    static Key of(String path, String rule, String message) {
      return new Key(path, rule, LINE_NUMBER.matcher(message).replaceAll("$1 N"));
    }
  }

  private final Map<Key, Integer> accepted;

  private Baseline(Map<Key, Integer> accepted) {
    this.accepted = accepted;
  }

  /** Reads {@code file}; {@code shown} is its name as the user gave it, for messages. */
  static Baseline read(Path file, String shown) throws GateException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new GateException("cannot read the baseline " + shown + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new GateException("cannot read the baseline " + shown + ": " + e.getMessage(), e);
    }
    JsonNode findings = root == null ? null : root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new GateException("not a goconc baseline (no \"findings\" array): " + shown);
    }
    Map<Key, Integer> accepted = new HashMap<>();
    for (JsonNode entry : findings) {
      Key key = Key.of(entry.path("path").asText(), entry.path("rule").asText(), entry.path("message").asText());
      accepted.merge(key, 1, Integer::sum);
    }
    return new Baseline(accepted);
  }

  static void write(Path file, String shown, List<Finding> findings) throws GateException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ArrayNode entries = root.putArray("findings");
    findings.stream()
        .sorted(Finding.ORDER)
        .forEach(
            f -> entries.addObject().put("path", f.path()).put("rule", f.rule()).put("message", f.message()));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, JSON.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new GateException("cannot write the baseline " + shown + ": " + e.getMessage(), e);
    }
  }

  /**
   * The entries that match none of {@code findings} (all findings of the run, before any
   * filter): fixed, or moved to another file, or written from another root. Sorted.
   */
  List<String> staleEntries(List<Finding> findings) {
    Map<Key, Integer> left = new HashMap<>(accepted);
    for (Finding finding : findings) {
      left.computeIfPresent(Key.of(finding.path(), finding.rule(), finding.message()), (key, count) -> count > 1 ? count - 1 : null);
    }
    List<String> stale = new ArrayList<>();
    left.forEach((key, count) -> {
      for (int i = 0; i < count; i++) {
        stale.add(key.path() + " [" + key.rule() + "]");
      }
    });
    stale.sort(null);
    return stale;
  }

  /** The findings the baseline does not accept, in their given order. */
  List<Finding> newFindings(List<Finding> findings) {
    Map<Key, Integer> left = new HashMap<>(accepted);
    List<Finding> fresh = new ArrayList<>();
    for (Finding finding : findings) {
      Key key = Key.of(finding.path(), finding.rule(), finding.message());
      int count = left.getOrDefault(key, 0);
      if (count > 0) {
        left.put(key, count - 1);
      } else {
        fresh.add(finding);
      }
    }
    return fresh;
  }
}
