package dev.goconc.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goconc.checker.AllRulesCompilation.Result;
import dev.goconc.checker.AllRulesCompilation.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules keep no state between compilations and depend on nothing but the sources: the same
 * files give the same diagnostics in the same order, compiled one after the other or by two
 * javac tasks running at once in one JVM (Gradle workers, Bazel persistent workers). The corpus
 * is every file of {@code examples/mistakes/}, which between them fire all the rules.
 */
final class DeterminismTest {
  /** Surefire runs with the checker module as its working directory. */
  private static final Path MISTAKES = Path.of("..", "examples", "mistakes");

  @TempDir Path classes;

  @Test
  void theSameSourcesCompiledTwiceGiveIdenticalDiagnosticsInIdenticalOrder() throws IOException {
    List<Source> sources = mistakes();
    Result first = AllRulesCompilation.compile(sources, Files.createDirectory(classes.resolve("a")));
    Result second = AllRulesCompilation.compile(sources, Files.createDirectory(classes.resolve("b")));

    assertFiresEveryRule(first);
    assertEquals(first.diagnostics(), second.diagnostics());
  }

  @Test
  void twoJavacTasksRunningAtOnceGiveTheDiagnosticsOfOneRunningAlone() throws Exception {
    List<Source> sources = mistakes();
    Result alone = AllRulesCompilation.compile(sources, Files.createDirectory(classes.resolve("alone")));
    // The second list runs the files in reverse: the rules must not depend on what ran before.
    List<Source> reversed = sources.reversed();
    Result aloneReversed =
        AllRulesCompilation.compile(reversed, Files.createDirectory(classes.resolve("alone-r")));

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      Future<Result> one =
          workers.submit(() -> { start.await(); return AllRulesCompilation.compile(sources, dir("p1")); });
      Future<Result> two =
          workers.submit(() -> { start.await(); return AllRulesCompilation.compile(reversed, dir("p2")); });
      start.countDown();
      assertEquals(alone.diagnostics(), one.get().diagnostics());
      assertEquals(aloneReversed.diagnostics(), two.get().diagnostics());
    } finally {
      workers.shutdownNow();
    }
    assertFiresEveryRule(alone);
  }

  private Path dir(String name) throws IOException {
    return Files.createDirectory(classes.resolve(name));
  }

  /** Without findings the comparison would prove nothing. */
  static void assertFiresEveryRule(Result result) {
    for (var rule : AllRulesCompilation.goconcRules()) {
      String tag = "[" + rule.getSimpleName() + "]";
      assertTrue(
          result.diagnostics().stream().anyMatch(d -> d.contains(tag)),
          "no " + tag + " finding among " + result.diagnostics());
    }
  }

  static List<Source> mistakes() throws IOException {
    try (Stream<Path> files = Files.list(MISTAKES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().map(Source::read).toList();
    }
  }
}
