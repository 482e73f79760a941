package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class WaitGroupDoneNotInFinallyTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(WaitGroupDoneNotInFinally.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(WaitGroupDoneNotInFinally.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import dev.goconc.Chan;
            import dev.goconc.Context;
            import dev.goconc.ErrGroup;
            import dev.goconc.Go;
            import dev.goconc.RecvChan;
            import dev.goconc.Select;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class Idioms {
              static int process(int n) { return n; }

              // Worker pool: done first in finally (Go's defer wg.Done()).
              void workerPool(RecvChan<Integer> jobs, Chan<Integer> results, int workers) {
                WaitGroup wg = new WaitGroup();
                for (int i = 0; i < workers; i++) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      for (int job : jobs) { results.send(process(job)); }
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              // Fan-in closer: the closer's await is not a done.
              RecvChan<Integer> merge(List<RecvChan<Integer>> inputs) {
                Chan<Integer> out = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (RecvChan<Integer> in : inputs) {
                  wg.go(() -> { for (int v : in) { out.send(v); } });
                }
                Go.go(() -> { wg.await(); out.close(); });
                return out;
              }

              // errgroup: no WaitGroup at all.
              Throwable errgroup(Context ctx, List<Integer> items) {
                ErrGroup group = ErrGroup.withContext(ctx);
                for (int item : items) { group.go(() -> process(item)); }
                return group.await();
              }

              // Done-channel worker selecting on ctx.done(), done in finally after cleanup.
              void doneChannelWorker(Context ctx, RecvChan<Integer> work) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    while (Select.<Boolean>select()
                        .recv(ctx.done(), v -> false)
                        .recv(work, w -> { process(w); return true; })
                        .run()) {}
                  } finally {
                    System.out.println("worker stopped");
                    wg.done();
                  }
                });
                wg.await();
              }

              // The only statement: nothing can throw before it.
              void onlyDone() {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                Go.go(() -> wg.done());
                Go.go(() -> { wg.done(); });
                wg.await();
              }

              // wg.go calls done itself.
              void groupGo() {
                WaitGroup wg = new WaitGroup();
                wg.go(() -> process(3));
                wg.await();
              }

              // No await in sight: the caller waits.
              void callerWaits(WaitGroup wg) {
                Go.go(() -> {
                  process(4);
                  wg.done();
                });
              }

              // A done one call away is not judged.
              void helperDone() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> finish(wg));
                wg.await();
              }

              static void finish(WaitGroup wg) { process(5); wg.done(); }

              // A done on this thread, not in a goroutine.
              void sameThread() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                process(6);
                wg.done();
                wg.await();
              }

              // Everything before done() is caught: nothing can escape.
              void catchesThrowable() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    process(12);
                  } catch (Throwable t) {
                    System.out.println(t);
                  }
                  wg.done();
                });
                wg.await();
              }

              // Nested try: done in the outer finally.
              void nestedTry() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    try { process(7); } catch (RuntimeException e) { System.out.println(e); }
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
              }

              // An early done inside a try whose finally marks done too: an exception runs the
              // finally's (both on one path is WaitGroupDoneExceedsAdd's finding).
              void earlyDoneCoveredByFinally(boolean cached) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    if (cached) {
                      process(8);
                      wg.done();
                      return;
                    }
                    process(9);
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsEachShape() {
    helper
        .addSourceLines(
            "Shapes.java",
            """
            import dev.goconc.ErrGroup;
            import dev.goconc.Context;
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;
            import java.util.concurrent.ExecutorService;

            class Shapes {
              static void process(int n) {}
              private final WaitGroup pending = new WaitGroup();

              void afterWork(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                for (int item : items) {
                  wg.add(1);
                  Go.go(() -> {
                    process(item);
                    // BUG: Diagnostic contains: wg.done() is not in a finally: if the goroutine throws before it, wg.await() on line 22 waits forever
                    wg.done();
                  });
                }
                wg.await();
              }

              void inTryBody() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    process(1);
                    // BUG: Diagnostic contains: wg.done() is not in a finally
                    wg.done();
                  } catch (RuntimeException e) {
                    System.out.println(e);
                  }
                });
                wg.await();
              }

              void inCatchOnly() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    process(2);
                  } catch (RuntimeException e) {
                    // BUG: Diagnostic contains: wg.done() is not in a finally
                    wg.done();
                  }
                });
                wg.await();
              }

              void earlyReturnPath(boolean skip) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  if (skip) {
                    // BUG: Diagnostic contains: wg.done() is not in a finally
                    wg.done();
                    return;
                  }
                  process(3);
                  wg.done();
                });
                wg.await();
              }

              void virtualThread() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Thread.ofVirtual().start(() -> {
                  process(4);
                  // BUG: Diagnostic contains: wg.done() is not in a finally
                  wg.done();
                });
                wg.await();
              }

              void executor(ExecutorService pool) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                pool.execute(() -> {
                  process(5);
                  // BUG: Diagnostic contains: wg.done() is not in a finally
                  wg.done();
                });
                wg.await();
              }

              void errGroupTask(Context ctx) {
                WaitGroup wg = new WaitGroup();
                ErrGroup group = ErrGroup.withContext(ctx);
                wg.add(1);
                group.go(() -> {
                  process(6);
                  // BUG: Diagnostic contains: wg.done() is not in a finally
                  wg.done();
                });
                wg.await();
                System.out.println(group.await());
              }

              void fieldGroup() {
                pending.add(1);
                Go.go(this::work);
              }

              private void work() {
                process(7);
                // BUG: Diagnostic contains: pending.done() is not in a finally
                pending.done();
              }

              void awaitAll() {
                pending.await();
              }

              void inALoopBody(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                wg.add(items.size());
                Go.go(() -> {
                  for (int item : items) {
                    process(item);
                    // BUG: Diagnostic contains: wg.done() is not in a finally
                    wg.done();
                  }
                });
                wg.await();
              }

              void catchesOnlyExceptions() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    process(13);
                  } catch (RuntimeException e) {
                    System.out.println(e);
                  }
                  // BUG: Diagnostic contains: wg.done() is not in a finally
                  wg.done();
                });
                wg.await();
              }

              void twoGroups() {
                WaitGroup first = new WaitGroup();
                WaitGroup second = new WaitGroup();
                first.add(1);
                second.add(1);
                Go.go(() -> {
                  try {
                    process(8);
                  } finally {
                    first.done();
                  }
                  // BUG: Diagnostic contains: second.done() is not in a finally
                  second.done();
                });
                first.await();
                second.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixStartsTheGoroutineWithGroupGo() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;
            class In {
              static void process(int n) {}
              void run(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                for (int item : items) {
                  wg.add(1);
                  Go.go(() -> {
                    process(item);
                    wg.done();
                  });
                }
                wg.await();
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;
            class In {
              static void process(int n) {}
              void run(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                for (int item : items) {
                  wg.go(() -> {
                    process(item);
                  });
                }
                wg.await();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixWrapsTheBodyInTryFinally() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.WaitGroup;
            class In {
              static void process(int n) {}
              void run() {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                Thread.startVirtualThread(() -> {
                  int n = 9;
                  process(n);
                  wg.done();
                });
                Thread.startVirtualThread(() -> { try { process(10); } finally { wg.done(); } });
                wg.await();
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.WaitGroup;
            class In {
              static void process(int n) {}
              void run() {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                Thread.startVirtualThread(() -> {
                  try {
                    int n = 9;
                    process(n);
                  } finally {
                    wg.done();
                  }
                });
                Thread.startVirtualThread(() -> { try { process(10); } finally { wg.done(); } });
                wg.await();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheGroupIsDoneTwice() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            class In {
              static void process(int n) {}
              void run(boolean skip) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  if (skip) {
                    wg.done();
                    return;
                  }
                  process(11);
                  wg.done();
                });
                wg.await();
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }
}
