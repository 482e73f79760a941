package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class WaitGroupDoneExceedsAddTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(WaitGroupDoneExceedsAdd.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(WaitGroupDoneExceedsAdd.class, getClass());

  /**
   * A constant count against a goroutine per element of a local collection ({@code wg.add(1)}
   * before the loop): more dones than counted as soon as the collection holds more elements than
   * the constant. Quiet when the count is the collection's size, is added each round, the launch
   * may not run, the collection changes, or the rounds are an {@code int} bound the model cannot
   * compare with the constant.
   */
  @Test
  void aConstantCountAgainstAGoroutinePerElement() {
    helper
        .addSourceLines(
            "Parts.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;

            class Parts {
              void sized(List<byte[]> parts) {
                WaitGroup wg = new WaitGroup();
                wg.add(parts.size());
                for (byte[] part : parts) {
                  Go.go(() -> {
                    try {
                      System.out.println(part.length);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              void eachRound(List<byte[]> parts) {
                WaitGroup wg = new WaitGroup();
                for (byte[] part : parts) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      System.out.println(part.length);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              void mayNotLaunch(List<byte[]> parts) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                for (byte[] part : parts) {
                  if (part.length > 1024) {
                    Go.go(() -> {
                      try {
                        System.out.println(part.length);
                      } finally {
                        wg.done();
                      }
                    });
                    break;
                  }
                }
                wg.await();
              }

              void changingCollection(List<byte[]> parts) {
                WaitGroup wg = new WaitGroup();
                List<byte[]> todo = new ArrayList<>(parts);
                todo.removeIf(p -> p.length == 0);
                wg.add(1);
                for (byte[] part : todo) {
                  Go.go(() -> {
                    try {
                      System.out.println(part.length);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              void intBound(int n) {
                WaitGroup wg = new WaitGroup();
                wg.add(3);
                for (int i = 0; i < n; i++) {
                  Go.go(() -> {
                    try {
                      System.out.println("work");
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              void oneForTheBatch(List<byte[]> parts) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                for (byte[] part : parts) {
                  // BUG: Diagnostic contains: (more than it counts as soon as parts.size() > 1)
                  Go.go(() -> {
                    try {
                      System.out.println(part.length);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              void indexed(List<String> names) {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                for (int i = 0; i < names.size(); i++) {
                  String name = names.get(i);
                  // BUG: Diagnostic contains: as soon as names.size() > 2
                  Go.go(() -> {
                    try {
                      System.out.println(name);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;
            import java.util.concurrent.CountDownLatch;
            import java.util.function.Consumer;

            class Idioms {
              static void work(int i) {}
              static boolean ready() { return true; }

              // Three goroutines, counted three.
              void constant() {
                WaitGroup wg = new WaitGroup();
                wg.add(3);
                for (int i = 0; i < 3; i++) {
                  int id = i;
                  Go.go(() -> { try { work(id); } finally { wg.done(); } });
                }
                wg.await();
              }

              // One goroutine per job, counted by the size of the same list.
              void perJob(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                for (int job : jobs) {
                  Go.go(() -> { try { work(job); } finally { wg.done(); } });
                }
                wg.await();
              }

              // n goroutines, counted n.
              void counted(int n) {
                WaitGroup wg = new WaitGroup();
                wg.add(n);
                for (int i = 0; i < n; i++) {
                  int id = i;
                  Go.go(() -> { try { work(id); } finally { wg.done(); } });
                }
                wg.await();
              }

              // Each round counts its own goroutine.
              void perRound(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                for (int job : jobs) {
                  wg.add(1);
                  Go.go(() -> { try { work(job); } finally { wg.done(); } });
                }
                wg.await();
              }

              // One done in finally, and an early return that leaves it to the finally.
              void earlyReturn() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    if (!ready()) {
                      return;
                    }
                    work(1);
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
              }

              // One done on each of two exclusive paths.
              void exclusivePaths() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  if (!ready()) {
                    wg.done();
                    return;
                  }
                  work(2);
                  wg.done();
                });
                wg.await();
              }

              // Two milestones of one goroutine, counted twice.
              void milestones() {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                Go.go(() -> {
                  work(1);
                  wg.done();
                  work(2);
                  wg.done();
                });
                wg.await();
              }

              // wg.go counts and marks done itself.
              void withGo(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                for (int job : jobs) {
                  wg.go(() -> work(job));
                }
                wg.await();
              }

              // Branches that correlate: one of the two goroutines starts.
              void eitherOne(boolean useA) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                if (useA) {
                  Go.go(() -> { try { work(1); } finally { wg.done(); } });
                }
                if (!useA) {
                  Go.go(() -> { try { work(2); } finally { wg.done(); } });
                }
                wg.await();
              }

              // An optional goroutine adds its own count.
              void optional(boolean extra) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> { try { work(1); } finally { wg.done(); } });
                if (extra) {
                  wg.add(1);
                  Go.go(() -> { try { work(2); } finally { wg.done(); } });
                }
                wg.await();
              }

              // The loop stops early: not every round starts a goroutine.
              void stopsEarly() {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                for (int i = 0; i < 3; i++) {
                  if (i == 2) {
                    break;
                  }
                  Go.go(() -> { try { work(0); } finally { wg.done(); } });
                }
                wg.await();
              }

              // Dones in a goroutine's loop, one per job: how many runs is not known.
              void onePerItem(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                Go.go(() -> {
                  for (int job : jobs) {
                    work(job);
                    wg.done();
                  }
                });
                wg.await();
              }

              // Correlated dones inside one goroutine: one runs.
              void fastOrSlow() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  boolean fast = ready();
                  if (fast) {
                    wg.done();
                  }
                  work(3);
                  if (!fast) {
                    wg.done();
                  }
                });
                wg.await();
              }

              // The group goes to a helper, which may count for the goroutines it starts.
              void handedOver() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                startMore(wg);
                Go.go(() -> { try { work(4); } finally { wg.done(); } });
                wg.await();
              }

              void startMore(WaitGroup wg) {}

              // done as a callback: how often it runs is not known.
              void callback(Consumer<Runnable> onEvent) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                onEvent.accept(wg::done);
                wg.await();
              }

              // Reused: each batch counted before it starts.
              void batches() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> { try { work(1); } finally { wg.done(); } });
                wg.await();
                wg.add(2);
                Go.go(() -> { try { work(2); } finally { wg.done(); } });
                Go.go(() -> { try { work(3); } finally { wg.done(); } });
                wg.await();
              }

              // A latch counted down past zero does nothing: not this rule's.
              void latch() throws InterruptedException {
                CountDownLatch first = new CountDownLatch(1);
                for (int i = 0; i < 3; i++) {
                  Go.go(first::countDown);
                }
                first.await();
              }

              // A field that something adds to is shared beyond one method.
              private final WaitGroup workers = new WaitGroup();

              void startWorker() {
                workers.add(1);
                Go.go(() -> { try { work(5); } finally { workers.done(); } });
              }

              void stopWorkers() {
                workers.await();
              }

              // A field counted only through go, with no done of its own.
              private final WaitGroup served = new WaitGroup();

              void serve() {
                served.go(() -> work(6));
              }

              void drain() {
                served.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnTheKernelsFixedTwin() {
    helper
        .addSourceLines(
            "Kubernetes13058Fixed.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class Kubernetes13058Fixed {
              static void run(String name) {}

              // The informer delivers one delete per started test, as counted.
              void informerTest(List<String> tests) {
                final int threads = 3;
                WaitGroup wg = new WaitGroup();
                WaitGroup testDone = new WaitGroup();
                wg.add(threads * tests.size());
                testDone.add(threads * tests.size());
                for (int i = 0; i < threads; i++) {
                  for (String test : tests) {
                    Go.go(() -> { try { run(test); } finally { wg.done(); } });
                  }
                }
                for (int i = 0; i < threads; i++) {
                  for (String test : tests) {
                    Go.go(() -> { try { run("delete " + test); } finally { testDone.done(); } });
                  }
                }
                wg.await();
                testDone.await();
              }
            }
            """)
        .doTest();
  }

  /**
   * The kernel as GoKer writes it: the informer calls the delete handler once per event it sees,
   * and a relist can deliver a delete twice. How often a handler runs is not in the code, so the
   * rule stays quiet here (the page says so).
   */
  @Test
  void theKernelsCallbackShapeIsOutOfReach() {
    helper
        .addSourceLines(
            "Kubernetes13058.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.function.Consumer;

            class Kubernetes13058 {
              interface Informer { void onDelete(Consumer<Object> handler); }

              void informerTest(Informer informer, int threads) {
                WaitGroup testDone = new WaitGroup();
                informer.onDelete(obj -> testDone.done());
                testDone.add(threads);
                testDone.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsMoreDonesThanTheCount() {
    helper
        .addSourceLines(
            "Bugs.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;
            import java.util.concurrent.ExecutorService;

            class Bugs {
              static void work(int i) {}
              static boolean ready() { return true; }

              // Three goroutines after add(2).
              void constant() {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                for (int i = 0; i < 3; i++) {
                  int id = i;
                  // BUG: Diagnostic contains: at least 3 on every path through line 17, while wg.add(2) on line 13 counts at most 2
                  Go.go(() -> { try { work(id); } finally { wg.done(); } });
                }
                wg.await();
              }

              // One goroutine more than the jobs counted.
              void oneMore(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                for (int job : jobs) {
                  Go.go(() -> { try { work(job); } finally { wg.done(); } });
                }
                // BUG: Diagnostic contains: at least jobs.size() + 1
                Go.go(() -> { try { work(0); } finally { wg.done(); } });
                wg.await();
              }

              // Two goroutines a round, one count a round.
              void twoPerRound(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                for (int job : jobs) {
                  wg.add(1);
                  // BUG: Diagnostic contains: at least 2 × jobs.size() on every path through line 40
                  Go.go(() -> { try { work(job); } finally { wg.done(); } });
                  Go.go(() -> { try { work(-job); } finally { wg.done(); } });
                }
                wg.await();
              }

              // done in the try and again in finally: every path calls it twice.
              void tryAndFinally() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                // BUG: Diagnostic contains: at least 2
                Go.go(() -> {
                  try {
                    work(1);
                    wg.done();
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
              }

              // wg.go marks done itself; the body does it again.
              void goAndDone(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                for (int job : jobs) {
                  // BUG: Diagnostic contains: wg.go(...) counts
                  wg.go(() -> {
                    try {
                      work(job);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              // No add at all: await returns at once and done throws.
              void noAdd() {
                WaitGroup wg = new WaitGroup();
                // BUG: Diagnostic contains: nothing adds to wg
                Go.go(() -> { try { work(2); } finally { wg.done(); } });
                wg.await();
              }

              // An early return between the launches does not hide the second.
              void earlyReturn(boolean quick) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> { try { work(3); } finally { wg.done(); } });
                if (quick) {
                  return;
                }
                // BUG: Diagnostic contains: at least 2 on every path through line
                Go.go(() -> { try { work(4); } finally { wg.done(); } });
                wg.await();
              }

              // An index loop one round longer than the count.
              void offByOne(int n) {
                WaitGroup wg = new WaitGroup();
                wg.add(n);
                for (int i = 0; i <= n; i++) {
                  int id = i;
                  // BUG: Diagnostic contains: at least n + 1
                  Go.go(() -> { try { work(id); } finally { wg.done(); } });
                }
                wg.await();
              }

              // Executor tasks, counted once for two.
              void tasks(ExecutorService pool) {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                pool.execute(() -> { try { work(5); } finally { wg.done(); } });
                // BUG: Diagnostic contains: wg.add(1) on line 114 counts at most 1
                pool.execute(() -> { try { work(6); } finally { wg.done(); } });
                wg.await();
              }

              // A task local started twice.
              void taskTwice() {
                WaitGroup wg = new WaitGroup();
                Runnable task = () -> { try { work(7); } finally { wg.done(); } };
                wg.add(1);
                Go.go(task);
                // BUG: Diagnostic contains: at least 2
                Go.go(task);
                wg.await();
              }
            }
            """)
        .doTest();
  }

  /**
   * A list whose size counts the group may be passed on once the group is counted (after every
   * add and launch, in no loop around them): nothing can change what was counted. Passed on
   * earlier, or from a goroutine, the count is not read.
   */
  @Test
  void quietOnAListPassedOnWhereItCannotChangeTheCount() {
    helper
        .addSourceLines(
            "PassedOn.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class PassedOn {
              static void work(String s) {}
              static void compensate(List<String> steps) {}
              static void extend(List<String> steps) {}

              // Counted exactly, then handed to the compensation after the wait.
              void exact(List<String> steps) {
                WaitGroup wg = new WaitGroup();
                wg.add(steps.size());
                for (String s : steps) {
                  Go.go(() -> { try { work(s); } finally { wg.done(); } });
                }
                wg.await();
                compensate(steps);
              }

              // Passed on before the count: the size is read after it may have changed.
              void extendedFirst(List<String> steps) {
                WaitGroup wg = new WaitGroup();
                extend(steps);
                wg.add(steps.size());
                for (String s : steps) {
                  Go.go(() -> { try { work(s); } finally { wg.done(); } });
                }
                wg.await();
              }

              // Passed on in the launch loop: not judged, whatever it does.
              void inTheLoop(List<String> steps) {
                WaitGroup wg = new WaitGroup();
                wg.add(steps.size());
                for (String s : steps) {
                  Go.go(() -> { try { work(s); } finally { wg.done(); } });
                  compensate(steps);
                }
                wg.await();
              }

              // Passed on from a goroutine: code that runs elsewhere, not judged.
              void fromAGoroutine(List<String> steps) {
                WaitGroup wg = new WaitGroup();
                wg.add(steps.size() + 1);
                for (String s : steps) {
                  Go.go(() -> { try { work(s); } finally { wg.done(); } });
                }
                Go.go(() -> { try { compensate(steps); } finally { wg.done(); } });
                wg.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsAGoroutineNeverCountedBesideAListPassedOnLater() {
    helper
        .addSourceLines(
            "Saga.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.Arrays;
            import java.util.List;

            class Saga {
              static void work(String s) {}
              static void compensate(List<String> steps) {}

              void audited(List<String> steps) {
                WaitGroup wg = new WaitGroup();
                wg.add(steps.size());
                for (String s : steps) {
                  Go.go(() -> { try { work(s); } finally { wg.done(); } });
                }
                // BUG: Diagnostic contains: at least steps.size() + 1
                Go.go(() -> {
                  try {
                    System.out.println("started " + steps.size());
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
                compensate(steps);
              }

              void overAnArray(String[] steps) {
                WaitGroup wg = new WaitGroup();
                wg.add(steps.length);
                for (String s : steps) {
                  Go.go(() -> { try { work(s); } finally { wg.done(); } });
                }
                // BUG: Diagnostic contains: at least steps.length + 1
                Go.go(() -> { try { work("audit"); } finally { wg.done(); } });
                wg.await();
                compensate(Arrays.asList(steps));
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsADoneRepeatedOnOnePath() {
    helper
        .addSourceLines(
            "Repeated.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.io.IOException;

            class Repeated {
              static void work(int i) {}
              static boolean ready() { return true; }
              static void read() throws IOException {}

              private final WaitGroup shared = new WaitGroup();

              // The classic: an early done, and the finally's again.
              void earlyDone(WaitGroup wg) {
                Go.go(() -> {
                  try {
                    if (!ready()) {
                      // BUG: Diagnostic contains: calls wg.done() again on line 23
                      wg.done();
                      return;
                    }
                    work(1);
                  } finally {
                    wg.done();
                  }
                });
              }

              // The same in an anonymous task class, on a field group.
              void anonymous() {
                shared.add(1);
                Go.go(new Runnable() {
                  @Override public void run() {
                    try {
                      if (!ready()) {
                        // BUG: Diagnostic contains: drop this call
                        shared.done();
                        return;
                      }
                      work(2);
                    } finally {
                      shared.done();
                    }
                  }
                });
              }

              // A method of the unit started by reference.
              void byReference() {
                shared.add(1);
                Go.go(this::worker);
              }

              private void worker() {
                try {
                  if (!ready()) {
                    // BUG: Diagnostic contains: shared.done()
                    shared.done();
                    return;
                  }
                  work(3);
                } finally {
                  shared.done();
                }
              }

              // An explicit throw caught, then the finally.
              void caught(WaitGroup wg) {
                Go.go(() -> {
                  try {
                    if (!ready()) {
                      throw new IOException("not ready");
                    }
                    read();
                  } catch (IOException e) {
                    // BUG: Diagnostic contains: another path through the goroutine calls it once
                    wg.done();
                  } finally {
                    wg.done();
                  }
                });
              }

              // No finally: the second done follows on every path anyway.
              void straight(WaitGroup wg) {
                Go.go(() -> {
                  if (ready()) {
                    // BUG: Diagnostic contains: again on line
                    wg.done();
                  }
                  work(4);
                  wg.done();
                });
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsAFieldCountedOnlyByGo() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import dev.goconc.WaitGroup;

            class Server {
              private final WaitGroup handlers = new WaitGroup();

              static void handle(int request) {}

              void accept(int request) {
                handlers.go(() -> {
                  try {
                    handle(request);
                  } finally {
                    // BUG: Diagnostic contains: nothing adds to handlers: it counts only through handlers.go
                    handlers.done();
                  }
                });
              }

              void shutdown() {
                handlers.await();
              }
            }
            """)
        .doTest();
  }

  /** GoKer's kubernetes#13058 in Java: the deletes the informer delivers outnumber the count. */
  @Test
  void flagsTheKernelInReach() {
    helper
        .addSourceLines(
            "Kubernetes13058.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class Kubernetes13058 {
              static void run(String name) {}

              // A relist delivers every delete once more than the test started.
              void informerTest(List<String> tests) {
                final int threads = 3;
                WaitGroup wg = new WaitGroup();
                WaitGroup testDone = new WaitGroup();
                wg.add(threads * tests.size());
                testDone.add(threads * tests.size());
                for (int i = 0; i < threads; i++) {
                  for (String test : tests) {
                    Go.go(() -> { try { run(test); } finally { wg.done(); } });
                  }
                }
                for (int i = 0; i <= threads; i++) {
                  for (String test : tests) {
                    // BUG: Diagnostic contains: at least 4 × tests.size()
                    Go.go(() -> { try { run("delete " + test); } finally { testDone.done(); } });
                  }
                }
                wg.await();
                testDone.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixDropsTheEarlierDone() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class Fix {
              static boolean ready() { return true; }
              static void work() {}

              void run(WaitGroup wg) {
                Go.go(() -> {
                  try {
                    if (!ready()) {
                      wg.done();
                      return;
                    }
                    work();
                  } finally {
                    wg.done();
                  }
                });
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class Fix {
              static boolean ready() { return true; }
              static void work() {}

              void run(WaitGroup wg) {
                Go.go(() -> {
                  try {
                    if (!ready()) {
                      return;
                    }
                    work();
                  } finally {
                    wg.done();
                  }
                });
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForACount() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;

            class NoFix {
              void run() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> wg.done());
                Go.go(() -> wg.done());
                wg.await();
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
  /** A done() in the catch that takes the work's failure, and again in the finally. */
  @Test
  void doneInTheCatchAndTheFinally() {
    helper
        .addSourceLines(
            "Refills.java",
            """
            import dev.goconc.*;
            import java.util.List;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            class Refills {
              static String verdict(String rx) { return rx; }

              // The catch counts down and the try does too: one done() on each path.
              static void eachPathOnce(List<String> scripts, Map<String, String> out) {
                WaitGroup wg = new WaitGroup();
                for (String rx : scripts) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      out.put(rx, verdict(rx));
                      wg.done();
                    } catch (RuntimeException e) {
                      out.put(rx, "DENIED");
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              // The catch only records; the finally counts down.
              static void finallyAlone(List<String> scripts, Map<String, String> out) {
                WaitGroup wg = new WaitGroup();
                for (String rx : scripts) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      out.put(rx, verdict(rx));
                    } catch (RuntimeException e) {
                      out.put(rx, "DENIED");
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              // Nothing in the try can fail: the catch never runs.
              static void nothingFails(int n) {
                WaitGroup wg = new WaitGroup();
                int[] slots = new int[1];
                wg.add(1);
                Go.go(() -> {
                  try {
                    slots[0] = n + 1;
                  } catch (RuntimeException e) {
                    wg.done();
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
              }
            }
            """)
        .addSourceLines(
            "RefillBugs.java",
            """
            import dev.goconc.*;
            import java.util.List;
            import java.util.Map;

            class RefillBugs {
              static String verdict(String rx) { return rx; }

              static void doneTwiceOnFailure(List<String> scripts, Map<String, String> out) {
                WaitGroup wg = new WaitGroup();
                for (String rx : scripts) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      out.put(rx, verdict(rx));
                    } catch (RuntimeException e) {
                      out.put(rx, "DENIED");
                      // BUG: Diagnostic contains: calls wg.done() again on line 20
                      wg.done();
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }
            }
            """)
        .doTest();
  }
}
