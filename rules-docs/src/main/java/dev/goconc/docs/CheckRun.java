package dev.goconc.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.goconc.Chan;
import java.io.IOException;
import java.io.StringWriter;
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
 * Compiles a mistake file with Error Prone and one check, against the goconc runtime, as a
 * user's build would: {@link #findings} returns what the check reports, {@link #patched} the
 * file as the check's suggested fixes rewrite it ({@code -XepPatchChecks}). The JVM must open
 * the compiler's internals to Error Prone (the build's {@code javac.exports} flags).
 */
final class CheckRun {
  private static final String SEE = "\n    (see ";
  private static final String DID_YOU_MEAN = "\n  Did you mean ";

  /** One diagnostic of the check: its line and its message. */
  record Finding(long line, String message) {}

  private CheckRun() {}

  static List<Finding> findings(Class<? extends BugChecker> check, Path file) {
    List<Finding> findings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compile(check, file, List.of())) {
      findings.add(finding(d.getLineNumber(), d.getMessage(Locale.ROOT)));
    }
    return findings;
  }

  /**
   * The source of {@code file} after the check's suggested fixes, or empty when it offers none
   * there. The file itself is not touched: a copy is patched.
   */
  static Optional<String> patched(Class<? extends BugChecker> check, String rule, Path file) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("goconc-rule-fix");
      Path copy = Files.copy(file, dir.resolve(file.getFileName()));
      compile(check, copy, List.of("-XepPatchChecks:" + rule, "-XepPatchLocation:IN_PLACE"));
      String before = Files.readString(file, UTF_8);
      String after = Files.readString(copy, UTF_8);
      return before.equals(after) ? Optional.empty() : Optional.of(after);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Compiles {@code file} with the one check; returns the check's diagnostics. */
  private static List<Diagnostic<? extends JavaFileObject>> compile(
      Class<? extends BugChecker> check, Path file, List<String> errorProneFlags) {
    JavaCompiler javac = new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(check));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = null;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      classes = Files.createTempDirectory("goconc-rule-pages");
      List<String> options = new ArrayList<>(
          List.of(
              "-classpath", runtimeLocation(),
              "-d", classes.toString(),
              "-proc:none",
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW"));
      options.addAll(errorProneFlags);
      boolean compiled =
          javac.getTask(
                  new StringWriter(), // Error Prone's "changes were applied" notes
                  files, diagnostics, options, null, files.getJavaFileObjects(file))
              .call();
      List<Diagnostic<? extends JavaFileObject>> found = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getCode().endsWith(".error.prone")) {
          found.add(d);
        } else if (d.getKind() == Diagnostic.Kind.ERROR) {
          throw new IllegalStateException(file + " does not compile: " + d);
        }
      }
      if (!compiled && found.isEmpty()) {
        throw new IllegalStateException(file + " does not compile: " + diagnostics.getDiagnostics());
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(classes);
    }
  }

  /** The text of Error Prone's {@code [Rule] text\n    (see link)\n  Did you mean …?}. */
  static Finding finding(long line, String text) {
    String message = text.replaceFirst("^\\[\\w+\\] ", "");
    for (String tail : List.of(SEE, DID_YOU_MEAN)) {
      int at = message.indexOf(tail);
      if (at >= 0) {
        message = message.substring(0, at);
      }
    }
    return new Finding(line, message.strip());
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
