package dev.goconc.recipes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GitHub workflow cannot run here; these are the promises docs/gate.md makes about it: it
 * runs the tests as well as the gate, on pull_request only, and only the gate's job may write
 * security events (for the SARIF upload).
 */
final class WorkflowTest {
  private static final String WORKFLOW = read(".github/workflows/goconc.yml");

  @Test
  void runsTheTestsAndTheGate() {
    assertTrue(WORKFLOW.contains("run: ./mvnw -B -ntp verify"), WORKFLOW);
    assertTrue(WORKFLOW.contains("bin/goconc-check"), WORKFLOW);
    assertTrue(WORKFLOW.contains("uses: github/codeql-action/upload-sarif@"), WORKFLOW);
  }

  @Test
  void onlyTheGateJobWritesSecurityEventsAndNothingRunsOnPullRequestTarget() {
    assertFalse(Pattern.compile("(?m)^\\s*pull_request_target:").matcher(WORKFLOW).find(), WORKFLOW);
    assertTrue(Pattern.compile("(?s)^.*\\npermissions:\\n  contents: read\\n\\njobs:").matcher(WORKFLOW).find(), WORKFLOW);
    int gateJob = WORKFLOW.indexOf("\n  gate:\n");
    assertTrue(gateJob > 0, WORKFLOW);
    assertTrue(WORKFLOW.indexOf("security-events: write") > gateJob, "security-events: write outside the gate job");
    assertTrue(WORKFLOW.indexOf("security-events: write") == WORKFLOW.lastIndexOf("security-events: write"), WORKFLOW);
  }

  @Test
  void theJobQuotedInGateMdIsTheWorkflowsGateJob() {
    String quoted = Recipes.of(UserShell.CHECKOUT.resolve("docs/gate.md")).get("workflow-gate-job");
    assertTrue(quoted.contains("security-events: write"), quoted);
    String command = quoted.lines().filter(l -> l.contains("run: bin/goconc-check")).findFirst().orElseThrow().strip().substring("run: ".length());
    assertTrue(WORKFLOW.replaceAll("\\s+", " ").contains(command), "the quoted job runs '" + command + "', the workflow does not");
  }

  private static String read(String path) {
    try {
      return Files.readString(UserShell.CHECKOUT.resolve(path));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
