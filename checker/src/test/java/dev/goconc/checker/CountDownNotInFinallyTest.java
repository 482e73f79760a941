package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class CountDownNotInFinallyTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(CountDownNotInFinally.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(CountDownNotInFinally.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import java.util.List;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Phaser;
            import java.util.concurrent.Semaphore;
            import java.util.concurrent.TimeUnit;

            class Idioms {
              static void process(int n) {}

              // The idiom: countDown() in finally, whatever the task throws.
              void inFinally(ExecutorService pool, List<Integer> items) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(items.size());
                for (int item : items) {
                  pool.submit(() -> {
                    try {
                      process(item);
                    } finally {
                      latch.countDown();
                    }
                  });
                }
                latch.await();
              }

              // Nothing can throw before it: the count-down comes first.
              void countDownFirst(ExecutorService pool) throws InterruptedException {
                CountDownLatch started = new CountDownLatch(1);
                pool.execute(() -> {
                  started.countDown();
                  process(1);
                });
                started.await();
              }

              // An expression lambda that only counts down.
              void onlyCountDown(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> latch.countDown());
                latch.await();
              }

              // A timed wait gives up by itself.
              boolean timedWait(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  process(2);
                  latch.countDown();
                });
                return latch.await(5, TimeUnit.SECONDS);
              }

              // The caller waits: not seen here.
              void callerWaits(ExecutorService pool, CountDownLatch latch) {
                pool.execute(() -> {
                  process(3);
                  latch.countDown();
                });
              }

              // A semaphore taken as a lock inside the task.
              void semaphoreAsLockInTask(ExecutorService pool, Semaphore lock)
                  throws InterruptedException {
                pool.execute(() -> {
                  lock.acquireUninterruptibly();
                  process(4);
                  lock.release();
                });
                lock.acquire();
                lock.release();
              }

              // A semaphore used as a lock in the same code: no task at all.
              void semaphoreAsLock(Semaphore lock) throws InterruptedException {
                lock.acquire();
                process(5);
                lock.release();
              }

              // tryAcquire with a timeout gives up by itself.
              boolean tryAcquire(ExecutorService pool) throws InterruptedException {
                Semaphore done = new Semaphore(0);
                pool.execute(() -> {
                  process(6);
                  done.release();
                });
                return done.tryAcquire(1, TimeUnit.SECONDS);
              }

              // Everything before the count-down is caught.
              void catchesThrowable(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    process(7);
                  } catch (Throwable t) {
                    System.err.println(t);
                  }
                  latch.countDown();
                });
                latch.await();
              }

              // A latch reached through a call's result or an array element is not followed.
              void notFollowed(ExecutorService pool, List<CountDownLatch> latches,
                  CountDownLatch[] array) throws InterruptedException {
                pool.execute(() -> {
                  process(8);
                  latches.get(0).countDown();
                  array[0].countDown();
                });
                latches.get(0).await();
                array[0].await();
              }

              // The count-down runs in a callback, after the task completes either way.
              void whenComplete(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                CompletableFuture.runAsync(() -> process(9), pool)
                    .whenComplete((result, error) -> latch.countDown());
                latch.await();
              }

              // A phaser's party deregisters in finally.
              void phaserInFinally(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                phaser.register();
                pool.execute(() -> {
                  try {
                    process(10);
                  } finally {
                    phaser.arriveAndDeregister();
                  }
                });
                phaser.arriveAndAwaitAdvance();
              }

              // An anonymous Runnable counting down in finally.
              void anonymousInFinally(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(new Runnable() {
                  @Override
                  public void run() {
                    try {
                      process(11);
                    } finally {
                      latch.countDown();
                    }
                  }
                });
                latch.await();
              }

              // A count-down one call away, in a helper, is not judged.
              void helperCountsDown(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> finish(latch));
                latch.await();
              }

              static void finish(CountDownLatch latch) {
                process(12);
                latch.countDown();
              }

              // No task: the same thread counts down and waits.
              void sameThread() throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                process(13);
                latch.countDown();
                latch.await();
              }

              // A count-down in a nested lambda runs later, not as the task's own code.
              void nestedCallback(ExecutorService pool, List<Runnable> hooks)
                  throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  process(14);
                  hooks.add(() -> latch.countDown());
                });
                latch.await();
              }

              // A thread that is run in place, or never started, runs no task.
              void threadNotStarted() throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(2);
                Thread inPlace = new Thread(() -> {
                  process(16);
                  latch.countDown();
                });
                inPlace.run();
                Thread never = new Thread(() -> {
                  process(17);
                  latch.countDown();
                });
                latch.await();
              }

              // Deliberately quiet: a phaser party in lockstep (the task waits on the phaser itself).
              void lockstepParty(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                phaser.register();
                pool.execute(() -> {
                  phaser.arriveAndAwaitAdvance();
                  process(15);
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
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
            import java.util.concurrent.Callable;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.Phaser;
            import java.util.concurrent.Semaphore;

            class Shapes {
              static void process(int n) {}
              static int compute(int n) { return n; }

              private final CountDownLatch ready = new CountDownLatch(1);

              void afterWork(ExecutorService pool, List<Integer> items) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(items.size());
                for (int item : items) {
                  pool.submit(() -> {
                    process(item);
                    // BUG: Diagnostic contains: latch.countDown() is not in a finally: if the task throws before it, latch.await() on line
                    latch.countDown();
                  });
                }
                latch.await();
              }

              void anonymousRunnable(ExecutorService pool) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(new Runnable() {
                  @Override
                  public void run() {
                    process(1);
                    // BUG: Diagnostic contains: done.countDown() is not in a finally
                    done.countDown();
                  }
                });
                done.await();
              }

              void methodReference(ExecutorService pool) {
                pool.execute(this::warmUp);
              }

              private void warmUp() {
                process(2);
                // BUG: Diagnostic contains: ready.countDown() is not in a finally
                ready.countDown();
              }

              void awaitReady() throws InterruptedException {
                ready.await();
              }

              void virtualThread() throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                Thread.startVirtualThread(() -> {
                  process(3);
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                });
                latch.await();
              }

              void threadBuilder() throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                Thread.ofVirtual().start(() -> {
                  process(4);
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                });
                latch.await();
              }

              void runAsync() throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                CompletableFuture.runAsync(() -> {
                  process(5);
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                });
                latch.await();
              }

              void catchesOnlyExceptions(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    process(6);
                  } catch (RuntimeException e) {
                    System.err.println(e);
                  }
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                });
                latch.await();
              }

              void inTryBody(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    process(7);
                    // BUG: Diagnostic contains: latch.countDown() is not in a finally
                    latch.countDown();
                  } catch (IllegalStateException e) {
                    System.err.println(e);
                  }
                });
                latch.await();
              }

              void earlyReturn(ExecutorService pool, List<Integer> items) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  if (items.isEmpty()) {
                    return;
                  }
                  process(items.get(0));
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                });
                latch.await();
              }

              void semaphoreThrottle(ExecutorService pool, List<Integer> items)
                  throws InterruptedException {
                Semaphore slots = new Semaphore(4);
                for (int item : items) {
                  slots.acquire();
                  pool.execute(() -> {
                    process(item);
                    // BUG: Diagnostic contains: slots.release() is not in a finally: if the task throws before it, slots.acquire() on line
                    slots.release();
                  });
                }
              }

              void phaserDeregister(ExecutorService pool) {
                Phaser phaser = new Phaser(1);
                phaser.register();
                pool.execute(() -> {
                  process(8);
                  // BUG: Diagnostic contains: phaser.arriveAndDeregister() is not in a finally: if the task throws before it, phaser.arriveAndAwaitAdvance() on line
                  phaser.arriveAndDeregister();
                });
                phaser.arriveAndAwaitAdvance();
              }

              int callableReturns(ExecutorService pool) throws Exception {
                CountDownLatch latch = new CountDownLatch(1);
                Future<Integer> result = pool.submit(() -> {
                  int value = compute(9);
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                  return value;
                });
                latch.await();
                return result.get();
              }

              void taskLocal(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                Runnable task = () -> {
                  process(10);
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                };
                pool.execute(task);
                latch.await();
              }

              void taskLocalByReference(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                Runnable body = () -> {
                  process(15);
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                };
                pool.execute(body::run);
                latch.await();
              }

              void tryWithResources(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  try (AutoCloseable resource = () -> {}) {
                    process(11);
                    // BUG: Diagnostic contains: latch.countDown() is not in a finally
                    latch.countDown();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
                latch.await();
              }

              void platformThread() throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                new Thread(() -> {
                  process(13);
                  // BUG: Diagnostic contains: latch.countDown() is not in a finally
                  latch.countDown();
                }, "worker").start();
                latch.await();
              }

              void threadLocal() throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                Thread worker = new Thread(new Runnable() {
                  @Override
                  public void run() {
                    process(14);
                    // BUG: Diagnostic contains: latch.countDown() is not in a finally
                    latch.countDown();
                  }
                });
                worker.setDaemon(true);
                worker.start();
                latch.await();
              }

              void semaphoreSignal(ExecutorService pool) throws InterruptedException {
                Semaphore finished = new Semaphore(0);
                pool.execute(() -> {
                  process(12);
                  // BUG: Diagnostic contains: finished.release(2) is not in a finally
                  finished.release(2);
                });
                finished.acquire(2);
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietWhenNothingBeforeTheCountDownCanThrowAndEveryPathReachesIt() {
    helper
        .addSourceLines(
            "NothingThrows.java",
            """
            import java.io.IOException;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Semaphore;

            class NothingThrows {
              static void load() throws IOException {}

              private final Object lock = new Object();
              private final CountDownLatch started = new CountDownLatch(1);
              private int total;
              private boolean seen;
              private int mode;
              private String label;

              // The only call before the arrival is on the phaser itself: if register() fails,
              // the task is no party and owes no arrival.
              void registersThenArrives(ExecutorService pool) {
                java.util.concurrent.Phaser ph = new java.util.concurrent.Phaser(1);
                pool.submit(() -> {
                  ph.register();
                  ph.arriveAndDeregister();
                });
                ph.arriveAndAwaitAdvance();
              }

              // A field updated under a lock: no call, no new, nothing that can throw.
              void underLock(ExecutorService pool, int x) throws InterruptedException {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(() -> {
                  synchronized (lock) {
                    total += x;
                  }
                  done.countDown();
                });
                done.await();
              }

              // A method reference: assignments to fields and a branch on a local.
              void byReference(ExecutorService pool) throws InterruptedException {
                pool.submit(this::markStarted);
                started.await();
              }

              private void markStarted() {
                this.seen = true;
                int next = mode + 1;
                if (next > 3) {
                  mode = 0;
                } else {
                  mode = next;
                }
                started.countDown();
              }

              // An anonymous task: every branch counts down, one of them early.
              void everyBranch(ExecutorService pool, boolean fast) throws InterruptedException {
                Semaphore finished = new Semaphore(0);
                pool.execute(new Runnable() {
                  @Override
                  public void run() {
                    if (fast) {
                      finished.release();
                      return;
                    }
                    seen = !seen;
                    finished.release();
                  }
                });
                finished.acquire();
              }

              // A conditional expression of constants, written to a field through this.
              void conditional(ExecutorService pool, boolean fast) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  this.label = fast ? "fast" : "slow";
                  latch.countDown();
                });
                latch.await();
              }

              // A loop whose every way out passes the count-down.
              void countsDownInTheLoop(ExecutorService pool, int rounds) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                Thread.startVirtualThread(() -> {
                  int i = 0;
                  while (true) {
                    i++;
                    if (i >= rounds) {
                      latch.countDown();
                      return;
                    }
                  }
                });
                latch.await();
              }

              // A catch that returns only after counting down.
              void catchCountsDownFirst(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    load();
                  } catch (Throwable t) {
                    latch.countDown();
                    return;
                  }
                  latch.countDown();
                });
                latch.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsWhatCanThrowAndEveryWayOutThatSkipsIt() {
    helper
        .addSourceLines(
            "SkipsIt.java",
            """
            import java.io.IOException;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Semaphore;

            class SkipsIt {
              static void load() throws IOException {}

              private final CountDownLatch ready = new CountDownLatch(1);
              private volatile boolean cancelled;
              private int share;

              // Registered, then work that may fail before the arrival.
              void registersWorksThenArrives(ExecutorService pool) throws IOException {
                java.util.concurrent.Phaser ph = new java.util.concurrent.Phaser(1);
                pool.submit(() -> {
                  ph.register();
                  try {
                    load();
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                  // BUG: Diagnostic contains: ph.arriveAndDeregister() is not in a finally
                  ph.arriveAndDeregister();
                });
                ph.arriveAndAwaitAdvance();
              }

              // A catch that returns before the count-down that follows the try.
              void catchReturns(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    load();
                  } catch (IOException e) {
                    System.err.println("load failed: " + e);
                    return;
                  }
                  // BUG: Diagnostic contains: the task can leave without it (the return on line
                  latch.countDown();
                });
                latch.await();
              }

              // An early return in a method reference's body.
              void skipsWhenCancelled(ExecutorService pool) throws InterruptedException {
                pool.execute(this::prepare);
                ready.await();
              }

              private void prepare() {
                if (cancelled) {
                  return;
                }
                share = 1;
                // BUG: Diagnostic contains: ready.countDown() is not in a finally: the task can leave
                ready.countDown();
              }

              // An array access can throw.
              void arrayAccess(ExecutorService pool, int[] xs, int i) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  share = xs[i];
                  // BUG: Diagnostic contains: if the task throws before it
                  latch.countDown();
                });
                latch.await();
              }

              // An integer division can throw.
              void division(ExecutorService pool, int total, int parts) throws InterruptedException {
                Semaphore done = new Semaphore(0);
                pool.execute(() -> {
                  share = total / parts;
                  // BUG: Diagnostic contains: done.release() is not in a finally: if the task throws
                  done.release();
                });
                done.acquire();
              }

              // A cast can throw.
              void cast(ExecutorService pool, Object o) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(new Runnable() {
                  @Override
                  public void run() {
                    CharSequence text = (CharSequence) o;
                    // BUG: Diagnostic contains: if the task throws before it
                    latch.countDown();
                  }
                });
                latch.await();
              }

              // An unboxing can throw.
              void unboxing(ExecutorService pool, Integer boxed) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                Thread.startVirtualThread(() -> {
                  share = boxed;
                  // BUG: Diagnostic contains: if the task throws before it
                  latch.countDown();
                });
                latch.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixMovesTheCountDownIntoFinally() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;

            class Fix {
              static void process(int n) {}

              void run(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  process(1);
                  process(2);
                  latch.countDown(); // signal
                });
                latch.await();
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;

            class Fix {
              static void process(int n) {}

              void run(ExecutorService pool) throws InterruptedException {
                CountDownLatch latch = new CountDownLatch(1);
                pool.execute(() -> {
                  try {
                    process(1);
                    process(2);
                  } finally {
                    latch.countDown(); // signal
                  }
                });
                latch.await();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheCountDownIsNotTheLastStatement() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutorService;

            class NoFix {
              static int compute(int n) { return n; }

              int run(ExecutorService pool, boolean skip) throws Exception {
                CountDownLatch latch = new CountDownLatch(1);
                var result = pool.submit(() -> {
                  int value = compute(1);
                  latch.countDown();
                  return value;
                });
                pool.execute(() -> {
                  if (skip) {
                    latch.countDown();
                    return;
                  }
                  compute(2);
                  latch.countDown();
                });
                latch.await();
                return result.get();
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
