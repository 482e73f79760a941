package dev.goconc.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
 * -XepPatchLocation:IN_PLACE} rewrites the source, exactly as expected (indentation and blank lines
 * included: the patch is applied as it is, with no formatter), and the rewritten source then
 * compiles with the rule on and no finding left. One test for every rule that offers a fix, on a
 * realistic file; the files are indented with two spaces, four spaces or tabs, since a fix takes
 * the file's own indentation unit.
 */
final class PatchInPlaceTest {
  @TempDir Path dir;

  @Test
  void lostCancel() throws IOException {
    assertPatches(
        "LostCancel",
        "Fetcher.java",
        """
        import dev.goconc.CancelContext;
        import dev.goconc.Context;
        import java.time.Duration;

        class Fetcher {
          static String fetch(Context ctx, String url) {
            return url;
          }

          String get(Context parent, String url) {
            CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(2));

            // An empty URL needs no request.
            if (url.isEmpty()) {
              return "none";
            }
            return fetch(ctx, url);
          }

          String retry(Context parent, String url) {
            CancelContext attempt;
            attempt = Context.withCancel(parent); // a fresh attempt
            String body = fetch(attempt, url);
            return body.isEmpty() ? fetch(attempt, url + "?retry") : body;
          }

          void warm(Context parent, String url) {
            fetch(Context.withTimeout(parent, Duration.ofSeconds(1)), url);
          }
        }
        """,
        """
        import dev.goconc.CancelContext;
        import dev.goconc.Context;
        import java.time.Duration;

        class Fetcher {
          static String fetch(Context ctx, String url) {
            return url;
          }

          String get(Context parent, String url) {
            try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(2))) {
              // An empty URL needs no request.
              if (url.isEmpty()) {
                return "none";
              }
              return fetch(ctx, url);
            }
          }

          String retry(Context parent, String url) {
            CancelContext attempt;
            attempt = Context.withCancel(parent); // a fresh attempt
            try {
              String body = fetch(attempt, url);
              return body.isEmpty() ? fetch(attempt, url + "?retry") : body;
            } finally {
              attempt.cancel();
            }
          }

          void warm(Context parent, String url) {
            try (CancelContext context = Context.withTimeout(parent, Duration.ofSeconds(1))) {
              fetch(context, url);
            }
          }
        }
        """);
  }

  @Test
  void timedGetWithoutCancel() throws IOException {
    assertPatches(
        "TimedGetWithoutCancel",
        "Quotes.java",
        """
        import java.util.concurrent.Callable;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Future;
        import java.util.concurrent.TimeUnit;
        import java.util.concurrent.TimeoutException;

        class Quotes {
            String quote(ExecutorService pool, Callable<String> fetch) throws Exception {
                Future<String> price = pool.submit(fetch);
                try {
                    return price.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    return "unavailable";
                }
            }
        }
        """,
        """
        import java.util.concurrent.Callable;
        import java.util.concurrent.ExecutorService;
        import java.util.concurrent.Future;
        import java.util.concurrent.TimeUnit;
        import java.util.concurrent.TimeoutException;

        class Quotes {
            String quote(ExecutorService pool, Callable<String> fetch) throws Exception {
                Future<String> price = pool.submit(fetch);
                try {
                    return price.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    price.cancel(true);
                    return "unavailable";
                }
            }
        }
        """);
  }

  @Test
  void futureNotCompletedOnAllPaths() throws IOException {
    assertPatches(
        "FutureNotCompletedOnAllPaths",
        "Lookup.java",
        tabs(
            """
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;

            class Lookup {
                static String fetch(String key) {
                    return key.toUpperCase();
                }

                CompletableFuture<String> lookup(Executor executor, String key) {
                    CompletableFuture<String> result = new CompletableFuture<>();
                    executor.execute(() -> {
                        String value = fetch(key); // may throw
                        result.complete(value);
                    });
                    return result;
                }
            }
            """),
        tabs(
            """
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;

            class Lookup {
                static String fetch(String key) {
                    return key.toUpperCase();
                }

                CompletableFuture<String> lookup(Executor executor, String key) {
                    CompletableFuture<String> result = new CompletableFuture<>();
                    executor.execute(() -> {
                        try {
                            String value = fetch(key); // may throw
                            result.complete(value);
                        } catch (Throwable t) {
                            result.completeExceptionally(t);
                        }
                    });
                    return result;
                }
            }
            """));
  }

