package dev.goconc.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class IgnoredCancellationTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(IgnoredCancellation.class, getClass());

  private static final String[] WORK = {
    "import dev.goconc.Context;",
    "class Work {",
    "  static String fetch(Context ctx, String url) { return url; }",
    "  static String fetch(String url) { return url; }",
    "  static void handle(Context ctx, String job) {}",
    "}"
  };

  /**
   * A loop that waits on an ErrGroup made from the context in scope ({@code
   * ErrGroup.withContext(ctx)}) waits only as long as its tasks, which hold the group's context:
   * the caller's cancel reaches them. A group made from another context is a wait the cancel
   * does not reach.
   */
  @Test
  void aGroupOfTheContextEndsWithIt() {
    helper
        .addSourceLines(
            "Levels.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Levels {
              void derived(Context parent, List<List<Runnable>> levels) throws Exception {
                for (List<Runnable> level : levels) {
                  ErrGroup g = ErrGroup.withContext(parent);
                  for (Runnable step : level) {
                    g.go(() -> step.run());
                  }
                  Throwable err = g.await();
                  if (err != null) {
                    throw new Exception(err);
                  }
                }
              }

              void fromElsewhere(Context parent, List<List<Runnable>> levels) {
                // BUG: Diagnostic contains: never checks 'parent'
                for (List<Runnable> level : levels) {
                  ErrGroup g = ErrGroup.withContext(Context.background());
                  for (Runnable step : level) {
                    g.go(() -> step.run());
                  }
                  g.await();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void identification() {
    helper
        .addSourceLines("Work.java", WORK)
        .addSourceLines(
            "Quiet.java",
            "import dev.goconc.Chan;",
            "import dev.goconc.Context;",
            "import dev.goconc.ErrGroup;",
            "import dev.goconc.Go;",
            "import dev.goconc.Received;",
            "import dev.goconc.RecvChan;",
            "import dev.goconc.Select;",
            "import dev.goconc.SendChan;",
            "import dev.goconc.Time;",
            "import java.time.Duration;",
            "import java.util.List;",
            "class Quiet {",
            "  // A Go guide's worker: select on ctx.done() with a default, then work and sleep.",
            "  void seedWorker(Context ctx, int id) throws InterruptedException {",
            "    while (true) {",
            "      if (Select.<Boolean>select().recv(ctx.done(), v -> true)",
            "          .otherwise(() -> false).run()) {",
            "        return;",
            "      }",
            "      System.out.println(\"worker \" + id);",
            "      Thread.sleep(500);",
            "    }",
            "  }",
            "  // The worker selecting on ctx.done().",
            "  void worker(Context ctx, RecvChan<String> jobs, SendChan<String> out) {",
            "    while (true) {",
            "      String job = Select.<String>select()",
            "          .recv(ctx.done(), v -> null)",
            "          .recv(jobs, j -> j)",
            "          .run();",
            "      if (job == null) {",
            "        return;",
            "      }",
            "      Select.<Boolean>select()",
            "          .send(out, job, () -> true)",
            "          .recv(ctx.done(), v -> false)",
            "          .run();",
            "    }",
            "  }",
            "  // Checking err() in the condition.",
            "  void produce(Context ctx, SendChan<Integer> out) {",
            "    for (int i = 0; ctx.err() == null; i++) {",
            "      out.send(i);",
            "    }",
            "  }",
            "  // A polling check of done() with tryReceive.",
            "  void retry(Context ctx) throws InterruptedException {",
            "    while (ctx.done().tryReceive().isEmpty()) {",
            "      Thread.sleep(100);",
            "    }",
            "  }",
            "  // Ranging over a channel, or receiveOk until !ok: ends when the channel closes.",
            "  void drain(Context ctx, RecvChan<String> in) {",
            "    for (String s : in) {",
            "      System.out.println(s);",
            "    }",
            "    while (true) {",
            "      Received<String> r = in.receiveOk();",
            "      if (!r.ok()) {",
            "        break;",
            "      }",
            "    }",
            "  }",
            "  // Fetch-all: a buffer as large as the work, goroutines that pass ctx on.",
            "  void fetchAll(Context ctx, List<String> urls) {",
            "    Chan<String> results = Chan.make(urls.size());",
            "    for (String url : urls) {",
            "      Go.go(() -> results.send(Work.fetch(ctx, url)));",
            "    }",
            "    for (int i = 0; i < urls.size(); i++) {",
            "      System.out.println(results.receive());",
            "    }",
            "  }",
            "  // Filling a buffer made with a slot per element cannot block.",
            "  RecvChan<String> queue(Context ctx, List<String> items) {",
            "    Chan<String> jobs = Chan.make(items.size());",
            "    for (String item : items) {",
            "      jobs.send(item);",
            "    }",
            "    jobs.close();",
            "    return jobs;",
            "  }",
            "  // A pool with select/otherwise never blocks.",
            "  void pool(Context ctx, Chan<String> free, List<String> wanted) {",
            "    for (String w : wanted) {",
            "      Select.<Boolean>select().send(free, w, () -> true).otherwise(() -> false).run();",
            "    }",
            "  }",
            "  // No context in scope: a done-channel worker.",
            "  void doneWorker(RecvChan<Void> done, RecvChan<String> jobs) {",
            "    while (true) {",
            "      if (Select.<Boolean>select().recv(done, v -> true).recv(jobs, j -> false).run()) {",
            "        return;",
            "      }",
            "    }",
            "  }",
            "  // A derived context: the group's.",
            "  void group(Context ctx, RecvChan<String> in) {",
            "    ErrGroup g = ErrGroup.withContext(ctx);",
            "    while (true) {",
            "      String s = Select.<String>select().recv(g.context().done(), v -> null)",
            "          .recv(in, x -> x).run();",
            "      if (s == null) return;",
            "    }",
            "  }",
            "  // Loops that do not block, and a loop whose blocking runs in goroutines.",
            "  int sum(Context ctx, List<Integer> xs, SendChan<Integer> out) {",
            "    int total = 0;",
            "    for (int x : xs) {",
            "      total += x;",
            "      Go.go(() -> out.send(x));",
            "    }",
            "    return total;",
            "  }",
            "  // A loop inside the goroutine that itself watches ctx.",
            "  void ticker(Context ctx) {",
            "    Go.go(() -> {",
            "      while (Select.<Boolean>select()",
            "          .recv(ctx.done(), v -> false)",
            "          .recv(Time.after(Duration.ofSeconds(1)), t -> true)",
            "          .run()) {",
            "        System.out.println(\"tick\");",
            "      }",
            "    });",
            "  }",
            "}")
        .addSourceLines(
            "Bad.java",
            "import dev.goconc.Chan;",
            "import dev.goconc.Context;",
            "import dev.goconc.ErrGroup;",
            "import dev.goconc.Go;",
            "import dev.goconc.RecvChan;",
            "import dev.goconc.Select;",
            "import dev.goconc.SendChan;",
            "import dev.goconc.Time;",
            "import dev.goconc.WaitGroup;",
            "import java.time.Duration;",
            "import java.util.List;",
            "import java.util.concurrent.TimeUnit;",
            "import java.util.function.BiConsumer;",
            "class Bad {",
            "  void pipe(Context ctx, RecvChan<String> in, SendChan<String> out) {",
            "    // BUG: Diagnostic contains: This loop blocks in out.send() but never checks"
                + " 'ctx'",
            "    while (true) {",
            "      out.send(in.receive());",
            "    }",
            "  }",
            "  void retry(Context ctx) throws InterruptedException {",
            "    // BUG: Diagnostic contains: blocks in Thread.sleep() but never checks 'ctx'",
            "    for (int attempt = 0; attempt < 5; attempt++) {",
            "      Thread.sleep(100L << attempt);",
            "    }",
            "  }",
            "  void poll(Context ctx) throws InterruptedException {",
            "    // BUG: Diagnostic contains: blocks in TimeUnit.SECONDS.sleep()",
            "    while (!done()) {",
            "      TimeUnit.SECONDS.sleep(1);",
            "    }",
            "  }",
            "  boolean done() { return false; }",
            "  // Handing ctx to the work after the receive does not observe it: the receive itself",
            "  // waits on after a cancel (observing means done() or err(), here or in a method of",
            "  // this unit that the loop calls).",
            "  void serve(Context ctx, RecvChan<String> jobs) {",
            "    // BUG: Diagnostic contains: blocks in jobs.receive() but never checks 'ctx'",
            "    for (String job : List.of(\"a\", \"b\")) {",
            "      Work.handle(ctx, jobs.receive());",
            "    }",
            "  }",
            "  // A helper of this unit that checks err() observes it for the loop that calls it.",
            "  void serveChecked(Context ctx, RecvChan<String> jobs) {",
            "    for (String job : List.of(\"a\", \"b\")) {",
            "      if (stopped(ctx)) {",
            "        return;",
            "      }",
            "      Work.handle(ctx, jobs.receive());",
            "    }",
            "  }",
            "  private static boolean stopped(Context ctx) {",
            "    return ctx.err() != null;",
            "  }",
            "  void waves(Context ctx, WaitGroup wg) {",
            "    // BUG: Diagnostic contains: blocks in wg.await()",
            "    do {",
            "      wg.await();",
            "    } while (!done());",
            "  }",
            "  void selectLoop(Context ctx, RecvChan<String> a, RecvChan<String> b) {",
            "    // BUG: Diagnostic contains: blocks in a select without otherwise",
            "    while (true) {",
            "      Select.<String>select().recv(a, x -> x).recv(b, x -> x).run();",
            "    }",
            "  }",
            "  void tickerLike(Context ctx) {",
            "    // BUG: Diagnostic contains: blocks in receive()",
            "    while (true) {",
            "      Time.after(Duration.ofSeconds(1)).receive();",
            "      System.out.println(\"tick\");",
            "    }",
            "  }",
            "  void forward(Context ctx, List<String> items, SendChan<String> out) {",
            "    // BUG: Diagnostic contains: blocks in out.send() but never checks 'ctx'",
            "    for (String item : items) {",
            "      out.send(item);",
            "    }",
            "  }",
            "  void inGoroutine(Context ctx, RecvChan<String> in) {",
            "    Go.go(() -> {",
            "      // BUG: Diagnostic contains: never checks 'ctx'",
            "      while (true) {",
            "        System.out.println(in.receive());",
            "      }",
            "    });",
            "  }",
            "  BiConsumer<Context, RecvChan<String>> handler = (requestCtx, in) -> {",
            "    // BUG: Diagnostic contains: never checks 'requestCtx'",
            "    while (true) {",
            "      in.receive();",
            "    }",
            "  };",
            "  void unobservedFeeders(Context ctx, List<String> urls) {",
            "    Chan<String> results = Chan.make();",
            "    for (String url : urls) {",
            "      Go.go(() -> results.send(Work.fetch(url)));",
            "    }",
            "    // BUG: Diagnostic contains: blocks in results.receive()",
            "    for (int i = 0; i < urls.size(); i++) {",
            "      System.out.println(results.receive());",
            "    }",
            "  }",
            "  void smallBuffer(Context ctx, List<String> items) {",
            "    Chan<String> jobs = Chan.make(1);",
            "    // BUG: Diagnostic contains: blocks in jobs.send()",
            "    for (String item : items) {",
            "      jobs.send(item);",
            "    }",
            "  }",
            "  void handlerBlocks(Context ctx, RecvChan<String> in, SendChan<String> out) {",
            "    // BUG: Diagnostic contains: blocks in out.send()",
            "    while (true) {",
            "      Select.<Void>select()",
            "          .recv(in, v -> { out.send(v); return null; })",
            "          .otherwise(() -> null)",
            "          .run();",
            "    }",
            "  }",
            "  void group(Context ctx, ErrGroup g) {",
            "    // BUG: Diagnostic contains: blocks in g.await()",
            "    while (g.await() == null) {",
            "      System.out.println(\"again\");",
            "    }",
            "  }",
            "  void nested(Context ctx, List<List<String>> batches, SendChan<String> out) {",
            "    for (List<String> batch : batches) {",
            "      // BUG: Diagnostic contains: blocks in out.send()",
            "      for (String item : batch) {",
            "        out.send(item);",
            "      }",
            "    }",
            "  }",
            "  void localRoot(RecvChan<String> in) {",
            "    Context ctx = Context.background();",
            "    // BUG: Diagnostic contains: never checks 'ctx'",
            "    while (true) {",
            "      in.receive();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /**
   * A blocking operation handed by method reference to a JDK method that runs it in place ({@code
   * items.forEach(out::send)}), or made inside a lambda such a method runs, blocks the loop itself.
   * Quiet when the buffer has room for every round, when the reference cannot park, and when the
   * loop observes the context.
   */
  @Test
  void operationsRunInPlaceByTheJdk() {
    helper
        .addSourceLines(
            "Quiet.java",
            "import dev.goconc.Chan;",
            "import dev.goconc.Context;",
            "import dev.goconc.SendChan;",
            "import java.util.List;",
            "class Quiet {",
            "  void fits(Context ctx, List<String> items) {",
            "    Chan<String> jobs = Chan.make(items.size());",
            "    for (String item : items) {",
            "      List.of(item).forEach(jobs::send);",
            "    }",
            "  }",
            "  void neverParks(Context ctx, List<String> items, SendChan<String> out) {",
            "    for (String item : items) {",
            "      List.of(item).forEach(out::trySend);",
            "      List.of(item).forEach(System.out::println);",
            "    }",
            "  }",
            "  void observes(Context ctx, List<List<String>> batches, SendChan<String> out) {",
            "    for (List<String> batch : batches) {",
            "      if (ctx.err() != null) {",
            "        return;",
            "      }",
            "      batch.forEach(out::send);",
            "    }",
            "  }",
            "  void launchedNotRunInPlace(Context ctx, List<String> items, SendChan<String> out) {",
            "    for (String item : items) {",
            "      Runnable later = () -> out.send(item);",
            "      System.out.println(later);",
            "    }",
            "  }",
            "}")
        .addSourceLines(
            "Bad.java",
            "import dev.goconc.Chan;",
            "import dev.goconc.Context;",
            "import dev.goconc.SendChan;",
            "import java.util.List;",
            "class Bad {",
            "  void byReference(Context ctx, List<List<String>> batches, SendChan<String> out) {",
            "    // BUG: Diagnostic contains: This loop blocks in out::send but never checks 'ctx'",
            "    for (List<String> batch : batches) {",
            "      batch.forEach(out::send);",
            "    }",
            "  }",
            "  void inALambda(Context ctx, List<List<String>> batches, SendChan<String> out) {",
            "    // BUG: Diagnostic contains: blocks in out.send()",
            "    while (true) {",
            "      batches.get(0).forEach(item -> out.send(item));",
            "    }",
            "  }",
            "  void twoPerRound(Context ctx, List<String> items) {",
            "    Chan<String> jobs = Chan.make(items.size());",
            "    // BUG: Diagnostic contains: blocks in jobs::send",
            "    for (String item : items) {",
            "      List.of(item, item).forEach(jobs::send);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void noContextInScopeIsQuiet() {
    helper
        .addSourceLines(
            "Plain.java",
            "import dev.goconc.RecvChan;",
            "import dev.goconc.SendChan;",
            "class Plain {",
            "  void pipe(RecvChan<String> in, SendChan<String> out) {",
            "    while (true) {",
            "      out.send(in.receive());",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  /** Constant-bound loops filling a constant buffer: quiet while the buffer holds them all. */
  @Test
  void constantLoopIntoConstantBuffer() {
    helper
        .addSourceLines(
            "Queue.java",
            "import dev.goconc.Chan;",
            "import dev.goconc.Context;",
            "class Queue {",
            "  static final int SIZE = 100;",
            "  void fits(Context ctx) {",
            "    Chan<Integer> jobs = Chan.make(100);",
            "    for (int i = 0; i < 50; i++) {",
            "      jobs.send(i);",
            "    }",
            "  }",
            "  void fitsExactly(Context ctx) {",
            "    Chan<Integer> jobs = Chan.make(SIZE);",
            "    for (int i = 1; i <= SIZE; i++) {",
            "      jobs.send(i);",
            "    }",
            "  }",
            "  void overflows(Context ctx) {",
            "    Chan<Integer> jobs = Chan.make(10);",
            "    // BUG: Diagnostic contains: never checks 'ctx'",
            "    for (int i = 0; i <= 10; i++) {",
            "      jobs.send(i);",
            "    }",
            "  }",
            "  void countsDown(Context ctx) {",
            "    Chan<Integer> jobs = Chan.make(10);",
            "    // BUG: Diagnostic contains: never checks 'ctx'",
            "    for (int i = 0; i < 5; i--) {",
            "      jobs.send(i);",
            "    }",
            "  }",
            "}")
        .doTest();
  }
}
