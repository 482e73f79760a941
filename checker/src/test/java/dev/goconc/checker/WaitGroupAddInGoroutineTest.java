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

  /**
   * Helpers that add to a group where nothing races: called by code that is no goroutine, by a
   * goroutine counted on the group, or adding to a group that only the goroutine awaits; and the
   * calls the model does not follow (overridable, recursive, a field other code can reach).
   */
  @Test
  void quietOnHelpersThatAddWhereNothingRaces() {
    helper
        .addSourceLines(
            "Helpers.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;

            final class Helpers {
              private final WaitGroup workers = new WaitGroup();
              final WaitGroup shared = new WaitGroup();

              static void process(int n) {}

              // Adds for the goroutine it starts: the correct idiom where ordinary code calls it.
              static void spawn(WaitGroup wg, int n) {
                wg.add(1);
                Go.go(() -> {
                  try { process(n); } finally { wg.done(); }
                });
              }

              private void runWorker(Runnable task) {
                this.workers.add(1);
                Go.go(() -> {
                  try { task.run(); } finally { workers.done(); }
                });
              }

              void stop() {
                workers.await();
              }

              // Called from the launching code itself.
              void calledInPlace(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                for (int item : items) {
                  spawn(wg, item);
                }
                wg.await();
              }

              void workerFromOrdinaryCode() {
                runWorker(() -> process(1));
                runWorker(() -> process(2));
                stop();
              }

              // From a goroutine counted on the same group before it starts.
              void countedGoroutine(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    for (int item : items) {
                      spawn(wg, item);
                    }
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
              }

              void groupGoGoroutine(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                wg.go(() -> items.forEach(item -> spawn(wg, item)));
                wg.go(() -> spawn(wg, 3));
                wg.await();
              }

              // One add counts every goroutine launched after it, in a row or in a loop.
              void countedTogether() {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                Go.go(() -> {
                  try { spawn(wg, 8); } finally { wg.done(); }
                });
                Go.go(() -> {
                  try { spawn(wg, 9); } finally { wg.done(); }
                });
                wg.await();
              }

              void countedBeforeTheLoop(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                wg.add(items.size());
                for (int item : items) {
                  Go.go(() -> {
                    try { spawn(wg, item); } finally { wg.done(); }
                  });
                }
                wg.await();
              }

              void countedOnTheField() {
                workers.add(1);
                Go.go(() -> {
                  try {
                    runWorker(() -> process(4));
                  } finally {
                    workers.done();
                  }
                });
                stop();
              }

              // A group the goroutine makes and awaits itself, directly or in the method it calls.
              void ownGroup(List<Integer> items) {
                Go.go(() -> {
                  WaitGroup inner = new WaitGroup();
                  for (int item : items) {
                    spawn(inner, item);
                  }
                  inner.await();
                });
              }

              static void fanOut(WaitGroup wg, List<Integer> items) {
                for (int item : items) {
                  spawn(wg, item);
                }
                wg.await();
              }

              void helperAwaitsItsChildren(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                Go.go(() -> fanOut(wg, items));
                wg.await();
              }

              static void parallel(List<Integer> items) {
                WaitGroup local = new WaitGroup();
                for (int item : items) {
                  spawn(local, item);
                }
                local.await();
              }

              void helperWithItsOwnGroup(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try { parallel(items); } finally { wg.done(); }
                });
                Go.go(() -> parallel(items));
                wg.await();
              }

              // The caller waits for the goroutine to end before it waits on the group.
              void joinedThread() throws InterruptedException {
                WaitGroup wg = new WaitGroup();
                Thread starter = Thread.ofVirtual().start(() -> spawn(wg, 5));
                starter.join();
                wg.await();
              }

              void joinedPlatformThread() throws InterruptedException {
                WaitGroup wg = new WaitGroup();
                Thread starter = new Thread(() -> spawn(wg, 10));
                starter.start();
                starter.join();
                wg.await();
              }

              void joinedFuture(ExecutorService pool) throws Exception {
                WaitGroup wg = new WaitGroup();
                Future<?> started = pool.submit(() -> spawn(wg, 6));
                started.get();
                wg.await();
              }

              // A lambda that runs in place is no goroutine.
              void inPlace(List<Integer> items) {
                WaitGroup wg = new WaitGroup();
                items.forEach(item -> spawn(wg, item));
                wg.await();
              }

              // A field that code outside the unit can reach: its waits are not all in view.
              void addShared() {
                shared.add(1);
                Go.go(shared::done);
              }

              void sharedField() {
                Go.go(() -> addShared());
                shared.await();
              }

              // No wait on the group in view.
              void passedOn(WaitGroup wg) {
                Go.go(() -> spawn(wg, 7));
              }
            }
            """)
        .addSourceLines(
            "NotFollowed.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class NotFollowed {
              static void process(int n) {}

              // A subclass may replace it: the code a call runs is not certain.
              void register(WaitGroup wg) {
                wg.add(1);
              }

              void overridable() {
                WaitGroup wg = new WaitGroup();
                Go.go(() -> {
                  register(wg);
                  wg.done();
                });
                wg.await();
              }

              // Recursive: not summarised.
              static void addEach(WaitGroup wg, int n) {
                if (n > 0) {
                  wg.add(1);
                  Go.go(wg::done);
                  addEach(wg, n - 1);
                }
              }

              void recursive() {
                WaitGroup wg = new WaitGroup();
                Go.go(() -> addEach(wg, 3));
                wg.await();
              }

              // A group reached any other way than a variable is not judged.
              static WaitGroup[] groups = {new WaitGroup()};

              static void addFirst(WaitGroup[] all) {
                all[0].add(1);
                Go.go(all[0]::done);
              }

              void arrayElement() {
                Go.go(() -> addFirst(groups));
                groups[0].await();
              }
            }
            """)
        .doTest();
  }

  /** The add through methods of the unit, in each form of goroutine and helper. */
  @Test
  void flagsAddsThroughHelpers() {
    helper
        .addSourceLines(
            "Through.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.concurrent.ExecutorService;

            final class Through {
              static void process(int n) {}

              static void spawn(WaitGroup wg, int n) {
                wg.add(1);
                Go.go(() -> {
                  try { process(n); } finally { wg.done(); }
                });
              }

              private static void outer(WaitGroup group, int n) {
                process(n);
                spawn(group, n);
              }

              void staticHelper() {
                WaitGroup wg = new WaitGroup();
                // BUG: Diagnostic contains: spawn() adds to wg inside the goroutine (wg.add() on line 9), racing with wg.await() on line 24
                Go.go(() -> spawn(wg, 1));
                wg.await();
              }

              void blockLambda() {
                WaitGroup done = new WaitGroup();
                Go.go(() -> {
                  process(2);
                  // BUG: Diagnostic contains: spawn() adds to done inside the goroutine
                  spawn(done, 2);
                });
                done.await();
              }

              void twoCallsDeep(WaitGroup wg) {
                // BUG: Diagnostic contains: outer() adds to wg via spawn() inside the goroutine
                Go.go(() -> outer(wg, 3));
                wg.await();
              }

              void anonymous() {
                WaitGroup wg = new WaitGroup();
                Go.go(new Runnable() {
                  @Override
                  public void run() {
                    // BUG: Diagnostic contains: call spawn() before the wait
                    spawn(wg, 4);
                  }
                });
                wg.await();
              }

              void joinedAfterTheWait() throws InterruptedException {
                WaitGroup wg = new WaitGroup();
                // BUG: Diagnostic contains: spawn() adds to wg inside the goroutine
                Thread starter = Thread.ofVirtual().start(() -> spawn(wg, 6));
                wg.await();
                starter.join();
              }

              void executor(ExecutorService pool) {
                WaitGroup wg = new WaitGroup();
                // BUG: Diagnostic contains: spawn() adds to wg inside the goroutine
                pool.submit(() -> spawn(wg, 5));
                wg.await();
              }
            }
            """)
        .addSourceLines(
            "Gossip.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            final class Gossip {
              static final class Stopper {
                private final WaitGroup stop = new WaitGroup();

                void runWorker(Runnable f) {
                  stop.add(1);
                  Go.go(() -> {
                    try { f.run(); } finally { stop.done(); }
                  });
                }

                void stop() {
                  stop.await();
                }
              }

              static final class Server {
                private final Stopper stopper;

                Server(Stopper stopper) {
                  this.stopper = stopper;
                }

                void gossip() {
                  stopper.runWorker(this::send);
                }

                void send() {}
              }

              // The instance helper through a field, the goroutine a method reference.
              static void start() {
                Stopper stopper = new Stopper();
                Server server = new Server(stopper);
                // BUG: Diagnostic contains: gossip() adds to Stopper.stop via runWorker() inside the goroutine (stop.add() on line 9), racing with stop.await() on line 16
                Go.go(server::gossip);
                stopper.stop();
              }
            }
            """)
        .addSourceLines(
            "Pump.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            final class Pump {
              private final WaitGroup pending = new WaitGroup();
              private final Fleet fleet = new Fleet();

              private void track() {
                this.pending.add(1);
                Go.go(pending::done);
              }

              private void pump() {
                track();
              }

              void close() {
                pending.await();
              }

              void startByReference() {
                // BUG: Diagnostic contains: pump() adds to Pump.pending via track()
                Go.go(this::pump);
                close();
              }

              void startByLambda() {
                Go.go(() -> {
                  // BUG: Diagnostic contains: pump() adds to Pump.pending via track()
                  pump();
                });
                close();
              }

              // A field of a private class, reached through a field of this one.
              private static final class Fleet {
                final WaitGroup ships = new WaitGroup();

                void launch() {
                  ships.add(1);
                  Go.go(ships::done);
                }
              }

              void privateClassField() {
                // BUG: Diagnostic contains: launch() adds to Fleet.ships inside the goroutine
                Go.go(() -> fleet.launch());
                fleet.ships.await();
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
