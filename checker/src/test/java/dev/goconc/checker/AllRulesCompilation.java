package dev.goconc.checker;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.tools.javac.api.BasicJavacTask;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.util.CostProbe;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * One in-process javac task with Error Prone and every goconc rule registered through
 * {@code @AutoService} (the same list a user's build loads), each at its catalog severity. It
 * returns every diagnostic, rendered in the order javac reported it, and the number of
 * control-flow graphs the rules built (through {@link CostProbe}).
 */
public final class AllRulesCompilation {
  /** What one compilation produced. */
  public record Result(List<String> diagnostics, int graphsBuilt) {}

  /** A source file given by its path (for messages) and text. */
  public record Source(String name, String text) {
    static Source read(Path file) {
      try {
        return new Source(file.getFileName().toString(), Files.readString(file, UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private AllRulesCompilation() {}

  static List<Class<? extends BugChecker>> goconcRules() {
    return ServiceLoader.load(BugChecker.class).stream()
        .map(ServiceLoader.Provider::type)
        .filter(type -> type.getPackageName().equals(AllRulesCompilation.class.getPackageName()))
        .<Class<? extends BugChecker>>map(type -> type)
        .toList();
  }

  /** The rules that judge code on the goconc runtime (not the java.util.concurrent ones). */
  static List<Class<? extends BugChecker>> runtimeRules() {
    return goconcRules().stream()
        .filter(
            rule ->
                !List.of(rule.getAnnotation(BugPattern.class).tags()).contains(JdkApi.RULE_TAG))
        .toList();
  }

  public static Result compile(List<Source> sources, Path classesDir) {
    return compile(sources, classesDir, goconcRules());
  }

  static Result compile(
      List<Source> sources, Path classesDir, List<Class<? extends BugChecker>> rules) {
    BaseErrorProneJavaCompiler compiler =
        new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(rules));
    List<String> diagnostics = new ArrayList<>();
    List<JavaFileObject> files = new ArrayList<>();
    for (Source source : sources) {
      files.add(new InMemorySource(source));
    }
    StringWriter javacOutput = new StringWriter();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(null, Locale.ROOT, UTF_8)) {
      BasicJavacTask task =
          (BasicJavacTask)
              compiler.getTask(
                  javacOutput,
                  fileManager,
                  d -> diagnostics.add(render(d)),
                  List.of(
                      "-XDcompilePolicy=simple",
                      StrictRules.STRICT,
                      "--should-stop=ifError=FLOW",
                      "-proc:none",
                      // Batches of sources (the GoKer kernels) report more than javac's default 100.
                      "-Xmaxerrs", "100000",
                      "-Xmaxwarns", "100000",
                      "-classpath", System.getProperty("java.class.path"),
                      "-d", classesDir.toString()),
                  null,
                  files);
      CostProbe probe = CostProbe.installIn(task.getContext());
      task.call();
      if (!javacOutput.toString().isEmpty()) {
        diagnostics.add("javac output: " + javacOutput);
      }
      return new Result(List.copyOf(diagnostics), probe.graphsBuilt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String render(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "-" : d.getSource().getName();
    return d.getKind() + " " + file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " "
        + d.getCode() + " " + d.getMessage(Locale.ROOT);
  }

  /** Sources live in memory: each test's text, never a shared directory. */
  private static final class InMemorySource extends SimpleJavaFileObject {
    private final String text;

    InMemorySource(Source source) {
      super(java.net.URI.create("string:///" + source.name()), Kind.SOURCE);
      this.text = source.text();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
