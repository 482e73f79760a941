package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class RegisterInsideTaskTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(RegisterInsideTask.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(RegisterInsideTask.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import java.util.List;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Phaser;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.TimeoutException;

            class Idioms {
              static void process(int n) {}

              // The idiom: register for each task before starting it.
              void registerBeforeLaunch(ExecutorService pool, List<Integer> items) {
                Phaser phaser = new Phaser(1);
                for (int item : items) {
                  phaser.register();
                  pool.execute(() -> {
                    try {
                      process(item);
                    } finally {
                      phaser.arriveAndDeregister();
                    }
                  });
                }
                phaser.arriveAndAwaitAdvance();
              }

              // bulkRegister for all tasks up front.
              void bulkRegisterFirst(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                phaser.bulkRegister(2);
                pool.execute(() -> { process(1); phaser.arriveAndDeregister(); });
                pool.execute(() -> { process(2); phaser.arriveAndDeregister(); });
                phaser.arriveAndAwaitAdvance();
              }

              // Counted right before it starts, the task registers for a child of its own.
              void countedBeforeLaunch(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                phaser.register();
                pool.execute(() -> {
                  phaser.register();
                  pool.execute(() -> { process(3); phaser.arriveAndDeregister(); });
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
              }

              // Counted through the constructor's parties, the task registers for its children.
              void countedByConstructor(ExecutorService pool) {
                Phaser phaser = new Phaser(2);
                pool.execute(() -> {
                  phaser.register();
                  Thread.startVirtualThread(() -> { process(4); phaser.arriveAndDeregister(); });
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
              }

              // A timed wait expects to give up.
              void timedWait(ExecutorService pool) throws InterruptedException, TimeoutException {
                Phaser phaser = new Phaser(1);
                pool.execute(() -> {
                  phaser.register();
                  process(5);
                  phaser.arriveAndDeregister();
                });
                int phase = phaser.arrive();
                phaser.awaitAdvanceInterruptibly(phase, 1, TimeUnit.SECONDS);
              }

              // The caller waits: not seen here.
              void callerWaits(ExecutorService pool, Phaser phaser) {
                pool.execute(() -> {
                  phaser.register();
                  process(6);
                  phaser.arriveAndDeregister();
                });
              }

              // A registration one call away, in a helper, is not judged.
              void helperRegisters(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                pool.execute(() -> join(phaser));
                phaser.arriveAndAwaitAdvance();
              }

              static void join(Phaser phaser) {
                phaser.register();
                process(7);
                phaser.arriveAndDeregister();
              }

              // No task: the same thread registers and waits.
              void sameThread() {
                Phaser phaser = new Phaser(1);
                phaser.register();
                process(8);
                phaser.arriveAndDeregister();
                phaser.arriveAndAwaitAdvance();
              }

              // A phaser reached through a call's result is not followed.
              void notFollowed(ExecutorService pool, List<Phaser> phasers) {
                pool.execute(() -> {
                  phasers.get(0).register();
                  process(9);
                });
                phasers.get(0).arriveAndAwaitAdvance();
              }

              // A phaser of the task's own, waited on inside it.
              void taskOwnPhaser(ExecutorService pool) {
                pool.execute(() -> {
                  Phaser own = new Phaser(1);
                  own.register();
                  process(10);
                  own.arriveAndDeregister();
                  own.arriveAndAwaitAdvance();
                });
              }

              // A latch's count is fixed when it is made: nothing for a task to register.
              void latchCountedUpFront(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(2);
                pool.execute(() -> { try { process(11); } finally { latch.countDown(); } });
                pool.execute(() -> { try { process(12); } finally { latch.countDown(); } });
                latch.await();
              }

              // The registration runs in a callback, not as the task's own code.
              void nestedCallback(ExecutorService pool, List<Runnable> hooks) {
                Phaser phaser = new Phaser(1);
                pool.execute(() -> {
                  process(13);
                  hooks.add(() -> phaser.register());
                });
                phaser.arriveAndAwaitAdvance();
              }

              // The task registers on one phaser; the method waits on another.
              void anotherPhaser(ExecutorService pool, Phaser shared) {
                Phaser mine = new Phaser(1);
                pool.execute(() -> {
                  shared.register();
                  process(14);
                  shared.arriveAndDeregister();
                });
                mine.arriveAndAwaitAdvance();
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
            import java.util.List;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.Phaser;

            class Shapes {
              static void process(int n) {}
              static int compute(int n) { return n; }

              private final Phaser workers = new Phaser(1);

              void inALoop(ExecutorService pool, List<Integer> items) {
                Phaser phaser = new Phaser(1);
                for (int item : items) {
                  pool.execute(() -> {
                    // BUG: Diagnostic contains: phaser.register() inside the task races with phaser.arriveAndAwaitAdvance() on line
                    phaser.register();
                    process(item);
                    phaser.arriveAndDeregister();
                  });
                }
                phaser.arriveAndAwaitAdvance();
              }

              void anonymousRunnable(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                pool.execute(new Runnable() {
                  @Override
                  public void run() {
                    // BUG: Diagnostic contains: phaser.register() inside the task races
                    phaser.register();
                    process(1);
                    phaser.arriveAndDeregister();
                  }
                });
                phaser.arriveAndAwaitAdvance();
              }

              void methodReference(ExecutorService pool) {
                pool.execute(this::work);
              }

              private void work() {
                // BUG: Diagnostic contains: workers.register() inside the task races with workers.awaitAdvance(...) on line
                workers.register();
                process(2);
                workers.arriveAndDeregister();
              }

              void awaitWorkers() {
                workers.awaitAdvance(workers.arrive());
              }

              void virtualThread() {
                Phaser phaser = new Phaser(1);
                Thread.startVirtualThread(() -> {
                  // BUG: Diagnostic contains: phaser.register() inside the task races
                  phaser.register();
                  process(3);
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
              }

              void runAsync() {
                Phaser phaser = new Phaser(1);
                CompletableFuture.runAsync(() -> {
                  // BUG: Diagnostic contains: phaser.register() inside the task races
                  phaser.register();
                  process(4);
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
              }

              void bulkRegister(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                pool.execute(() -> {
                  // BUG: Diagnostic contains: phaser.bulkRegister(2) inside the task races
                  phaser.bulkRegister(2);
                  process(5);
                  phaser.arriveAndDeregister();
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
              }

              void afterWork(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                pool.execute(() -> {
                  process(6);
                  // BUG: Diagnostic contains: phaser.register() inside the task races
                  phaser.register();
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
              }

              void inTryBlock(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                pool.execute(() -> {
                  try {
                    // BUG: Diagnostic contains: phaser.register() inside the task races
                    phaser.register();
                    process(7);
                  } finally {
                    phaser.arriveAndDeregister();
                  }
                });
                phaser.arriveAndAwaitAdvance();
              }

              void taskLocal(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                Runnable task = () -> {
                  // BUG: Diagnostic contains: phaser.register() inside the task races
                  phaser.register();
                  process(8);
                  phaser.arriveAndDeregister();
                };
                pool.execute(task);
                phaser.arriveAndAwaitAdvance();
              }

              void taskLocalByReference(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                Runnable body = () -> {
                  // BUG: Diagnostic contains: phaser.register() inside the task races
                  phaser.register();
                  process(13);
                  phaser.arriveAndDeregister();
                };
                Thread.startVirtualThread(body::run);
                phaser.arriveAndAwaitAdvance();
              }

              int callable(ExecutorService pool) throws Exception {
                Phaser phaser = new Phaser(1);
                Future<Integer> result = pool.submit(() -> {
                  // BUG: Diagnostic contains: phaser.register() inside the task races
                  phaser.register();
                  int value = compute(9);
                  phaser.arriveAndDeregister();
                  return value;
                });
                phaser.arriveAndAwaitAdvance();
                return result.get();
              }

              void untimedInterruptibly(ExecutorService pool) throws InterruptedException {
                Phaser phaser = new Phaser(1);
                pool.execute(() -> {
                  // BUG: Diagnostic contains: races with phaser.awaitAdvanceInterruptibly(...) on line
                  phaser.register();
                  process(10);
                  phaser.arriveAndDeregister();
                });
                phaser.awaitAdvanceInterruptibly(phaser.arrive());
              }

              void platformThread() {
                Phaser phaser = new Phaser(1);
                Thread worker = new Thread(() -> {
                  // BUG: Diagnostic contains: phaser.register() inside the task races
                  phaser.register();
                  process(12);
                  phaser.arriveAndDeregister();
                });
                worker.start();
                phaser.arriveAndAwaitAdvance();
              }

              void threadBuilder() {
                Phaser phaser = new Phaser(1);
                Thread.ofVirtual().start(() -> {
                  // BUG: Diagnostic contains: phaser.register() inside the task races
                  phaser.register();
                  process(11);
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixRegistersBeforeTheLaunch() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Phaser;

            class Fix {
              static void process(int n) {}

              void run(ExecutorService pool, List<Integer> items) {
                Phaser phaser = new Phaser(1);
                for (int item : items) {
                  pool.execute(() -> {
                    phaser.register(); // one party per task
                    process(item);
                    phaser.arriveAndDeregister();
                  });
                }
                phaser.arriveAndAwaitAdvance();
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Phaser;

            class Fix {
              static void process(int n) {}

              void run(ExecutorService pool, List<Integer> items) {
                Phaser phaser = new Phaser(1);
                for (int item : items) {
                  phaser.register(); // one party per task
                  pool.execute(() -> {
                    process(item);
                    phaser.arriveAndDeregister();
                  });
                }
                phaser.arriveAndAwaitAdvance();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhereMovingWouldChangeTheCode() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Phaser;

            class NoFix {
              static void process(int n) {}

              void run(ExecutorService pool, int parties) {
                Phaser phaser = new Phaser(1);
                pool.execute(() -> {
                  process(1);
                  phaser.register();
                  phaser.arriveAndDeregister();
                });
                Runnable task = () -> {
                  phaser.register();
                  process(2);
                  phaser.arriveAndDeregister();
                };
                pool.execute(task);
                pool.execute(task);
                var future = pool.submit(() -> {
                  int n = parties;
                  phaser.bulkRegister(n);
                });
                phaser.arriveAndAwaitAdvance();
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
