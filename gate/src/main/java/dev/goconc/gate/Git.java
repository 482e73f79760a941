package dev.goconc.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs git commands for the gate; git's own error text is what the user sees on failure. */
final class Git {
  private Git() {}

  /** The work tree's top directory, or {@code null} when {@code dir} is not inside one. */
  static Path topLevel(Path dir) {
    try {
      Result result = run(dir, "rev-parse", "--show-toplevel");
      return result.exitCode() == 0 ? Path.of(result.stdout().strip()) : null;
    } catch (GateException e) {
      return null;
    }
  }

  record Result(int exitCode, String stdout, String stderr) {}

  static Result run(Path dir, String... args) throws GateException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("-c");
    command.add("core.quotePath=false");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      // Read stderr on another thread so a full pipe cannot stall git.
      var stderr = new java.util.concurrent.CompletableFuture<String>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  stderr.complete(
                      new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                  stderr.complete("");
                }
              });
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      return new Result(exit, stdout, stderr.join());
    } catch (IOException e) {
      throw new GateException("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GateException("interrupted while running git", e);
    }
  }
}
