package dev.goconc.gate;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources with javac in this JVM, Error Prone as a javac plugin, and only the goconc
 * rules enabled ({@code -XepDisableAllChecks} then {@code -Xep:Rule} for each, at the rule's
 * own severity). Error Prone loads plugins from the annotation processor path only, so that
 * path holds Error Prone and the checker jar; annotation processors are not run
 * ({@code -proc:none}), so code that needs one (Lombok) does not compile here. Class files go
 * to a temporary directory that is deleted afterwards, never into the user's tree, and javac
 * stops after flow analysis, where Error Prone has already run.
 *
 * <p>Test sources (files under a {@code src/test/} directory, the Maven and Gradle layout) are
 * judged as a build judges them: with {@code -XepCompilingTestOnlyCode}, in a second
 * compilation that also holds the main sources they use and reports only the test files'
 * findings. So rules that are quiet on test code stay quiet here too.
 */
final class GateCompiler {
  private static final String ERROR_PRONE_CODE_SUFFIX = ".error.prone";
  private static final int SHOWN_COMPILE_ERRORS = 10;

  private final List<Path> processorPath;
  private final RuleCatalog rules;

  GateCompiler(List<Path> processorPath, RuleCatalog rules) {
    this.processorPath = List.copyOf(processorPath);
    this.rules = rules;
  }

  /** The goconc findings, in no particular order; throws when the sources do not compile. */
  List<Finding> compile(
      List<Path> sources, List<Path> classpath, List<Path> testClasspath, ReportRoot root)
      throws GateException {
    List<Path> main = sources.stream().filter(source -> !isTestSource(source)).toList();
    Set<Path> tests =
        sources.stream().filter(GateCompiler::isTestSource).collect(Collectors.toSet());
    List<Finding> findings = new ArrayList<>();
    if (!main.isEmpty()) {
      findings.addAll(compile(main, Set.copyOf(main), false, classpath, root));
    }
    if (!tests.isEmpty()) {
      findings.addAll(compile(sources, tests, true, testClasspath, root));
    }
    return findings;
  }

  static boolean isTestSource(Path source) {
    String path = source.toAbsolutePath().normalize().toString().replace(File.separatorChar, '/');
    return path.contains("/src/test/");
  }

  private List<Finding> compile(
      List<Path> sources, Set<Path> reported, boolean testOnly, List<Path> classpath, ReportRoot root)
      throws GateException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new GateException("this Java runtime has no compiler; run the gate on a JDK 21+");
    }
    List<Finding> findings = new ArrayList<>();
    List<CompileError> compileErrors = new ArrayList<>();
    DiagnosticListener<JavaFileObject> listener =
        diagnostic -> collect(diagnostic, root, findings, compileErrors);
    Path classOutput = createTempDirectory();
    StringWriter javacOutput = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(listener, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      Boolean ok =
          javac.getTask(javacOutput, files, listener, options(classpath, classOutput, testOnly), null, units)
              .call();
      if (!compileErrors.isEmpty()) {
        throw new GateException(describe(compileErrors));
      }
      // A goconc finding at ERROR fails javac even in a file compiled only as context.
      if (!ok && findings.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
        throw new GateException("javac failed: " + firstLine(javacOutput.toString()));
      }
      Set<String> shown = reported.stream().map(root::display).collect(Collectors.toSet());
      findings.removeIf(finding -> !shown.contains(finding.path()));
    } catch (IOException e) {
      throw new GateException("cannot read the sources: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // javac wraps failures of the plugin itself (a bad flag, a missing --add-exports).
      throw new GateException("javac could not run Error Prone: " + firstLine(String.valueOf(e)), e);
    } finally {
      deleteRecursively(classOutput);
    }
    return findings;
  }

  private List<String> options(List<Path> classpath, Path classOutput, boolean testOnly) {
    List<String> options = new ArrayList<>();
    options.addAll(List.of("-d", classOutput.toString()));
    options.addAll(List.of("-encoding", "UTF-8"));
    options.addAll(List.of("-classpath", join(classpath)));
    options.addAll(List.of("-processorpath", join(processorPath)));
    options.add("-proc:none");
    options.add("-implicit:none");
    options.addAll(List.of("-Xmaxerrs", "100000", "-Xmaxwarns", "100000"));
    options.add("-XDcompilePolicy=simple");
    options.add("--should-stop=ifError=FLOW");
    options.add("--should-stop=ifNoError=FLOW");
    if (Runtime.version().feature() == 21) {
      options.add("-XDaddTypeAnnotationsToSymbol=true");
    }
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    if (testOnly) {
      plugin.append(" -XepCompilingTestOnlyCode");
    }
    for (Rule rule : rules.rules()) {
      plugin.append(" -Xep:").append(rule.name());
    }
    options.add(plugin.toString());
    return options;
  }

  private void collect(
      Diagnostic<? extends JavaFileObject> diagnostic,
      ReportRoot root,
      List<Finding> findings,
      List<CompileError> compileErrors) {
    String text = diagnostic.getMessage(Locale.ROOT);
    Path file = diagnostic.getSource() == null ? null : Path.of(diagnostic.getSource().toUri());
    String code = String.valueOf(diagnostic.getCode());
    if (code.endsWith(ERROR_PRONE_CODE_SUFFIX)) {
      ErrorProneMessage parsed = ErrorProneMessage.parse(text);
      if (parsed != null && rules.contains(parsed.rule()) && file != null) {
        findings.add(
            new Finding(
                root.display(file),
                (int) diagnostic.getLineNumber(),
                (int) diagnostic.getColumnNumber(),
                Severity.of(diagnostic.getKind()),
                parsed.rule(),
                parsed.message(),
                parsed.link() != null ? parsed.link() : rules.get(parsed.rule()).link(),
                parsed.suggestion()));
        return;
      }
    }
    if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
      compileErrors.add(CompileError.of(diagnostic, root));
    }
  }

  private static String describe(List<CompileError> compileErrors) {
    String shown =
        compileErrors.stream()
            .limit(SHOWN_COMPILE_ERRORS)
            .map(CompileError::text)
            .collect(Collectors.joining("\n  "));
    String more =
        compileErrors.size() > SHOWN_COMPILE_ERRORS
            ? "\n  … and " + (compileErrors.size() - SHOWN_COMPILE_ERRORS) + " more"
            : "";
    String hint =
        compileErrors.stream().anyMatch(CompileError::missingDependency)
            ? "\n(a dependency is missing: give it with --classpath, or check the Maven module,"
                + " its pom.xml or its directory, to use its classpath)"
            : "";
    return "the sources do not compile ("
        + compileErrors.size()
        + (compileErrors.size() == 1 ? " error" : " errors")
        + "):\n  "
        + shown
        + more
        + hint;
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline);
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  private static Path createTempDirectory() throws GateException {
    try {
      return Files.createTempDirectory("goconc-check-classes");
    } catch (IOException e) {
      throw new GateException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(GateCompiler::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary directory is harmless.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // See deleteRecursively.
    }
  }
}
