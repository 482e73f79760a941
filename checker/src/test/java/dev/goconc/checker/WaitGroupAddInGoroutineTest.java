package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class WaitGroupAddInGoroutineTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(WaitGroupAddInGoroutine.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(WaitGroupAddInGoroutine.class, getClass());

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
            import dev.goconc.WaitGroup;
            import java.util.List;
            import java.util.concurrent.ExecutorService;

            class Idioms {
              static int process(int n) { return n; }

              // Worker pool: add before each launch, done in finally.
              void workerPool(RecvChan<Integer> jobs, Chan<Integer> results, int workers) {
                WaitGroup wg = new WaitGroup();
                for (int i = 0; i < workers; i++) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      for (int job : jobs) {
                        results.send(process(job));
                      }
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              // Fan-in with a WaitGroup closer goroutine.
              RecvChan<Integer> merge(List<RecvChan<Integer>> inputs) {
                Chan<Integer> out = Chan.make();
                WaitGroup wg = new WaitGroup();
                wg.add(inputs.size());
                for (RecvChan<Integer> in : inputs) {
                  Go.go(() -> {
                    try {
                      for (int v : in) { out.send(v); }
                    } finally {
                      wg.done();
                    }
                  });
                }
                Go.go(() -> {
                  wg.await();
                  out.close();
                });
                return out;
              }

              // wg.go adds, starts and calls done itself.
              void groupGo(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                for (int item : items) {
                  wg.go(() -> process(item));
                }
                wg.await();
              }

              // errgroup.
              Throwable errgroup(Context ctx, List<Integer> items) {
                ErrGroup group = ErrGroup.withContext(ctx);
                for (int item : items) {
                  group.go(() -> process(item));
                }
                return group.await();
              }

              // A goroutine that adds for its own children and awaits them itself.
              void nestedGroup(List<Integer> items) {
                WaitGroup outer = new WaitGroup();
                outer.add(1);
                Go.go(() -> {
                  try {
                    WaitGroup inner = new WaitGroup();
                    for (int item : items) {
                      inner.add(1);
                      Go.go(() -> {
                        try { process(item); } finally { inner.done(); }
                      });
                    }
                    inner.await();
                  } finally {
                    outer.done();
                  }
                });
                outer.await();
              }

              // The same group awaited inside the goroutine that adds to it.
              void addsAndAwaitsInside() {
                Go.go(() -> {
                  WaitGroup wg = new WaitGroup();
                  wg.add(1);
                  Go.go(wg::done);
                  wg.await();
                });
              }

              // No await in sight: the group escapes to the caller.
              void addsForCaller(WaitGroup wg) {
                Go.go(() -> {
                  wg.add(1);
                  process(1);
                });
              }

              // An add one call away is not judged.
              void helperAdds(WaitGroup wg) {
                Go.go(() -> register(wg));
                wg.await();
              }

              static void register(WaitGroup wg) { wg.add(1); }

              // Executors: add before submit.
              void executor(ExecutorService pool) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                pool.submit(() -> {
                  try { process(2); } finally { wg.done(); }
                });
                wg.await();
              }

              // A goroutine counted before it starts may add for the children it starts.
              void countedParentAddsForChildren(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    for (int item : items) {
                      wg.add(1);
                      Go.go(() -> { try { process(item); } finally { wg.done(); } });
                    }
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
              }

              void groupGoParentAddsForChildren(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                wg.go(() -> {
                  for (int item : items) {
                    wg.add(1);
                    Go.go(() -> { try { process(item); } finally { wg.done(); } });
                  }
                });
                wg.await();
              }

              // A plain (non-goroutine) lambda that adds runs on this thread.
              void plainLambda(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                items.forEach(i -> wg.add(1));
                for (int i : items) {
                  Go.go(() -> { try { process(i); } finally { wg.done(); } });
                }
                wg.await();
              }
            }
            """)
        .doTest();
  }

  /** The goroutine as an anonymous Runnable or a task local is the same goroutine. */
  @Test
  void everyFormOfGoroutine() {
    helper
        .addSourceLines(
            "Forms.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class Forms {
              static void work() {}

              void anonymous() {
                WaitGroup wg = new WaitGroup();
                Go.go(new Runnable() {
                  @Override
                  public void run() {
                    // BUG: Diagnostic contains: wg.add() inside the goroutine races with wg.await()
                    wg.add(1);
                    try {
                      work();
                    } finally {
                      wg.done();
                    }
                  }
                });
                wg.await();
              }

              void taskLocal() {
                WaitGroup wg = new WaitGroup();
                Runnable task = () -> {
                  // BUG: Diagnostic contains: wg.add() inside the goroutine races with wg.await()
                  wg.add(1);
                  try {
                    work();
                  } finally {
                    wg.done();
                  }
                };
                Go.go(task);
                wg.await();
              }

              void addedBeforeTheLaunch() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(new Runnable() {
                  @Override
                  public void run() {
                    try {
                      work();
                    } finally {
                      wg.done();
                    }
                  }
                });
                wg.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void matchesStaticchecksTestData() {
    helper
        .addSourceLines(
            "CheckWaitgroupAdd.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class CheckWaitgroupAdd {
              static void doneFor(WaitGroup wg) { wg.done(); }

              void fn() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> wg.done());

                Go.go(() -> {
                  // BUG: Diagnostic contains: wg.add() inside the goroutine races with wg.await() on line 24
                  wg.add(1);
                  wg.done();
                });

                wg.add(1);
                Go.go(() -> doneFor(wg));

                wg.add(1);
                Go.go(() -> doneFor(wg));

                wg.await();
              }

              void fn2(WaitGroup wg) {
                wg.add(1);
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
            import dev.goconc.Context;
            import dev.goconc.ErrGroup;
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;
            import java.util.concurrent.ExecutorService;

            class Shapes {
              static void process(int n) {}
              private final WaitGroup pending = new WaitGroup();

              void firstStatement(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                for (int item : items) {
                  Go.go(() -> {
                    // BUG: Diagnostic contains: wg.add() inside the goroutine races with wg.await() on line 21
                    wg.add(1);
                    try { process(item); } finally { wg.done(); }
                  });
                }
                wg.await();
              }

              void afterWork() {
                WaitGroup group = new WaitGroup();
                Go.go(() -> {
                  process(1);
                  // BUG: Diagnostic contains: group.add() inside the goroutine
                  group.add(1);
                  group.done();
                });
                group.await();
              }

              void conditional(boolean extra) {
                WaitGroup wg = new WaitGroup();
                Go.go(() -> {
                  if (extra) {
                    // BUG: Diagnostic contains: wg.add() inside the goroutine
                    wg.add(2);
                  }
                  wg.done();
                });
                wg.await();
              }

              void virtualThread() {
                WaitGroup wg = new WaitGroup();
                Thread.ofVirtual().start(() -> {
                  // BUG: Diagnostic contains: wg.add() inside the goroutine
                  wg.add(1);
                  wg.done();
                });
                wg.await();
              }

              void startVirtualThread() {
                WaitGroup wg = new WaitGroup();
                Thread.startVirtualThread(() -> {
                  // BUG: Diagnostic contains: wg.add() inside the goroutine
                  wg.add(1);
                  wg.done();
                });
                wg.await();
              }

              void executorSubmit(ExecutorService pool) {
                WaitGroup wg = new WaitGroup();
                pool.submit(() -> {
                  // BUG: Diagnostic contains: wg.add() inside the goroutine
                  wg.add(1);
                  wg.done();
                });
                wg.await();
              }

              void executorExecute(ExecutorService pool) {
                WaitGroup wg = new WaitGroup();
                pool.execute(() -> {
                  // BUG: Diagnostic contains: wg.add() inside the goroutine
                  wg.add(1);
                  wg.done();
                });
                wg.await();
              }

              void errGroupTask(Context ctx) {
                WaitGroup wg = new WaitGroup();
                ErrGroup group = ErrGroup.withContext(ctx);
                group.go(() -> {
                  // BUG: Diagnostic contains: wg.add() inside the goroutine
                  wg.add(1);
                  wg.done();
                });
                wg.await();
                System.out.println(group.await());
              }

              void fieldGroup() {
                Go.go(this::work);
              }

              private void work() {
                // BUG: Diagnostic contains: pending.add() inside the goroutine races with pending.await() on line 110
                pending.add(1);
                pending.done();
              }

              void awaitAll() {
                pending.await();
              }

              void innerGoroutineOfAGoroutine(List<Integer> items) {
                Go.go(() -> {
                  WaitGroup inner = new WaitGroup();
                  for (int item : items) {
                    Go.go(() -> {
                      // BUG: Diagnostic contains: inner.add() inside the goroutine
                      inner.add(1);
                      try { process(item); } finally { inner.done(); }
                    });
                  }
                  inner.await();
                });
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixMovesAddBeforeTheLaunch() {
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
                  Go.go(() -> {
                    wg.add(1);
                    try { process(item); } finally { wg.done(); }
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
                  wg.add(1);
                  Go.go(() -> {
                    try { process(item); } finally { wg.done(); }
                  });
                }
                wg.await();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheAddIsNotTheFirstStatement() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            class In {
              void run() {
                WaitGroup wg = new WaitGroup();
                Go.go(() -> {
                  int n = 2;
                  wg.add(n);
                  wg.done();
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
