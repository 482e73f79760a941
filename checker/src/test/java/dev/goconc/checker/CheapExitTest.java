package dev.goconc.checker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import dev.goconc.checker.AllRulesCompilation.Result;
import dev.goconc.checker.AllRulesCompilation.Source;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.util.CostProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject.Kind;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compilation unit that names neither the runtime nor java.util.concurrent costs next to
 * nothing: every rule leaves at its first test ({@link GoconcApi#mentionsRuntime} for the runtime's
 * rules, {@link JdkApi#mentionsConcurrency} for the java.util.concurrent ones) before any tree walk
 * or control-flow graph; and a unit that uses only java.util.concurrent costs the runtime's rules
 * nothing. The graphs are counted by {@link CostProbe}; the runtime rules' early exit is also shown
 * by their mistakes of {@code examples/mistakes/} rewritten to name the runtime only by fully
 * qualified names (the documented price of the cheap exit): each would be flagged if its rule read
 * on.
 */
final class CheapExitTest {
  private static final Pattern RUNTIME_IMPORT =
      Pattern.compile("^import (dev\\.goconc\\.(\\w+));\\R", Pattern.MULTILINE);

  @TempDir Path classes;

  /**
   * Java's own concurrency in every shape a goroutine rule inspects: executor and virtual-thread
   * launches, endless loops, sleeps, fields and parameters named like the runtime's types.
   */
  private static final Source PLAIN_CONCURRENCY =
      new Source(
          "PlainConcurrency.java",
          """
          package plain;

          import java.util.concurrent.BlockingQueue;
          import java.util.concurrent.CountDownLatch;
          import java.util.concurrent.ExecutorService;
          import java.util.concurrent.Executors;
          import java.util.concurrent.LinkedBlockingQueue;
          import java.util.concurrent.TimeUnit;

          class PlainConcurrency {
            interface Context { boolean done(); }
            static final class Chan<T> { void close() {} void send(T t) {} }

            private final Context context = () -> false; // a field named like the runtime's type

            static void work(String name, Context ctx) {}

            int pool(int n) throws Exception {
              ExecutorService executor = Executors.newFixedThreadPool(2);
              BlockingQueue<Integer> results = new LinkedBlockingQueue<>();
              CountDownLatch done = new CountDownLatch(n);
              try {
                for (int i = 0; i < n; i++) {
                  int task = i;
                  executor.submit(() -> {
                    try {
                      results.add(task * task);
                    } finally {
                      done.countDown();
                    }
                  });
                }
                done.await();
              } finally {
                executor.shutdown();
              }
              int sum = 0;
              while (!results.isEmpty()) {
                sum += results.take();
              }
              return sum;
            }

            void spin(Chan<String> out) throws InterruptedException {
              Thread worker = Thread.ofVirtual().start(() -> {
                while (true) {
                  out.send("tick");
                  if (context.done()) {
                    return;
                  }
                }
              });
              Thread.sleep(10);
              TimeUnit.MILLISECONDS.sleep(1);
              out.close();
              worker.join();
            }
          }
          """);

  /** Threads, loops and sleeps with no import from either family. */
  private static final Source PLAIN_THREADS =
      new Source(
          "PlainThreads.java",
          """
          package plain;

          class PlainThreads {
            interface Context { boolean done(); }

            void spin(Context ctx) throws InterruptedException {
              Thread worker = Thread.ofVirtual().start(() -> {
                while (!ctx.done()) {
                  Thread.onSpinWait();
                }
              });
              Thread.sleep(10);
              worker.join();
            }
          }
          """);

  @Test
  void aFileThatNeverNamesTheRuntimeCostsTheRuntimeRulesNoGraph() throws IOException {
    Result plain =
        AllRulesCompilation.compile(
            List.of(PLAIN_CONCURRENCY), dir("plain"), AllRulesCompilation.runtimeRules());

    assertEquals(List.of(), plain.diagnostics());
    assertEquals(0, plain.graphsBuilt(), "control-flow graphs built for a file without goconc");
  }

  @Test
  void everyRuleIsQuietOnCorrectPlainConcurrency() throws IOException {
    Result plain = AllRulesCompilation.compile(List.of(PLAIN_CONCURRENCY), dir("plain-all"));

    assertEquals(List.of(), plain.diagnostics());
  }

  @Test
  void aFileThatNamesNeitherFamilyGetsNoGraph() throws IOException {
    Result plain = AllRulesCompilation.compile(List.of(PLAIN_THREADS), dir("threads"));

    assertEquals(List.of(), plain.diagnostics());
    assertEquals(0, plain.graphsBuilt(), "control-flow graphs built for a file naming neither");
  }

  @Test
  void theMistakesImportingTheRuntimeFireEveryRuleAndBuildGraphs() throws IOException {
    Result mistakes = AllRulesCompilation.compile(DeterminismTest.mistakes(), dir("imported"));

    DeterminismTest.assertFiresEveryRule(mistakes);
    assertNotEquals(0, mistakes.graphsBuilt(), "the probe must see the graphs the rules build");
  }

  @Test
  void theSameMistakesNamingTheRuntimeOnlyByFullNamesAreNotAnalysed() throws IOException {
    List<Source> qualified =
        DeterminismTest.mistakes().stream()
            .filter(source -> source.text().contains("import dev.goconc."))
            .map(CheapExitTest::fullyQualified)
            .toList();

    Result result = AllRulesCompilation.compile(qualified, dir("qualified"));

    assertAll(
        () -> assertEquals(List.of(), result.diagnostics()),
        () -> assertEquals(0, result.graphsBuilt(), "graphs built for files without imports"));
  }

  @Test
  void theCheapExitSeesEveryKindOfImportButNotFullNamesInTheBody() throws IOException {
    assertAll(
        () -> assertTrue(mentionsRuntime("package p; import dev.goconc.Chan; class A {}")),
        () -> assertTrue(mentionsRuntime("package p; import static dev.goconc.Go.go; class A {}")),
        () -> assertTrue(mentionsRuntime("package p; import dev.goconc.*; class A {}")),
        () -> assertTrue(mentionsRuntime("package dev.goconc; class A {}")),
        () -> assertTrue(mentionsRuntime("package dev.goconc.internal; class A {}")),
        () -> assertTrue(mentionsRuntime("import java.util.List; import dev.goconc.Context; class A {}")),
        () -> assertFalse(mentionsRuntime("class A { dev.goconc.Chan<String> c; }")),
        () -> assertFalse(mentionsRuntime("package dev; import dev.Goconc; class A {}")),
        () -> assertFalse(mentionsRuntime("package p; import devx.goconc.Chan; class A {}")),
        () -> assertFalse(mentionsRuntime("package p; import dev.goconcx.Chan; class A {}")),
        () -> assertFalse(mentionsRuntime("package p; import org.dev.goconc.Chan; class A {}")),
        () -> assertFalse(mentionsRuntime("package p; import java.util.*; class A {}")));
  }

  @Test
  void theConcurrencyExitSeesItsImportsButNotLookAlikes() throws IOException {
    assertAll(
        () -> assertTrue(mentionsConcurrency("import java.util.concurrent.Executors; class A {}")),
        () -> assertTrue(mentionsConcurrency("import java.util.concurrent.*; class A {}")),
        () -> assertFalse(
            mentionsConcurrency("import java.util.concurrent.atomic.AtomicInteger; class A {}")),
        () -> assertFalse(
            mentionsConcurrency("import java.util.concurrent.locks.*; class A {}")),
        () -> assertTrue(mentionsConcurrency(
            "import java.util.concurrent.atomic.*; import java.util.concurrent.Future; class A {}")),
        () -> assertTrue(
            mentionsConcurrency("import static java.util.concurrent.TimeUnit.SECONDS; class A {}")),
        () -> assertTrue(mentionsConcurrency("import java.util.Timer; class A {}")),
        () -> assertFalse(mentionsConcurrency("import java.util.List; class A {}")),
        () -> assertFalse(mentionsConcurrency("import java.util.*; class A {}")),
        () -> assertFalse(mentionsConcurrency("import javax.util.concurrent.X; class A {}")),
        () -> assertFalse(mentionsConcurrency("class A { java.util.concurrent.Executor e; }")));
  }

  @Test
  void theBroaderExitAlsoSeesTheSubpackages() throws IOException {
    assertAll(
        () -> assertTrue(mentionsSubpackagesToo(
            "import java.util.concurrent.atomic.AtomicBoolean; class A {}")),
        () -> assertTrue(mentionsSubpackagesToo("import java.util.concurrent.locks.Lock; class A {}")),
        () -> assertTrue(mentionsSubpackagesToo("import java.util.concurrent.Executors; class A {}")),
        () -> assertTrue(mentionsSubpackagesToo("import java.util.Timer; class A {}")),
        () -> assertFalse(mentionsSubpackagesToo("import java.util.List; class A {}")));
  }

  private static boolean mentionsSubpackagesToo(String source) throws IOException {
    return JdkApi.mentionsConcurrency(parse(source), true);
  }

  private static boolean mentionsConcurrency(String source) throws IOException {
    return JdkApi.mentionsConcurrency(parse(source), false);
  }

  private static boolean mentionsRuntime(String source) throws IOException {
    return GoconcApi.mentionsRuntime(parse(source));
  }

  private static CompilationUnitTree parse(String source) throws IOException {
    JavacTask task =
        (JavacTask)
            ToolProvider.getSystemJavaCompiler()
                .getTask(null, null, d -> {}, List.of("-proc:none"), null,
                    List.of(new SimpleJavaFileObject(URI.create("string:///A.java"), Kind.SOURCE) {
                      @Override
                      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                      }
                    }));
    return task.parse().iterator().next();
  }

  /** The source with its {@code dev.goconc} imports removed and their simple names spelt out. */
  static Source fullyQualified(Source source) {
    String text = source.text();
    Matcher imports = RUNTIME_IMPORT.matcher(text);
    List<String[]> names = imports.results().map(m -> new String[] {m.group(1), m.group(2)}).toList();
    assertTrue(!names.isEmpty(), source.name() + " imports nothing from dev.goconc");
    text = RUNTIME_IMPORT.matcher(text).replaceAll("");
    for (String[] name : names) {
      text = text.replaceAll("(?<![\\w.])" + name[1] + "\\b", name[0]);
    }
    assertTrue(!text.contains("import dev.goconc"), text);
    return new Source(source.name(), text);
  }

  private Path dir(String name) throws IOException {
    return Files.createDirectory(classes.resolve(name));
  }
}
