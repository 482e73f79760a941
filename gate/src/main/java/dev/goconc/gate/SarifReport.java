package dev.goconc.gate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 with one run, as GitHub code scanning and reviewdog read it: {@code ruleId} is
 * the rule's name (stable across releases), every goconc rule is listed in
 * {@code tool.driver.rules} with its page as {@code helpUri}, and locations are
 * repository-relative URIs, which both tools resolve against the checkout. The suggested fix
 * is part of the message text: Error Prone does not say which characters it replaces, which
 * SARIF's {@code fixes} would need.
 */
final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/goconc/goconc";

  private SarifReport() {}

  static String render(List<Finding> findings, RuleCatalog rules) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "goconc");
    driver.put("informationUri", INFORMATION_URI);
    String version = SarifReport.class.getPackage().getImplementationVersion();
    if (version != null) {
      driver.put("version", version);
    }
    ArrayNode ruleArray = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (Rule rule : rules.rules()) {
      ruleIndex.put(rule.name(), ruleArray.size());
      ObjectNode node = ruleArray.addObject();
      node.put("id", rule.name());
      node.put("name", rule.name());
      node.putObject("shortDescription").put("text", rule.summary());
      if (rule.link() != null) {
        node.put("helpUri", rule.link());
        String sentence = rule.summary().endsWith(".") ? rule.summary() : rule.summary() + ".";
        node.putObject("help").put("text", sentence + " See " + rule.link());
      }
      node.putObject("defaultConfiguration").put("level", rule.defaultSeverity().label);
    }
    run.put("columnKind", "utf16CodeUnits");
    ArrayNode results = run.putArray("results");
    for (Finding f : findings) {
      ObjectNode result = results.addObject();
      result.put("ruleId", f.rule());
      Integer index = ruleIndex.get(f.rule());
      if (index != null) {
        result.put("ruleIndex", index);
      }
      result.put("level", f.severity().label);
      String text = f.suggestion() == null ? f.message() : f.message() + "\n" + f.suggestion();
      result.putObject("message").put("text", text);
      ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
      location.putObject("artifactLocation").put("uri", uri(f.path()));
      location.putObject("region").put("startLine", f.line()).put("startColumn", f.column());
    }
    return JsonReport.write(root);
  }

  /** A relative path stays relative (percent-encoded); an absolute one becomes a file URI. */
  private static String uri(String path) {
    if (path.startsWith("/")) {
      return java.nio.file.Path.of(path).toUri().toString();
    }
    StringBuilder encoded = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!encoded.isEmpty()) {
        encoded.append('/');
      }
      encoded.append(
          java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20"));
    }
    return encoded.toString();
  }
}