  @Test
  void tickerNotStopped() throws IOException {
    assertPatches(
        "TickerNotStopped",
        "Poller.java",
        """
        import dev.goconc.Ticker;
        import dev.goconc.Time;
        import java.time.Duration;

        class Poller {
            static boolean poll() {
                return true;
            }

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
        """,
        """
        import dev.goconc.Ticker;
        import dev.goconc.Time;
        import java.time.Duration;

        class Poller {
            static boolean poll() {
                return true;
            }

            int pollUntilDone(int limit) {
                try (Ticker ticker = Time.newTicker(Duration.ofMillis(50))) {
                    for (int i = 0; i < limit; i++) {
                        ticker.c().receive();
                        if (poll()) {
                            return i;
                        }
                    }
                    return -1;
                }
            }
        }
        """);
  }

  @Test
  void unclosedChannel() throws IOException {
    assertPatches(
        "UnclosedChannel",
        "Sizes.java",
        tabs(
            """
            import dev.goconc.Chan;
            import dev.goconc.Go;
            import java.util.List;

            class Sizes {
                static int totalSize(List<Integer> sizes) {
                    Chan<Integer> ch = Chan.make();
                    Go.go(() -> {
                        for (int size : sizes) {
                            ch.send(size);
                        }
                    });
                    int total = 0;
                    for (int size : ch) {
                        total += size;
                    }
                    return total;
                }
            }
            """),
        tabs(
            """
            import dev.goconc.Chan;
            import dev.goconc.Go;
            import java.util.List;

            class Sizes {
                static int totalSize(List<Integer> sizes) {
                    Chan<Integer> ch = Chan.make();
                    Go.go(() -> {
                        try {
                            for (int size : sizes) {
                                ch.send(size);
                            }
                        } finally {
                            ch.close();
                        }
                    });
                    int total = 0;
                    for (int size : ch) {
                        total += size;
                    }
                    return total;
                }
            }
            """));
  }

