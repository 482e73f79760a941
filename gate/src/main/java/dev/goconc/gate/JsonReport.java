package dev.goconc.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code {"findings":[{path,line,column,severity,rule,message,link,suggestion}…],
 * "counts":{"error":n,"warning":n,"note":n}}}; {@code link} and {@code suggestion} are absent
 * when the finding has none.
 */
final class JsonReport {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static String render(List<Finding> findings) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("findings");
    for (Finding f : findings) {
      ObjectNode node = array.addObject();
      node.put("path", f.path());
      node.put("line", f.line());
      node.put("column", f.column());
      node.put("severity", f.severity().label);
      node.put("rule", f.rule());
      node.put("message", f.message());
      if (f.link() != null) {
        node.put("link", f.link());
      }
      if (f.suggestion() != null) {
        node.put("suggestion", f.suggestion());
      }
    }
    ObjectNode counts = root.putObject("counts");
    for (Severity severity : Severity.values()) {
      counts.put(severity.label, findings.stream().filter(f -> f.severity() == severity).count());
    }
    return write(root);
  }

  static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
