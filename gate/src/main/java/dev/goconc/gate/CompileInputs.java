package dev.goconc.gate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sources and the classpath for one run: the command's paths expanded (a pom.xml brings
 * its module's main sources and Maven classpath), the {@code --classpath} entries first, and
 * the gate's own goconc runtime last, so a project's own runtime version wins.
 */
record CompileInputs(List<Path> sources, List<Path> classpath) {

  static CompileInputs of(Options options, Path cwd, PrintStream log) throws GateException {
    List<Path> sources = new ArrayList<>();
    List<Path> classpath = new ArrayList<>();
    for (String entry : options.classpath()) {
      classpath.add(cwd.resolve(entry).normalize());
    }
    for (String given : options.paths()) {
      Path path = cwd.resolve(given).normalize();
      if (MavenClasspath.isPom(path)) {
        List<Path> dependencies = MavenClasspath.resolve(path, given, log);
        Path main = MavenClasspath.mainSources(path);
        sources.addAll(SourceSet.collect(main, main.toString()));
        classpath.addAll(dependencies);
      } else {
        sources.addAll(SourceSet.collect(path, given));
      }
    }
    classpath.add(GateEnvironment.bundledRuntime());
    return new CompileInputs(sources.stream().distinct().toList(), List.copyOf(classpath));
  }
}
