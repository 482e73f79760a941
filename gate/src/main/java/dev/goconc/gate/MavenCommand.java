package dev.goconc.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Maven the gate runs for a module's classpath. Maven executes the pom's plugins and build
 * extensions, and a checkout's {@code mvnw} is itself part of the checkout: on a pull request
 * from a fork, both are the author's code. So the gate runs a Maven the machine trusts, the
 * {@code mvn} on the PATH, unless {@code --maven} names another (a path, or a name looked up
 * on the PATH), and never picks a wrapper by itself.
 */
record MavenCommand(Path executable, Map<String, String> env) {

  record Result(int status, String output) {}

  static MavenCommand choose(String option, Path cwd, Map<String, String> env) throws GateException {
    if (option == null) {
      Path mvn = MavenClasspath.onPath("mvn", env);
      if (mvn == null) {
        throw new GateException(
            "checking a Maven module needs Maven, and there is no mvn on the PATH: install it, or"
                + " name one with --maven (--maven ./mvnw runs the checkout's own wrapper, which a"
                + " pull request can change)");
      }
      return new MavenCommand(mvn, env);
    }
    Path named =
        option.contains("/") ? cwd.resolve(option).toAbsolutePath().normalize() : MavenClasspath.onPath(option, env);
    if (named == null || !Files.isExecutable(named)) {
      throw new GateException("--maven " + option + ": no such executable");
    }
    return new MavenCommand(named, env);
  }

  Result run(Path dir, List<String> arguments) throws GateException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = MavenClasspath.utf8(process.getInputStream().readAllBytes());
      return new Result(process.waitFor(), output);
    } catch (IOException e) {
      throw new GateException("cannot run " + executable + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GateException("interrupted while Maven resolved the classpath", e);
    }
  }
}
