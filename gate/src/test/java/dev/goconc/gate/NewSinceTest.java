package dev.goconc.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --new-since} keeps only findings on lines changed since a ref, in a real git repo. */
final class NewSinceTest {
  @TempDir Path repo;

  @Test
  void reportsOnlyFindingsOnChangedOrUntrackedLines() throws Exception {
    GateRun.copyFixture("context-field", repo);
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "old code with two findings");

    // A committed change, an uncommitted one, and an untracked file: all new since HEAD~0's parent.
    Path server = repo.resolve("src/app/Server.java");
    Files.writeString(server, Files.readString(server).replace("class Server {", "class Server {\n  private Context added;"));
    git("commit", "-q", "-am", "add a field");
    Path handler = repo.resolve("src/app/Handler.java");
    Files.writeString(handler, Files.readString(handler).replace("private final Context root;", "private final Context root;\n  private Context edited;"));
    Files.writeString(
        repo.resolve("src/app/Fresh.java"),
        "package app;\nimport dev.goconc.Context;\nclass Fresh { Context fresh; }\n");

    GateRun run = GateRun.in(repo.resolve("src"), "--format", "json", "--new-since", "HEAD~1", ".");

    assertEquals(GoconcCheck.OK, run.status(), run::toString);
    List<String> fields = new ArrayList<>();
    for (var finding : new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("findings")) {
      fields.add(finding.get("path").asText() + " " + finding.get("message").asText().split("'", -1)[1]);
    }
    assertEquals(
        List.of("src/app/Fresh.java fresh", "src/app/Handler.java edited", "src/app/Server.java added"),
        fields,
        run::toString);
  }

  @Test
  void unknownRefIsAUsageError() throws Exception {
    GateRun.copyFixture("context-field", repo);
    git("init", "-q");

    GateRun run = GateRun.in(repo, "--new-since", "no-such-ref", "src");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("not a git commit: no-such-ref"), run::toString);
  }

  @Test
  void outsideAGitWorkTreeIsAUsageError() {
    GateRun.copyFixture("context-field", repo);

    GateRun run = GateRun.in(repo, "--new-since", "HEAD", "src");

    assertEquals(GoconcCheck.UNUSABLE, run.status(), run::toString);
    assertTrue(run.err().contains("needs a git work tree"), run::toString);
  }

  private void git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=gate", "-c", "user.email=gate@example.org", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), () -> String.join(" ", command) + "\n" + output);
  }
}
