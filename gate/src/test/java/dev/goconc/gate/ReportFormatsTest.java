package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF is valid against the SARIF 2.1.0 schema and carries what code scanning needs; JSON
 * parses and holds every field.
 */
final class ReportFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LINK = "https://github.com/goconc/goconc/blob/main/rules-docs/ContextInField.md";

  /** SARIF 2.1.0 (rtm.5, the OASIS standard's schema), from Microsoft's SARIF SDK (npm @microsoft/jest-sarif). */
  private static JsonSchema sarifSchema;

  @TempDir Path dir;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = ReportFormatsTest.class.getResourceAsStream("/sarif-schema-2.1.0-rtm.5.json")) {
      sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    }
  }

  @Test
  void sarifIsValidAgainstTheSchema() throws IOException {
    JsonNode sarif = sarifOf("context-field");

    Set<ValidationMessage> errors = sarifSchema.validate(sarif);

    assertEquals(Set.of(), errors);
  }

  @Test
  void schemaRejectsBrokenSarifSoTheCheckAboveCanFail() throws IOException {
    ObjectNode sarif = (ObjectNode) sarifOf("context-field");
    ObjectNode region =
        (ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region");
    region.put("startLine", 0);
    sarif.put("version", "2.0.0");

    assertFalse(sarifSchema.validate(sarif).isEmpty());
  }

  @Test
  void sarifNamesRulesStablyWithRelativePathsAndRulePages() throws IOException {
    JsonNode run = sarifOf("context-field").at("/runs/0");

    JsonNode result = run.at("/results/0");
    assertEquals("ContextInField", result.get("ruleId").asText());
    JsonNode rule = run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt());
    assertEquals("ContextInField", rule.get("id").asText());
    assertEquals(LINK, rule.get("helpUri").asText());
    assertEquals("warning", rule.at("/defaultConfiguration/level").asText());
    assertEquals("warning", result.get("level").asText());
    assertTrue(result.at("/message/text").asText().startsWith("Context stored in field 'root'"));
    JsonNode location = result.at("/locations/0/physicalLocation");
    assertEquals("src/app/Handler.java", location.at("/artifactLocation/uri").asText());
    assertEquals(10, location.at("/region/startLine").asInt());
    assertEquals(25, location.at("/region/startColumn").asInt());
    assertEquals("src/app/Server.java", run.at("/results/1/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(2, run.get("results").size());
  }

  @Test
  void sarifOfCleanCodeListsTheRulesAndNoResults() throws IOException {
    JsonNode sarif = sarifOf("clean");

    assertEquals(Set.of(), sarifSchema.validate(sarif));
    assertEquals(0, sarif.at("/runs/0/results").size());
    List<String> ids = new ArrayList<>();
    sarif.at("/runs/0/tool/driver/rules").forEach(rule -> ids.add(rule.get("id").asText()));
    assertTrue(ids.contains("ContextInField"), ids::toString);
    assertEquals(ids.stream().sorted().toList(), ids, "rules are listed in a stable, sorted order");
  }

  @Test
  void jsonParsesAndHoldsEveryFieldInOrder() throws IOException {
    GateRun run = GateRun.in(GateRun.copyFixture("context-field", dir), "--format", "json", "src");

    JsonNode json = JSON.readTree(run.out());
    JsonNode findings = json.get("findings");
    assertEquals(2, findings.size(), run::toString);
    JsonNode first = findings.get(0);
    assertEquals("src/app/Handler.java", first.get("path").asText());
    assertEquals(10, first.get("line").asInt());
    assertEquals(25, first.get("column").asInt());
    assertEquals("warning", first.get("severity").asText());
    assertEquals("ContextInField", first.get("rule").asText());
    assertTrue(first.get("message").asText().startsWith("Context stored in field 'root'"));
    assertEquals(LINK, first.get("link").asText());
    assertEquals("src/app/Server.java", findings.get(1).get("path").asText());
    assertEquals(2, json.at("/counts/warning").asInt());
    assertEquals(0, json.at("/counts/error").asInt());
  }

  @Test
  void reportsAreDeterministic() {
    GateRun.copyFixture("context-field", dir);

    List<String> outputs =
        List.of("text", "json", "sarif").stream()
            .map(format -> GateRun.in(dir, "--format", format, "src/app/Server.java", "src").out())
            .toList();
    List<String> again =
        List.of("text", "json", "sarif").stream()
            .map(format -> GateRun.in(dir, "--format", format, "src", "src/app/Server.java").out())
            .toList();

    assertEquals(outputs, again);
  }

  private JsonNode sarifOf(String fixture) throws IOException {
    GateRun run = GateRun.in(GateRun.copyFixture(fixture, dir), "--format", "sarif", "src");
    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    return JSON.readTree(run.out());
  }
}
