package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class SleepInsteadOfSynchronizationTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(SleepInsteadOfSynchronization.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(SleepInsteadOfSynchronization.class, getClass());

  /**
   * A launch in a callback the JDK runs in place ({@code items.forEach(x -> Go.go(...))}) is the
   * method's own launch; so is a wait run in place after it.
   */
  @Test
  void launchesInCallbacksRunInPlace() {
    helper
        .addSourceLines(
            "InPlace.java",
            """
            import dev.goconc.*;
            import java.util.List;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.atomic.AtomicInteger;

            class InPlace {
              int waited(List<String> xs) {
                AtomicInteger n = new AtomicInteger();
                WaitGroup wg = new WaitGroup();
                xs.forEach(x -> wg.go(() -> n.addAndGet(x.length())));
                wg.await();
                return n.get();
              }

              int waitedInPlace(List<String> xs, List<WaitGroup> groups) throws InterruptedException {
                xs.forEach(x -> Go.go(() -> System.out.println(x)));
                groups.forEach(g -> g.await());
                Thread.sleep(10);
                return groups.size();
              }

              void pacedInTheCallback(List<String> xs) {
                xs.forEach(x -> {
                  try {
                    Thread.sleep(10);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
              }

              int guessed(List<String> xs) throws InterruptedException {
                AtomicInteger n = new AtomicInteger();
                xs.forEach(x -> Go.go(() -> n.addAndGet(x.length())));
                // BUG: Diagnostic contains: guesses how long the goroutine started on line 34 needs
                TimeUnit.MILLISECONDS.sleep(100);
                return n.get();
              }
            }
            """)
        .doTest();
  }

  @Test
  void identification() {
    helper
        .addSourceLines(
            "Quiet.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Chan;",
            "import dev.goconc.Context;",
            "import dev.goconc.Go;",
            "import dev.goconc.Select;",
            "import dev.goconc.Ticker;",
            "import dev.goconc.Time;",
            "import dev.goconc.WaitGroup;",
            "import java.time.Duration;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "import java.util.concurrent.Future;",
            "class Quiet {",
            "  // A Go guide's select example: the sleep simulates work inside the goroutine.",
            "  void selectFirst() {",
            "    Chan<String> ch1 = Chan.make();",
            "    Chan<String> ch2 = Chan.make();",
            "    Go.go(() -> {",
            "      sleep(100);",
            "      ch1.send(\"from ch1\");",
            "    });",
            "    Go.go(() -> { sleep(50); ch2.send(\"from ch2\"); });",
            "    Select.<String>select().recv(ch1, s -> s).recv(ch2, s -> s).run();",
            "  }",
            "  static void sleep(long ms) {",
            "    try { Thread.sleep(ms); } catch (InterruptedException e) {}",
            "  }",
            "  // A sleep followed by real synchronisation.",
            "  void thenReceive(Chan<String> out) throws InterruptedException {",
            "    Go.go(() -> out.send(\"x\"));",
            "    Thread.sleep(10);",
            "    System.out.println(out.receive());",
            "  }",
            "  void thenAwait() throws InterruptedException {",
            "    WaitGroup wg = new WaitGroup();",
            "    wg.go(() -> System.out.println(\"a\"));",
            "    Thread.sleep(10);",
            "    wg.await();",
            "  }",
            "  // Retry, backoff and polling loops pace work, they do not wait for it.",
            "  void retry() throws InterruptedException {",
            "    Go.go(() -> System.out.println(\"b\"));",
            "    for (int attempt = 0; attempt < 3; attempt++) {",
            "      Thread.sleep(100L << attempt);",
            "    }",
            "    while (!ready()) {",
            "      Thread.sleep(10);",
            "    }",
            "  }",
            "  boolean ready() { return true; }",
            "  // A Go guide's time box: let the workers run, then cancel them.",
            "  void timeBox() throws InterruptedException {",
            "    CancelContext ctx = Context.withCancel(Context.background());",
            "    for (int i = 1; i <= 3; i++) {",
            "      Go.go(() -> work(ctx));",
            "    }",
            "    Thread.sleep(2000);",
            "    ctx.cancel();",
            "  }",
            "  static void work(Context ctx) {}",
            "  void quitChannel(Chan<Void> quit) throws InterruptedException {",
            "    Go.go(() -> quit.receive());",
            "    Thread.sleep(100);",
            "    quit.close();",
            "  }",
            "  // The same stop signal through a task local run in place.",
            "  void quitThroughReference(Chan<Void> quit) throws InterruptedException {",
            "    Go.go(() -> quit.receive());",
            "    Thread.sleep(100);",
            "    Runnable stop = quit::close;",
            "    stop.run();",
            "  }",
            "  void ticks() throws InterruptedException {",
            "    Ticker ticker = Time.newTicker(Duration.ofMillis(500));",
            "    Go.go(() -> { for (var t : ticker.c()) System.out.println(t); });",
            "    Thread.sleep(1600);",
            "    ticker.stop();",
            "  }",
            "  // A sleep before any launch, or after the work was already awaited.",
            "  void before(WaitGroup wg) throws InterruptedException {",
            "    Thread.sleep(10);",
            "    wg.go(() -> System.out.println(\"c\"));",
            "    wg.await();",
            "    Thread.sleep(10);",
            "  }",
            "  // No goroutine at all.",
            "  void plain() throws InterruptedException {",
            "    Thread.sleep(10);",
            "  }",
            "  // Joins and futures are synchronisation too.",
            "  void join() throws Exception {",
            "    Thread t = Thread.ofVirtual().start(() -> System.out.println(\"d\"));",
            "    Thread.sleep(10);",
            "    t.join();",
            "    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();",
            "    Future<?> f = pool.submit(() -> System.out.println(\"e\"));",
            "    Thread.sleep(10);",
            "    f.get();",
            "  }",
            "  void drain(Chan<String> results) throws InterruptedException {",
            "    Go.go(() -> { results.send(\"f\"); results.close(); });",
            "    Thread.sleep(10);",
            "    for (String r : results) System.out.println(r);",
            "  }",
            "}")
        .addSourceLines(
            "Bad.java",
            "import dev.goconc.CancelContext;",
            "import dev.goconc.Context;",
            "import dev.goconc.ErrGroup;",
            "import dev.goconc.Go;",
            "import dev.goconc.WaitGroup;",
            "import java.time.Duration;",
            "import java.util.concurrent.ExecutorService;",
            "import java.util.concurrent.Executors;",
            "import java.util.concurrent.TimeUnit;",
            "class Bad {",
            "  static void sayHello(String name) {}",
            "  public static void main(String[] args) throws InterruptedException {",
            "    Go.go(() -> sayHello(\"world\"));",
            "    // BUG: Diagnostic contains: Thread.sleep(...) guesses how long the goroutine"
                + " started on line 13 needs",
            "    Thread.sleep(100);",
            "  }",
            "  void many() throws InterruptedException {",
            "    for (int i = 0; i < 5; i++) {",
            "      int n = i;",
            "      Go.go(() -> System.out.println(n));",
            "    }",
            "    // BUG: Diagnostic contains: started on line 20",
            "    Thread.sleep(100);",
            "  }",
            "  void unit() throws InterruptedException {",
            "    Thread.ofVirtual().start(() -> System.out.println(\"a\"));",
            "    // BUG: Diagnostic contains: TimeUnit.MILLISECONDS.sleep(...) guesses",
            "    TimeUnit.MILLISECONDS.sleep(100);",
            "  }",
            "  void executor() throws InterruptedException {",
            "    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();",
            "    pool.submit(() -> System.out.println(\"b\"));",
            "    // BUG: Diagnostic contains: started on line 32",
            "    Thread.sleep(100);",
            "  }",
            "  void group(Context ctx) throws InterruptedException {",
            "    ErrGroup g = ErrGroup.withContext(ctx);",
            "    g.go(() -> System.out.println(\"c\"));",
            "    // BUG: Diagnostic contains: started on line 38",
            "    Thread.sleep(100);",
            "  }",
            "  // A Go guide's cleanup wait: after cancel, a sleep waits for the workers to finish.",
            "  void afterCancel() throws InterruptedException {",
            "    CancelContext ctx = Context.withCancel(Context.background());",
            "    Go.go(() -> System.out.println(ctx));",
            "    ctx.cancel();",
            "    // BUG: Diagnostic contains: started on line 45",
            "    Thread.sleep(1000);",
            "    System.out.println(\"Main exiting\");",
            "  }",
            "  // A Go guide's timeout demo: sleeping longer than the worker's deadline.",
            "  void timeout() throws InterruptedException {",
            "    try (CancelContext ctx = Context.withTimeout(Context.background(),"
                + " Duration.ofSeconds(1))) {",
            "      Go.go(() -> System.out.println(ctx));",
            "      // BUG: Diagnostic contains: started on line 54",
            "      Thread.sleep(3000);",
            "    }",
            "  }",
            "  void anonymous() {",
            "    new Thread() {",
            "      @Override public void run() {",
            "        Go.go(() -> System.out.println(\"d\"));",
            "        try {",
            "          // BUG: Diagnostic contains: started on line 62",
            "          Thread.sleep(100);",
            "        } catch (InterruptedException e) {",
            "          throw new RuntimeException(e);",
            "        }",
            "      }",
            "    }.start();",
            "  }",
            "  void reference() throws InterruptedException {",
            "    Go.go(this::many2);",
            "    // BUG: Diagnostic contains: started on line 73",
            "    Thread.sleep(100);",
            "  }",
            "  void many2() {}",
            "  void syncBeforeTheLaunch(WaitGroup wg) throws InterruptedException {",
            "    wg.await();",
            "    Go.go(() -> System.out.println(\"e\"));",
            "    // BUG: Diagnostic contains: started on line 80",
            "    Thread.sleep(100);",
            "  }",
            "  void closeBeforeSleep(dev.goconc.Chan<String> out) throws InterruptedException {",
            "    Go.go(() -> out.send(\"f\"));",
            "    out.close();",
            "    // BUG: Diagnostic contains: started on line 85",
            "    Thread.sleep(100);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fixAwaitsTheWaitGroupThatCountsTheWork() {
    refactoring
        .addInputLines(
            "Fan.java",
            "import dev.goconc.Go;",
            "import dev.goconc.WaitGroup;",
            "class Fan {",
            "  void viaGo() throws InterruptedException {",
            "    WaitGroup wg = new WaitGroup();",
            "    for (int i = 0; i < 3; i++) {",
            "      wg.go(() -> System.out.println(\"a\"));",
            "    }",
            "    Thread.sleep(100);",
            "  }",
            "  void viaAdd(WaitGroup group) throws InterruptedException {",
            "    group.add(1);",
            "    Go.go(() -> { try { System.out.println(\"b\"); } finally { group.done(); } });",
            "    Thread.sleep(200);",
            "    System.out.println(\"after\");",
            "  }",
            "}")
        .addOutputLines(
            "Fan.java",
            "import dev.goconc.Go;",
            "import dev.goconc.WaitGroup;",
            "class Fan {",
            "  void viaGo() throws InterruptedException {",
            "    WaitGroup wg = new WaitGroup();",
            "    for (int i = 0; i < 3; i++) {",
            "      wg.go(() -> System.out.println(\"a\"));",
            "    }",
            "    wg.await();",
            "  }",
            "  void viaAdd(WaitGroup group) throws InterruptedException {",
            "    group.add(1);",
            "    Go.go(() -> { try { System.out.println(\"b\"); } finally { group.done(); } });",
            "    group.await();",
            "    System.out.println(\"after\");",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWithoutOneWaitGroupOrInsideACatchingTry() {
    refactoring
        .addInputLines(
            "Mixed.java",
            "import dev.goconc.Go;",
            "import dev.goconc.WaitGroup;",
            "class Mixed {",
            "  void uncounted(WaitGroup wg) throws InterruptedException {",
            "    Go.go(() -> System.out.println(\"a\"));",
            "    wg.go(() -> System.out.println(\"b\"));",
            "    Thread.sleep(100);",
            "  }",
            "  void caught(WaitGroup wg) {",
            "    wg.go(() -> System.out.println(\"c\"));",
            "    try {",
            "      Thread.sleep(100);",
            "    } catch (InterruptedException e) {",
            "      Thread.currentThread().interrupt();",
            "    }",
            "  }",
            "  void twoGroups(WaitGroup a, WaitGroup b) throws InterruptedException {",
            "    a.go(() -> System.out.println(\"d\"));",
            "    b.go(() -> System.out.println(\"e\"));",
            "    Thread.sleep(100);",
            "  }",
            "}")
        .expectUnchanged()
        .doTest();
  }
}
