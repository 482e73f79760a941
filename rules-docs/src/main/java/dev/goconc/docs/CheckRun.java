package dev.goconc.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.goconc.Chan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Compiles a mistake file with Error Prone and one check, against the goconc runtime, and
 * returns what the check reports there: the message and the "Did you mean" of its suggested
 * fix, as a user's build prints them. The JVM must open the compiler's internals to Error Prone
 * (the {@code --add-exports} flags of the build's {@code javac.exports}).
 */
final class CheckRun {
  private static final String SEE = "\n    (see ";
  private static final String DID_YOU_MEAN = "Did you mean ";

  /** One diagnostic of the check: its line, its message, and its suggestion if it has one. */
  record Finding(long line, String message, Optional<String> suggestion) {}

  private CheckRun() {}

  static List<Finding> findings(Class<? extends BugChecker> check, Path file) {
    JavaCompiler javac = new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(check));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = null;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      classes = Files.createTempDirectory("goconc-rule-pages");
      List<String> options =
          List.of(
              "-classpath", runtimeLocation(),
              "-d", classes.toString(),
              "-proc:none",
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW");
      boolean compiled =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file))
              .call();
      List<Finding> findings = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getCode().endsWith(".error.prone")) {
          findings.add(finding(d.getLineNumber(), d.getMessage(Locale.ROOT)));
        } else if (d.getKind() == Diagnostic.Kind.ERROR) {
          throw new IllegalStateException(file + " does not compile: " + d);
        }
      }
      if (!compiled && findings.isEmpty()) {
        throw new IllegalStateException(file + " does not compile: " + diagnostics.getDiagnostics());
      }
      return findings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(classes);
    }
  }

  /** Splits Error Prone's {@code [Rule] text\n    (see link)\n  Did you mean 'x'?}. */
  static Finding finding(long line, String text) {
    String message = text.replaceFirst("^\\[\\w+\\] ", "");
    int see = message.indexOf(SEE);
    int didYouMean = message.indexOf(DID_YOU_MEAN);
    Optional<String> suggestion = Optional.empty();
    if (didYouMean >= 0) {
      String fix = message.substring(didYouMean + DID_YOU_MEAN.length()).strip();
      if (fix.startsWith("'") && fix.endsWith("'?")) {
        fix = fix.substring(1, fix.length() - 2);
      }
      suggestion = Optional.of(fix);
    }
    int end = see >= 0 ? see : didYouMean >= 0 ? didYouMean : message.length();
    return new Finding(line, message.substring(0, end).strip(), suggestion);
  }

  private static String runtimeLocation() {
    try {
      return Path.of(Chan.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
