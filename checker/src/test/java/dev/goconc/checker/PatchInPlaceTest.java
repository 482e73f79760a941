package dev.goconc.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user runs: javac with Error Prone and {@code -XepPatchChecks:<Rule>
 * -XepPatchLocation:IN_PLACE} rewrites the source, and the rewritten source then compiles with the
 * rule on and no finding left.
 */
final class PatchInPlaceTest {
  @TempDir Path dir;

  @Test
  void lostCancelPatchesInPlace() throws IOException {
    Path source =
        write(
            "Fetcher.java",
            """
        import dev.goconc.CancelContext;
        import dev.goconc.Context;
        import java.time.Duration;
        class Fetcher {
          static String fetch(Context ctx, String url) { return url; }
          String get(Context parent, String url) {
            CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(2));
            if (url.isEmpty()) {
              return "none";
            }
            return fetch(ctx, url);
          }
        }
        """);
    patch("LostCancel", source);
    String patched = Files.readString(source);
    assertTrue(
        patched.contains(
            "try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(2))) {"),
        patched);
    assertEquals(List.of(), compile("LostCancel", source, List.of()), patched);
  }

  @Test
  void waitGroupAddInGoroutinePatchesInPlace() throws IOException {
    Path source =
        write(
            "Crawler.java",
            """
        import dev.goconc.Go;
        import dev.goconc.WaitGroup;
        import java.util.List;
        class Crawler {
          static void visit(String url) {}
          void crawl(List<String> urls) {
            WaitGroup wg = new WaitGroup();
            for (String url : urls) {
              Go.go(() -> {
                wg.add(1);
                try {
                  visit(url);
                } finally {
                  wg.done();
                }
              });
            }
            wg.await();
          }
        }
        """);
    patch("WaitGroupAddInGoroutine", source);
    String patched = Files.readString(source);
    assertTrue(
        patched.matches("(?s).*wg\\.add\\(1\\);\\s*Go\\.go\\(\\(\\) -> \\{\\s*try.*"), patched);
    assertEquals(List.of(), compile("WaitGroupAddInGoroutine", source, List.of()), patched);
  }

  @Test
  void waitGroupDoneNotInFinallyPatchesInPlace() throws IOException {
    Path source =
        write(
            "Indexer.java",
            """
        import dev.goconc.Go;
        import dev.goconc.WaitGroup;
        import java.util.List;
        class Indexer {
          static void index(String doc) {}
          void indexAll(List<String> docs) {
            WaitGroup wg = new WaitGroup();
            for (String doc : docs) {
              wg.add(1);
              Go.go(() -> {
                index(doc);
                wg.done();
              });
            }
            wg.await();
          }

          void indexOne(String doc) {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            Thread.startVirtualThread(() -> {
              index(doc);
              wg.done();
            });
            wg.await();
          }
        }
        """);
    patch("WaitGroupDoneNotInFinally", source);
    String patched = Files.readString(source);
    assertTrue(patched.contains("wg.go(() -> {"), patched);
    assertTrue(
        patched.matches(
            "(?s).*try \\{\\s*index\\(doc\\);\\s*\\} finally \\{\\s*wg\\.done\\(\\);.*"),
        patched);
    assertEquals(List.of(), compile("WaitGroupDoneNotInFinally", source, List.of()), patched);
  }

  @Test
  void tickerNotStoppedPatchesInPlace() throws IOException {
    Path source =
        write(
            "Poller.java",
            """
        import dev.goconc.Ticker;
        import dev.goconc.Time;
        import java.time.Duration;
        class Poller {
          static boolean poll() { return true; }
          int pollUntilDone(int limit) {
            Ticker ticker = Time.newTicker(Duration.ofMillis(50));
            for (int i = 0; i < limit; i++) {
              ticker.c().receive();
              if (poll()) {
                return i;
              }
            }
            return -1;
          }
        }
        """);
    patch("TickerNotStopped", source);
    String patched = Files.readString(source);
    assertTrue(
        patched.contains("try (Ticker ticker = Time.newTicker(Duration.ofMillis(50))) {"), patched);
    assertEquals(List.of(), compile("TickerNotStopped", source, List.of()), patched);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private void patch(String rule, Path source) {
    compile(rule, source, List.of("-XepPatchChecks:" + rule, "-XepPatchLocation:IN_PLACE"));
  }

  /** Compiles {@code source} with only {@code rule} on; returns the findings. */
  private List<String> compile(String rule, Path source, List<String> errorProneFlags) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      String classPath = System.getProperty("java.class.path");
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-d",
                  dir.toString(),
                  "-classpath",
                  classPath,
                  "-processorpath",
                  classPath,
                  "-proc:none",
                  "-XDcompilePolicy=simple",
                  "--should-stop=ifError=FLOW"));
      options.add(
          String.join(
                  " ",
                  List.of("-Xplugin:ErrorProne", "-XepDisableAllChecks", "-Xep:" + rule + ":ERROR"))
              + (errorProneFlags.isEmpty() ? "" : " " + String.join(" ", errorProneFlags)));
      StringWriter out = new StringWriter();
      javac
          .getTask(out, files, diagnostics, options, null, files.getJavaFileObjects(source))
          .call();
      List<String> findings = new ArrayList<>();
      diagnostics
          .getDiagnostics()
          .forEach(
              d -> {
                if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                  findings.add(d.getLineNumber() + ": " + d.getMessage(null));
                }
              });
      return findings;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
