package dev.goconc.checker.metamorphic;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.goconc.checker.StrictRules;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles many variants in one in-process javac run with Error Prone and every goconc rule
 * (the list a user's build loads), and sorts the diagnostics back to their variants by file.
 * javac stops after flow analysis, where Error Prone has run: no class files are written.
 */
final class VariantCompiler {
  private static final String RULES_PACKAGE = "dev.goconc.checker";
  private static final Pattern CHECK_NAME = Pattern.compile("^\\[(\\w+)\\]");

  /** A finding of one rule on one line of one file. */
  record Finding(String rule, String file, long line) {}

  /** What javac and the rules said about one variant. */
  record Outcome(List<String> compileErrors, List<Finding> findings) {
    int findings(String rule, Variant variant) {
      int n = 0;
      for (Finding f : findings) {
        if (f.rule().equals(rule)
            && f.file().equals(variant.caseFile())
            && variant.caseLines().stream().anyMatch(r -> r.contains(f.line()))) {
          n++;
        }
      }
      return n;
    }
  }

  static Set<String> ruleNames() {
    Set<String> names = new HashSet<>();
    for (Class<? extends BugChecker> rule : rules()) {
      names.add(rule.getSimpleName());
    }
    return names;
  }

  private static List<Class<? extends BugChecker>> rules() {
    return ServiceLoader.load(BugChecker.class).stream()
        .map(ServiceLoader.Provider::type)
        .filter(type -> type.getPackageName().equals(RULES_PACKAGE))
        .<Class<? extends BugChecker>>map(type -> type)
        .toList();
  }

  /**
   * One javac run over all the variants. A variant that does not compile keeps javac from
   * analysing the others, so such variants are set aside and the rest compiled again.
   */
  Map<Integer, Outcome> compile(List<Variant> variants) {
    Map<Integer, Outcome> outcomes = new HashMap<>();
    List<Variant> pending = variants;
    while (!pending.isEmpty()) {
      Map<Integer, Outcome> round = compileOnce(pending);
      List<Variant> broken =
          pending.stream().filter(v -> !round.get(v.id()).compileErrors().isEmpty()).toList();
      if (broken.isEmpty()) {
        outcomes.putAll(round);
        break;
      }
      broken.forEach(v -> outcomes.put(v.id(), round.get(v.id())));
      pending = pending.stream().filter(v -> round.get(v.id()).compileErrors().isEmpty()).toList();
    }
    return outcomes;
  }

  private Map<Integer, Outcome> compileOnce(List<Variant> variants) {
    Map<String, Integer> variantOfFile = new HashMap<>();
    List<JavaFileObject> files = new ArrayList<>();
    Map<Integer, Outcome> outcomes = new HashMap<>();
    for (Variant variant : variants) {
      for (TestSource file : variant.files()) {
        InMemorySource source = new InMemorySource(file);
        files.add(source);
        variantOfFile.put(source.getName(), variant.id());
      }
      outcomes.put(variant.id(), new Outcome(new ArrayList<>(), new ArrayList<>()));
    }
    BaseErrorProneJavaCompiler compiler =
        new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(rules()));
    StringWriter javacOutput = new StringWriter();
    List<Diagnostic<? extends JavaFileObject>> unplaced = new ArrayList<>();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(null, Locale.ROOT, UTF_8)) {
      compiler
          .getTask(
              javacOutput,
              fileManager,
              d -> {
                Integer id = d.getSource() == null ? null : variantOfFile.get(d.getSource().getName());
                if (id == null) {
                  unplaced.add(d);
                } else {
                  record(d, outcomes.get(id));
                }
              },
              List.of(
                  "-XDcompilePolicy=simple",
                  StrictRules.STRICT,
                  "--should-stop=ifError=FLOW",
                  "--should-stop=ifNoError=FLOW",
                  "-proc:none",
                  "-Xmaxerrs", "1000000",
                  "-Xmaxwarns", "1000000",
                  "-classpath", System.getProperty("java.class.path")),
              null,
              files)
          .call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Diagnostic<? extends JavaFileObject> d : unplaced) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        throw new IllegalStateException("javac error outside every variant: " + d);
      }
    }
    return outcomes;
  }

  private static void record(Diagnostic<? extends JavaFileObject> d, Outcome outcome) {
    String message = d.getMessage(Locale.ROOT);
    Matcher check = CHECK_NAME.matcher(message);
    if (d.getCode() != null && d.getCode().endsWith("error.prone") && check.find()) {
      outcome.findings().add(new Finding(check.group(1), fileName(d), d.getLineNumber()));
    } else if (d.getKind() == Diagnostic.Kind.ERROR) {
      outcome.compileErrors().add(fileName(d) + ":" + d.getLineNumber() + ": " + message);
    }
  }

  /** The variant's own file name: {@code mm/v12/Quiet.java}. */
  private static String fileName(Diagnostic<? extends JavaFileObject> d) {
    return d.getSource().toUri().getPath().substring(1);
  }

  /** A variant's file, in memory under its package path. */
  private static final class InMemorySource extends SimpleJavaFileObject {
    private final String text;

    InMemorySource(TestSource source) {
      super(URI.create("string:///" + source.fileName()), Kind.SOURCE);
      this.text = source.text();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