  @Test
  void waitGroupAddInGoroutine() throws IOException {
    assertPatches(
        "WaitGroupAddInGoroutine",
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
                wg.add(1); // one per page
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
        """,
        """
        import dev.goconc.Go;
        import dev.goconc.WaitGroup;
        import java.util.List;

        class Crawler {
          static void visit(String url) {}

          void crawl(List<String> urls) {
            WaitGroup wg = new WaitGroup();
            for (String url : urls) {
              wg.add(1); // one per page
              Go.go(() -> {
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
  }

  @Test
  void waitGroupDoneNotInFinally() throws IOException {
    assertPatches(
        "WaitGroupDoneNotInFinally",
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
              wg.add(1); // counted before it starts
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
              index(doc + "#summary");
              wg.done(); // the waiter may go on
            });
            wg.await();
          }
        }
        """,
        """
        import dev.goconc.Go;
        import dev.goconc.WaitGroup;
        import java.util.List;

        class Indexer {
          static void index(String doc) {}

          void indexAll(List<String> docs) {
            WaitGroup wg = new WaitGroup();
            for (String doc : docs) {
              wg.go(() -> {
                index(doc);
              });
            }
            wg.await();
          }

          void indexOne(String doc) {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            Thread.startVirtualThread(() -> {
              try {
                index(doc);
                index(doc + "#summary");
              } finally {
                wg.done(); // the waiter may go on
              }
            });
            wg.await();
          }
        }
        """);
  }

  @Test
  void waitGroupDoneExceedsAdd() throws IOException {
    assertPatches(
        "WaitGroupDoneExceedsAdd",
        "Mirror.java",
        """
        import dev.goconc.Go;
        import dev.goconc.WaitGroup;
        import java.util.List;

        class Mirror {
            static boolean cached(String url) { return url.isEmpty(); }
            static void fetch(String url) {}

            void fetchAll(List<String> urls) {
                WaitGroup wg = new WaitGroup();
                for (String url : urls) {
                    wg.add(1);
                    Go.go(() -> {
                        try {
                            if (cached(url)) {
                                wg.done(); // nothing to fetch
                                return;
                            }
                            fetch(url);
                        } finally {
                            wg.done();
                        }
                    });
                }
                wg.await();
            }
        }
        """,
        """
        import dev.goconc.Go;
        import dev.goconc.WaitGroup;
        import java.util.List;

        class Mirror {
            static boolean cached(String url) { return url.isEmpty(); }
            static void fetch(String url) {}

            void fetchAll(List<String> urls) {
                WaitGroup wg = new WaitGroup();
                for (String url : urls) {
                    wg.add(1);
                    Go.go(() -> {
                        try {
                            if (cached(url)) {
                                return;
                            }
                            fetch(url);
                        } finally {
                            wg.done();
                        }
                    });
                }
                wg.await();
            }
        }
        """);
  }

  @Test
  void receiverSideClose() throws IOException {
    assertPatches(
        "ReceiverSideClose",
        "LogScan.java",
        """
        import dev.goconc.Chan;

        class LogScan {
          static String firstError(Chan<String> lines) {
            for (String line : lines) {
              if (line.startsWith("ERROR")) {
                lines.close(); // stop the producer
                return line;
              }
            }
            return null;
          }
        }
        """,
        """
        import dev.goconc.Chan;
        import dev.goconc.RecvChan;

        class LogScan {
          static String firstError(RecvChan<String> lines) {
            for (String line : lines) {
              if (line.startsWith("ERROR")) {
                return line;
              }
            }
            return null;
          }
        }
        """);
  }

  @Test
  void goroutineLeak() throws IOException {
    assertPatches(
        "GoroutineLeak",
        "Lookup.java",
        """
        import dev.goconc.Chan;
        import dev.goconc.Go;
        import dev.goconc.Select;
        import dev.goconc.Time;
        import java.time.Duration;

        class Lookup {
          static String lookup(String key) {
            return key.toUpperCase();
          }

          static String fetchWithTimeout(String key) {
            Chan<String> result = Chan.make();
            Go.go(() -> result.send(lookup(key)));
            return Select.<String>select()
                .recv(result, value -> value)
                .recv(Time.after(Duration.ofSeconds(1)), timeout -> "timed out")
                .run();
          }
        }
        """,
        """
        import dev.goconc.Chan;
        import dev.goconc.Go;
        import dev.goconc.Select;
        import dev.goconc.Time;
        import java.time.Duration;

        class Lookup {
          static String lookup(String key) {
            return key.toUpperCase();
          }

          static String fetchWithTimeout(String key) {
            Chan<String> result = Chan.make(1);
            Go.go(() -> result.send(lookup(key)));
            return Select.<String>select()
                .recv(result, value -> value)
                .recv(Time.after(Duration.ofSeconds(1)), timeout -> "timed out")
                .run();
          }
        }
        """);
  }

  @Test
  void backgroundContextInsteadOfParameter() throws IOException {
    assertPatches(
        "BackgroundContextInsteadOfParameter",
        "Profiles.java",
        """
        import dev.goconc.Context;

        class Profiles {
          static String authenticate(Context ctx, String request) {
            return request;
          }

          static String loadProfile(Context ctx, String user) {
            return user;
          }

          static String handle(Context ctx, String request) {
            String user = authenticate(ctx, request);
            return loadProfile(Context.background(), user);
          }
        }
        """,
        """
        import dev.goconc.Context;

        class Profiles {
          static String authenticate(Context ctx, String request) {
            return request;
          }

          static String loadProfile(Context ctx, String user) {
            return user;
          }

          static String handle(Context ctx, String request) {
            String user = authenticate(ctx, request);
            return loadProfile(ctx, user);
          }
        }
        """);
  }

  @Test
  void contextNotFirstParameter() throws IOException {
    assertPatches(
        "ContextNotFirstParameter",
        "Renderer.java",
        """
        import dev.goconc.Context;

        class Renderer {
          String page(Context ctx, String name) {
            return render("<h1>" + name + "</h1>", ctx);
          }

          String report(Context ctx, String title, int rows) {
            return renderTable(
                title,
                rows,
                ctx);
          }

          private static String render(String template, Context ctx) {
            return ctx.err() == null ? template : "";
          }

          private static String renderTable(
              String title,
              int rows,
              Context ctx) {
            return ctx.err() == null ? title + rows : "";
          }
        }
        """,
        """
        import dev.goconc.Context;

        class Renderer {
          String page(Context ctx, String name) {
            return render(ctx, "<h1>" + name + "</h1>");
          }

          String report(Context ctx, String title, int rows) {
            return renderTable(
                ctx,
                title,
                rows);
          }

          private static String render(Context ctx, String template) {
            return ctx.err() == null ? template : "";
          }

          private static String renderTable(
              Context ctx,
              String title,
              int rows) {
            return ctx.err() == null ? title + rows : "";
          }
        }
        """);
  }

  @Test
  void sleepInsteadOfSynchronization() throws IOException {
    assertPatches(
        "SleepInsteadOfSynchronization",
        "Greeter.java",
        """
        import dev.goconc.WaitGroup;
        import java.util.List;

        class Greeter {
          static void greetAll(List<String> names) throws InterruptedException {
            WaitGroup wg = new WaitGroup();
            for (String name : names) {
              wg.go(() -> System.out.println("Hello, " + name));
            }
            Thread.sleep(100);
            System.out.println("Done");
          }
        }
        """,
        """
        import dev.goconc.WaitGroup;
        import java.util.List;

        class Greeter {
          static void greetAll(List<String> names) throws InterruptedException {
            WaitGroup wg = new WaitGroup();
            for (String name : names) {
              wg.go(() -> System.out.println("Hello, " + name));
            }
            wg.await();
            System.out.println("Done");
          }
        }
        """);
  }

  @Test
  void oneLineGoroutinesStayOnOneLine() throws IOException {
    assertPatches(
        "WaitGroupDoneNotInFinally",
        "Quick.java",
        """
        import dev.goconc.WaitGroup;

        class Quick {
          static void index(String doc) {}

          void indexOne(String doc) {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            Thread.startVirtualThread(() -> { index(doc); wg.done(); });
            wg.await();
          }
        }
        """,
        """
        import dev.goconc.WaitGroup;

        class Quick {
          static void index(String doc) {}

          void indexOne(String doc) {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            Thread.startVirtualThread(() -> { try { index(doc); } finally { wg.done(); } });
            wg.await();
          }
        }
        """);
  }

  @Test
  void aStatementMovedOutOfAOneLineGoroutineGetsItsOwnLine() throws IOException {
    assertPatches(
        "WaitGroupAddInGoroutine",
        "Pinger.java",
        """
        import dev.goconc.Go;
        import dev.goconc.WaitGroup;
        import java.util.List;

        class Pinger {
          static void ping(String host) {}

          void pingAll(List<String> hosts) {
            WaitGroup wg = new WaitGroup();
            for (String host : hosts) {
              Go.go(() -> { wg.add(1); try { ping(host); } finally { wg.done(); } });
            }
            wg.await();
          }
        }
        """,
        """
        import dev.goconc.Go;
        import dev.goconc.WaitGroup;
        import java.util.List;

        class Pinger {
          static void ping(String host) {}

          void pingAll(List<String> hosts) {
            WaitGroup wg = new WaitGroup();
            for (String host : hosts) {
              wg.add(1);
              Go.go(() -> { try { ping(host); } finally { wg.done(); } });
            }
            wg.await();
          }
        }
        """);
  }

  @Test
  void reindentingKeepsTextBlocksAndComments() throws IOException {
    String quotes = "\"\"\"";
    assertPatches(
        "LostCancel",
        "Query.java",
        """
        import dev.goconc.CancelContext;
        import dev.goconc.Context;

        class Query {
          static String run(Context ctx, String sql) {
            return sql;
          }

          String report(Context parent) {
            CancelContext ctx = Context.withCancel(parent); // one query at a time
            String sql =
                QQQ
                SELECT name
                  FROM users

                 WHERE active
                QQQ;
            return run(ctx, sql);
          }
        }
        """
            .replace("QQQ", quotes),
        """
        import dev.goconc.CancelContext;
        import dev.goconc.Context;

        class Query {
          static String run(Context ctx, String sql) {
            return sql;
          }

          String report(Context parent) {
            try (CancelContext ctx = Context.withCancel(parent)) { // one query at a time
              String sql =
                  QQQ
                  SELECT name
                    FROM users

                   WHERE active
                  QQQ;
              return run(ctx, sql);
            }
          }
        }
        """
            .replace("QQQ", quotes));
  }

  @Test
  void windowsLineBreaksAreKept() throws IOException {
    assertPatches(
        "TickerNotStopped",
        "Beat.java",
        """
        import dev.goconc.Ticker;
        import dev.goconc.Time;
        import java.time.Duration;

        class Beat {
          void beat(int times) {
            Ticker ticker = Time.newTicker(Duration.ofMillis(10));
            for (int i = 0; i < times; i++) {
              ticker.c().receive();
            }
          }
        }
        """
            .replace("\n", "\r\n"),
        """
        import dev.goconc.Ticker;
        import dev.goconc.Time;
        import java.time.Duration;

        class Beat {
          void beat(int times) {
            try (Ticker ticker = Time.newTicker(Duration.ofMillis(10))) {
              for (int i = 0; i < times; i++) {
                ticker.c().receive();
              }
            }
          }
        }
        """
            .replace("\n", "\r\n"));
  }

  /**
   * Patches {@code before} in place with {@code rule}'s fix, checks the text is exactly {@code
   * after}, and that it compiles with {@code rule} on and nothing left to find.
   */
  private void assertPatches(String rule, String file, String before, String after)
      throws IOException {
    Path source = write(file, before);
    assertNotEquals(List.of(), compile(rule, source, List.of()), "the rule must flag the input");
    patch(rule, source);
    String patched = Files.readString(source);
    assertEquals(after, patched);
    assertEquals(List.of(), compile(rule, source, List.of()), patched);
  }

  /** The text indented with a tab for each four spaces. */
  private static String tabs(String text) {
    return text.replace("    ", "\t");
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
                  List.of("-Xplugin:ErrorProne", "-XepDisableAllChecks", "-Xep:" + rule + ":ERROR",
                      StrictRules.STRICT))
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
