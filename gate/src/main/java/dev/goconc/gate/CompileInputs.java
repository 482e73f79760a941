package dev.goconc.gate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sources and classpaths for one run: the command's paths expanded, the
 * {@code --classpath} entries first, and the gate's own goconc runtime last, so a project's
 * own runtime version wins. A Maven module (its pom.xml, or a directory holding one) brings its
 * main sources with its compile classpath and its test sources with its test classpath; other
 * paths use the {@code --classpath} entries for both.
 */
record CompileInputs(List<Path> sources, List<Path> classpath, List<Path> testClasspath) {

  static CompileInputs of(Options options, Path cwd, Map<String, String> env, PrintStream log)
      throws GateException {
    List<Path> sources = new ArrayList<>();
    List<Path> classpath = new ArrayList<>();
    List<Path> testClasspath = new ArrayList<>();
    for (String entry : options.classpath()) {
      classpath.add(cwd.resolve(entry).normalize());
      testClasspath.add(cwd.resolve(entry).normalize());
    }
    MavenCommand maven = null;
    for (String given : options.paths()) {
      Path path = cwd.resolve(given).normalize();
      Path pom = MavenClasspath.pomOf(path);
      if (pom == null) {
        sources.addAll(SourceSet.collect(path, given));
        continue;
      }
      String shown = pom.equals(path) ? given : Path.of(given).resolve("pom.xml").normalize().toString();
      MavenClasspath.refuseAggregator(pom, shown);
      if (maven == null) {
        maven = MavenCommand.choose(options.maven(), cwd, env);
      }
      classpath.addAll(MavenClasspath.resolve(pom, shown, "compile", maven, log));
      Path main = MavenClasspath.mainSources(pom);
      sources.addAll(SourceSet.collect(main, main.toString()));
      Path tests = MavenClasspath.testSources(pom);
      if (tests != null && SourceSet.hasJavaSources(tests)) {
        testClasspath.addAll(MavenClasspath.resolve(pom, shown, "test", maven, log));
        sources.addAll(SourceSet.collect(tests, tests.toString()));
      }
    }
    Path runtime = GateEnvironment.bundledRuntime();
    classpath.add(runtime);
    testClasspath.add(runtime);
    return new CompileInputs(
        sources.stream().distinct().toList(), List.copyOf(classpath), List.copyOf(testClasspath));
  }
}
