package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class WaitGroupAwaitInLaunchLoopTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(WaitGroupAwaitInLaunchLoop.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(WaitGroupAwaitInLaunchLoop.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class Idioms {
              static void work(int i) {}

              // Count all, launch all, then await once after the loop.
              void fanOut(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                for (int job : jobs) {
                  Go.go(() -> {
                    try {
                      work(job);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }

              // Serial on purpose: each round counts, starts and waits for its own goroutine.
              void oneAtATime(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                for (int job : jobs) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      work(job);
                    } finally {
                      wg.done();
                    }
                  });
                  wg.await();
                }
              }

              // wg.go counts each goroutine itself, round by round.
              void withGo(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                for (int job : jobs) {
                  wg.go(() -> work(job));
                  wg.await();
                }
              }

              // A new group per round.
              void groupPerRound(int rounds, int n) {
                for (int r = 0; r < rounds; r++) {
                  WaitGroup wg = new WaitGroup();
                  wg.add(n);
                  for (int i = 0; i < n; i++) {
                    int id = i;
                    Go.go(() -> {
                      try { work(id); } finally { wg.done(); }
                    });
                  }
                  wg.await();
                }
              }

              // A retry loop around the wait starts nothing.
              void retry(WaitGroup wg, int n) {
                wg.add(n);
                for (int i = 0; i < n; i++) {
                  int id = i;
                  Go.go(() -> { try { work(id); } finally { wg.done(); } });
                }
                while (true) {
                  wg.await();
                  if (n > 0) {
                    break;
                  }
                }
              }

              // The goroutines count on another group.
              void otherGroup(List<Integer> jobs) {
                WaitGroup counted = new WaitGroup();
                WaitGroup other = new WaitGroup();
                counted.add(jobs.size());
                other.add(jobs.size());
                for (int job : jobs) {
                  Go.go(() -> { try { work(job); } finally { counted.done(); } });
                  other.done();
                  other.await();
                }
                counted.await();
              }

              // The await is in a goroutine started by the loop, not the method's own code.
              void awaitInGoroutine(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                for (int job : jobs) {
                  Go.go(() -> { try { work(job); } finally { wg.done(); } });
                  Go.go(() -> wg.await());
                }
              }

              // add(1) before the loop counts one goroutine: not this rule's claim.
              void addOne() {
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                for (int i = 0; i < 1; i++) {
                  Go.go(() -> { try { work(0); } finally { wg.done(); } });
                  wg.await();
                }
              }

              // The count is added after the loop starts: each round adds.
              void addsInside(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(0);
                for (int job : jobs) {
                  wg.add(1);
                  Go.go(() -> { try { work(job); } finally { wg.done(); } });
                  wg.await();
                }
              }

              // Every counted goroutine is started before the await; a later one is counted anew.
              void countedAgain() {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                Go.go(() -> { try { work(1); } finally { wg.done(); } });
                Go.go(() -> { try { work(2); } finally { wg.done(); } });
                wg.await();
                wg.add(1);
                Go.go(() -> { try { work(3); } finally { wg.done(); } });
                wg.await();
              }

              // A later goroutine in a sibling branch does not follow the await.
              void branches(boolean fast) {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                if (fast) {
                  Go.go(() -> { try { work(1); } finally { wg.done(); } });
                  Go.go(() -> { try { work(2); } finally { wg.done(); } });
                  wg.await();
                } else {
                  Go.go(() -> { try { work(3); } finally { wg.done(); } });
                }
              }

              // A loop with no launch that waits: the goroutines were started before it.
              void drain(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                jobs.forEach(job -> Go.go(() -> { try { work(job); } finally { wg.done(); } }));
                for (int i = 0; i < 3; i++) {
                  wg.await();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsAnAwaitThatWaitsForLaterRounds() {
    helper
        .addSourceLines(
            "Bugs.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class Bugs {
              static void work(int i) {}
              private final WaitGroup shared = new WaitGroup();

              // moby#25384: the count for every plugin, then an await per plugin.
              void loadPlugins(List<Integer> plugins) {
                WaitGroup wg = new WaitGroup();
                wg.add(plugins.size());
                for (int p : plugins) {
                  Go.go(() -> {
                    try {
                      work(p);
                    } finally {
                      wg.done();
                    }
                  });
                  // BUG: Diagnostic contains: wg.add(plugins.size()) on line 12 counted every round
                  wg.await();
                }
              }

              // A constant count, an index loop.
              void constant() {
                WaitGroup wg = new WaitGroup();
                wg.add(3);
                for (int i = 0; i < 3; i++) {
                  int id = i;
                  Go.go(() -> { try { work(id); } finally { wg.done(); } });
                  // BUG: Diagnostic contains: never returns
                  wg.await();
                }
              }

              // A while loop and a field group.
              void whileLoop(int n) {
                shared.add(n);
                int i = 0;
                while (i < n) {
                  int id = i++;
                  Go.go(() -> { try { work(id); } finally { shared.done(); } });
                  // BUG: Diagnostic contains: shared.await()
                  shared.await();
                }
              }

              // The await under a condition in the loop.
              void conditional(List<Integer> jobs, boolean sync) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                for (int job : jobs) {
                  Go.go(() -> { try { work(job); } finally { wg.done(); } });
                  if (sync) {
                    // BUG: Diagnostic contains: await after the loop
                    wg.await();
                  }
                }
              }

              // The goroutine is an anonymous Runnable.
              void anonymous(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                for (int job : jobs) {
                  Go.go(new Runnable() {
                    @Override public void run() {
                      try { work(job); } finally { wg.done(); }
                    }
                  });
                  // BUG: Diagnostic contains: never returns
                  wg.await();
                }
              }

              // A parameter group and a do-while loop.
              void doWhile(WaitGroup wg, int n) {
                wg.add(n);
                int i = 0;
                do {
                  int id = i++;
                  Go.go(() -> { try { work(id); } finally { wg.done(); } });
                  // BUG: Diagnostic contains: never returns
                  wg.await();
                } while (i < n);
              }

              // Several goroutines a round, still counted before the loop.
              void pairs(List<Integer> jobs) {
                WaitGroup wg = new WaitGroup();
                wg.add(2 * jobs.size());
                for (int job : jobs) {
                  Go.go(() -> { try { work(job); } finally { wg.done(); } });
                  Go.go(() -> { try { work(-job); } finally { wg.done(); } });
                  // BUG: Diagnostic contains: never returns
                  wg.await();
                }
              }

              // A method reference to a worker of the unit that marks done.
              void byReference(int n) {
                shared.add(n);
                for (int i = 0; i < n; i++) {
                  Go.go(this::worker);
                  // BUG: Diagnostic contains: never returns
                  shared.await();
                }
              }

              private void worker() {
                try { work(1); } finally { shared.done(); }
              }

              // Inside a lambda: the loop and the count are both the lambda's own code.
              Runnable deferred(List<Integer> jobs) {
                return () -> {
                  WaitGroup wg = new WaitGroup();
                  wg.add(jobs.size());
                  for (int job : jobs) {
                    Go.go(() -> { try { work(job); } finally { wg.done(); } });
                    // BUG: Diagnostic contains: never returns
                    wg.await();
                  }
                };
              }

              // The loop unrolled: the first await waits for the two goroutines started after it.
              void unrolled() {
                WaitGroup wg = new WaitGroup();
                wg.add(3);
                Go.go(() -> { try { work(1); } finally { wg.done(); } });
                // BUG: Diagnostic contains: waits for the goroutine started after it on line
                wg.await();
                Go.go(() -> { try { work(2); } finally { wg.done(); } });
                Go.go(() -> { try { work(3); } finally { wg.done(); } });
              }

              // In an initializer block.
              {
                WaitGroup wg = new WaitGroup();
                wg.add(2);
                for (int i = 0; i < 2; i++) {
                  Go.go(() -> { try { work(0); } finally { wg.done(); } });
                  // BUG: Diagnostic contains: never returns
                  wg.await();
                }
              }

              // The launch is in an inner loop of the loop that awaits.
              void nested(List<List<Integer>> batches, int total) {
                WaitGroup wg = new WaitGroup();
                wg.add(total);
                for (List<Integer> batch : batches) {
                  for (int job : batch) {
                    Go.go(() -> { try { work(job); } finally { wg.done(); } });
                  }
                  // BUG: Diagnostic contains: never returns
                  wg.await();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Serial rounds whose goroutine must first send on a channel the method receives from only
   * after the loop: the round's own goroutine cannot be done.
   */
  @Test
  void flagsAnAwaitForAGoroutineThatWaitsOnTheMethod() {
    helper
        .addSourceLines(
            "Rounds.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;

            class Rounds {
              static String fetch(String s) { return s; }

              // Each round's result is received in the round, after its await: one slot is enough.
              List<String> receivedEachRound(List<String> names) {
                Chan<String> results = Chan.make(1);
                WaitGroup wg = new WaitGroup();
                List<String> got = new ArrayList<>();
                for (String n : names) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      results.send(fetch(n));
                    } finally {
                      wg.done();
                    }
                  });
                  wg.await();
                  got.add(results.receive());
                }
                return got;
              }

              // Room for every round's result, read after the loop.
              List<String> roomForEveryRound(List<String> names) {
                Chan<String> results = Chan.make(names.size());
                WaitGroup wg = new WaitGroup();
                for (String n : names) {
                  wg.go(() -> results.send(fetch(n)));
                  wg.await();
                }
                List<String> got = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                  got.add(results.receive());
                }
                return got;
              }

              // The goroutine sends only when asked, into a channel nobody else needs.
              void sendsWithAWayOut(Context ctx, List<String> names) {
                Chan<String> results = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (String n : names) {
                  wg.go(() -> Select.<Void>select()
                      .send(results, fetch(n), () -> null)
                      .recv(ctx.done(), d -> null)
                      .run());
                  wg.await();
                }
              }
            }
            """)
        .addSourceLines(
            "RoundBugs.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;

            class RoundBugs {
              static String fetch(String s) { return s; }

              List<String> progressReadAfterTheLoop(List<String> names) {
                Chan<String> progress = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (String n : names) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      progress.send(fetch(n));
                    } finally {
                      wg.done();
                    }
                  });
                  // BUG: Diagnostic contains: can send on 'progress' before it is done
                  wg.await();
                }
                List<String> got = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                  got.add(progress.receive());
                }
                return got;
              }

              // Two slots: the third round's goroutine finds them full.
              List<String> slotsRunOut(List<String> names) {
                Chan<String> results = Chan.make(2);
                WaitGroup wg = new WaitGroup();
                for (String n : names) {
                  wg.go(() -> results.send(fetch(n)));
                  // BUG: Diagnostic contains: receives from 'results' only after the loop
                  wg.await();
                }
                results.close();
                List<String> got = new ArrayList<>();
                for (String r : results) {
                  got.add(r);
                }
                return got;
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixMovesTheAwaitAfterTheLoop() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class Fix {
              static void work(int i) {}

              void loadPlugins(List<Integer> plugins) {
                WaitGroup wg = new WaitGroup();
                wg.add(plugins.size());
                for (int p : plugins) {
                  Go.go(() -> {
                    try {
                      work(p);
                    } finally {
                      wg.done();
                    }
                  });
                  wg.await();
                }
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class Fix {
              static void work(int i) {}

              void loadPlugins(List<Integer> plugins) {
                WaitGroup wg = new WaitGroup();
                wg.add(plugins.size());
                for (int p : plugins) {
                  Go.go(() -> {
                    try {
                      work(p);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForAnAwaitUnderACondition() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import dev.goconc.Go;
            import dev.goconc.WaitGroup;
            import java.util.List;

            class NoFix {
              void run(List<Integer> jobs, boolean sync) {
                WaitGroup wg = new WaitGroup();
                wg.add(jobs.size());
                for (int job : jobs) {
                  Go.go(() -> wg.done());
                  if (sync) {
                    wg.await();
                  }
                }
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
