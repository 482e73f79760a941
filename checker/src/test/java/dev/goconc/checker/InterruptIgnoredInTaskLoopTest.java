package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class InterruptIgnoredInTaskLoopTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(InterruptIgnoredInTaskLoop.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(InterruptIgnoredInTaskLoop.class, getClass());

  /**
   * A unit that starts a platform thread ({@code thread.start()}, a launch with no argument) beside
   * a task loop: found on ZooKeeper's LearnerHandler by the real-code check, where reading the
   * launch's first argument crashed.
   */
  @Test
  void judgesUnitsThatStartThreadsWithoutArguments() {
    helper
        .addSourceLines(
            "Handler.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Handler {
              private final BlockingQueue<String> queue;

              Handler(BlockingQueue<String> queue) {
                this.queue = queue;
              }

              void start(ExecutorService pool) {
                Thread sender = new Thread(this::send);
                sender.start();
                new Thread(() -> System.out.println("started")).start();
                pool.execute(this::send);
              }

              void send() {
                while (true) {
                  try {
                    System.out.println(queue.take());
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnLoopsThatInterruptionStops() {
    helper
        .addSourceLines(
            "Stops.java",
            """
            import java.util.List;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.atomic.AtomicBoolean;

            class Stops {
              private volatile boolean running = true;
              private final AtomicBoolean open = new AtomicBoolean(true);

              static void handle(String s) {}

              // The InterruptedException leaves the Callable, and the loop with it.
              void propagates(ExecutorService pool, BlockingQueue<String> q) {
                pool.submit(() -> {
                  while (true) {
                    handle(q.take());
                  }
                });
              }

              // Restores the interrupt and returns.
              void restoresAndReturns(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      handle(q.take());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                });
              }

              // Breaks out of the loop.
              void breaks(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  for (;;) {
                    try {
                      handle(q.take());
                    } catch (InterruptedException e) {
                      break;
                    }
                  }
                  handle("done");
                });
              }

              // Rethrows, wrapped.
              void rethrows(ExecutorService pool) {
                pool.execute(new Runnable() {
                  @Override
                  public void run() {
                    while (true) {
                      try {
                        TimeUnit.SECONDS.sleep(1);
                      } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                    }
                  }
                });
              }

              // Checks the status, and the catch restores it.
              void checksAndRestores(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      handle(q.take());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                });
              }

              // A running flag that stop() clears: the owner's way to end it.
              void runningFlag(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (running) {
                    try {
                      handle(q.poll(1, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                      // stop() clears the flag and interrupts
                    }
                  }
                });
              }

              void stop() {
                running = false;
              }

              // An atomic flag in the condition.
              void atomicFlag(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (open.get()) {
                    try {
                      handle(q.take());
                    } catch (InterruptedException e) {
                      open.set(false);
                    }
                  }
                });
              }

              // A bounded count ends on its own.
              void bounded(ExecutorService pool) {
                pool.execute(() -> {
                  for (int i = 0; i < 10; i++) {
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      handle("tick " + i);
                    }
                  }
                });
              }

              // A for-each over the futures is bounded.
              void forEachFuture(ExecutorService pool, List<Future<String>> parts) {
                pool.execute(() -> {
                  for (Future<String> part : parts) {
                    try {
                      handle(part.get());
                    } catch (Exception e) {
                      handle("failed");
                    }
                  }
                });
              }

              // The try is around the loop: the exception leaves it.
              void tryAroundLoop(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  try {
                    while (true) {
                      handle(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
              }

              // The catch records the interrupt in the flag the loop tests.
              void recordsInFlag(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  boolean interrupted = false;
                  while (!interrupted) {
                    try {
                      handle(q.take());
                    } catch (InterruptedException e) {
                      interrupted = true;
                    }
                  }
                });
              }

              // The catch calls a method that throws.
              void delegatesToThrower(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      handle(q.take());
                    } catch (InterruptedException e) {
                      fail(e);
                    }
                  }
                });
              }

              static void fail(InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
              }

              // A labelled break leaves the outer loop too.
              void labelledBreak(ExecutorService pool, List<BlockingQueue<String>> qs) {
                pool.execute(() -> {
                  outer:
                  while (true) {
                    for (BlockingQueue<String> q : qs) {
                      try {
                        handle(q.take());
                      } catch (InterruptedException e) {
                        break outer;
                      }
                    }
                  }
                });
              }

              // The common pool: nothing interrupts it, so the loop is not judged here.
              void commonPool(BlockingQueue<String> q) {
                CompletableFuture.runAsync(() -> {
                  while (true) {
                    try {
                      handle(q.take());
                    } catch (InterruptedException e) {
                      handle("again");
                    }
                  }
                });
              }

              // The catch may leave.
              void mayLeave(ExecutorService pool, BlockingQueue<String> q, boolean strict) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      handle(q.take());
                    } catch (InterruptedException e) {
                      if (strict) {
                        return;
                      }
                    }
                  }
                });
              }

              // Not a task: a loop on the caller's own thread.
              void notATask(BlockingQueue<String> q) {
                while (true) {
                  try {
                    handle(q.take());
                  } catch (InterruptedException e) {
                    handle("again");
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnANamedTaskClassThatRestores() {
    helper
        .addSourceLines(
            "Worker.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Worker implements Runnable {
              private final BlockingQueue<String> q;

              Worker(BlockingQueue<String> q) {
                this.q = q;
              }

              @Override
              public void run() {
                while (!Thread.interrupted()) {
                  try {
                    System.out.println(q.take());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              }

              static void start(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(new Worker(q));
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsLoopsThatGoRoundAgain() {
    helper
        .addSourceLines(
            "Ignores.java",
            """
            import java.util.List;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.ExecutionException;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.TimeUnit;

            class Ignores {
              static final String POISON = "";

              static void handle(String s) {}

              // A lambda given to execute: swallowed.
              void lambda(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      handle(q.take());
                      // BUG: Diagnostic contains: InterruptedException of take() and the loop goes round again
                    } catch (InterruptedException e) {
                      System.err.println("interrupted, going on");
                    }
                  }
                });
              }

              // An anonymous Runnable sleeping.
              void anonymous(ExecutorService pool) {
                pool.submit(new Runnable() {
                  @Override
                  public void run() {
                    for (;;) {
                      try {
                        TimeUnit.SECONDS.sleep(5);
                        handle("tick");
                        // BUG: Diagnostic contains: of sleep() and the loop goes round again
                      } catch (InterruptedException ignored) {
                      }
                    }
                  }
                });
              }

              // Restores the interrupt but goes round: the next take() throws at once.
              void spins(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      handle(q.take());
                      // BUG: Diagnostic contains: the next take() throws at once and the task spins
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                });
              }

              // Checks the status, but the catch cleared it.
              void checkNeverSees(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      handle(q.take());
                      // BUG: Diagnostic contains: interruption check never sees an interrupt
                    } catch (InterruptedException e) {
                      System.err.println("interrupted");
                    }
                  }
                });
              }

              // catch (Exception e) takes the InterruptedException too.
              void catchesException(ExecutorService pool, Future<String> f) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      handle(f.get());
                      // BUG: Diagnostic contains: InterruptedException of get()
                    } catch (Exception e) {
                      System.err.println("retrying: " + e);
                    }
                  }
                });
              }

              // A do-while on a latch.
              void doWhile(ExecutorService pool, CountDownLatch latch) {
                pool.execute(() -> {
                  do {
                    try {
                      latch.await();
                      handle("released");
                      // BUG: Diagnostic contains: InterruptedException of await()
                    } catch (InterruptedException e) {
                      handle("again");
                    }
                  } while (true);
                });
              }

              // A poison pill ends it, the interrupt does not.
              void poisonPill(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      String s = q.take();
                      if (s.equals(POISON)) {
                        break;
                      }
                      handle(s);
                      // BUG: Diagnostic contains: goes round again
                    } catch (InterruptedException e) {
                      continue;
                    }
                  }
                });
              }

              // The same with a local flag.
              void localFlag(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  boolean done = false;
                  while (!done) {
                    try {
                      String s = q.take();
                      done = s.equals(POISON);
                      // BUG: Diagnostic contains: goes round again
                    } catch (InterruptedException e) {
                      System.err.println("ignored");
                    }
                  }
                });
              }

              // A virtual thread.
              void virtualThread() {
                Thread.startVirtualThread(() -> {
                  while (true) {
                    try {
                      Thread.sleep(1000);
                      handle("beat");
                      // BUG: Diagnostic contains: of sleep()
                    } catch (InterruptedException e) {
                      handle("beat anyway");
                    }
                  }
                });
              }

              // A task local.
              void taskLocal(ExecutorService pool, BlockingQueue<String> q) {
                Runnable drain = () -> {
                  while (true) {
                    try {
                      handle(q.take());
                      // BUG: Diagnostic contains: of take()
                    } catch (InterruptedException e) {
                      handle("drain on");
                    }
                  }
                };
                pool.execute(drain);
              }

              // The wait is in a nested for-each; the outer loop's multi-catch swallows.
              void nestedWait(ExecutorService pool, List<Future<String>> parts) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      for (Future<String> part : parts) {
                        handle(part.get());
                      }
                      // BUG: Diagnostic contains: of get()
                    } catch (InterruptedException | ExecutionException e) {
                      handle("round failed");
                    }
                  }
                });
              }

              // runAsync on a pool: shutdownNow() interrupts it.
              void runAsyncOnPool(ExecutorService pool, BlockingQueue<String> q) {
                CompletableFuture.runAsync(() -> {
                  while (true) {
                    try {
                      handle(q.take());
                      // BUG: Diagnostic contains: of take()
                    } catch (InterruptedException e) {
                      handle("on");
                    }
                  }
                }, pool);
              }

              // A lambda that only calls a method of the unit runs that method as the task.
              void delegates(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> consume(q));
              }

              void consume(BlockingQueue<String> q) {
                while (true) {
                  try {
                    handle(q.take());
                    // BUG: Diagnostic contains: of take()
                  } catch (InterruptedException e) {
                    handle("consume on");
                  }
                }
              }

              // A method reference to a method of the unit.
              void methodReference(ExecutorService pool) {
                pool.submit(this::poll);
              }

              void poll() {
                while (true) {
                  try {
                    Thread.sleep(250);
                    handle("poll");
                    // BUG: Diagnostic contains: of sleep()
                  } catch (InterruptedException e) {
                    handle("poll again");
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsANamedTaskClass() {
    helper
        .addSourceLines(
            "Consumer.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Consumer implements Runnable {
              private final BlockingQueue<String> q;

              Consumer(BlockingQueue<String> q) {
                this.q = q;
              }

              @Override
              public void run() {
                while (true) {
                  try {
                    System.out.println(q.take());
                    // BUG: Diagnostic contains: shutdownNow() or cancel(true) cannot stop the task
                  } catch (InterruptedException e) {
                    System.err.println("interrupted");
                  }
                }
              }

              static void start(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(new Consumer(q));
              }
            }
            """)
        .doTest();
  }

  /** A Runnable or Callable a method returns is a task its caller starts. */
  @Test
  void tasksReturnedByFactories() {
    helper
        .addSourceLines(
            "Factories.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.Callable;
            import java.util.function.Supplier;

            class Factories {
              // The returned task ends on the interrupt.
              static Runnable consumer(BlockingQueue<String> q) {
                return () -> {
                  while (true) {
                    try {
                      System.out.println(q.take());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                };
              }

              // A supplier is not a task: it is asked for a value where it is called.
              static Supplier<String> poller(BlockingQueue<String> q) {
                return () -> {
                  while (true) {
                    try {
                      return q.take();
                    } catch (InterruptedException e) {
                      System.err.println("retrying");
                    }
                  }
                };
              }

              static Runnable swallowing(BlockingQueue<String> q) {
                return () -> {
                  while (true) {
                    try {
                      System.out.println(q.take());
                      // BUG: Diagnostic contains: cannot stop the task
                    } catch (InterruptedException ignored) {
                    }
                  }
                };
              }

              static Callable<Integer> counting(BlockingQueue<String> q) {
                return new Callable<Integer>() {
                  @Override
                  public Integer call() {
                    int n = 0;
                    for (;;) {
                      try {
                        q.take();
                        n++;
                        // BUG: Diagnostic contains: cannot stop the task
                      } catch (InterruptedException e) {
                        System.err.println("interrupted after " + n);
                      }
                    }
                  }
                };
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnFlagsThatCanChangeAndOnCountedLoops() {
    helper
        .addSourceLines(
            "Flags.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Flags {
              private volatile boolean running = true;
              private boolean active;
              private boolean open = true;
              volatile boolean visible = true;
              private BlockingQueue<String> queue;
              private ExecutorService pool;

              // A stop() method clears the flag.
              void start() {
                pool.submit(this::drain);
              }

              private void drain() {
                while (running) {
                  try {
                    System.out.println(queue.take());
                  } catch (InterruptedException e) {
                    System.err.println("interrupted");
                  }
                }
              }

              void stop() {
                running = false;
                pool.shutdownNow();
              }

              // Set to true on start after the default false: written with two values.
              void begin() {
                this.active = true;
                pool.execute(() -> {
                  while (this.active) {
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      System.err.println(e);
                    }
                  }
                });
              }

              // Cleared through a compound assignment.
              void close(boolean last) {
                open &= !last;
              }

              void watch() {
                pool.execute(() -> {
                  while (open) {
                    try {
                      queue.take();
                    } catch (InterruptedException e) {
                      e.printStackTrace();
                    }
                  }
                });
              }

              // Not private: another class can clear it.
              void shared() {
                pool.execute(() -> {
                  while (visible) {
                    try {
                      queue.take();
                    } catch (InterruptedException e) {
                      e.printStackTrace();
                    }
                  }
                });
              }

              // A counted loop ends, whatever its bound.
              void counted() {
                pool.execute(() -> {
                  for (int i = 0; i < 1_000_000; i++) {
                    try {
                      Thread.sleep(1000);
                    } catch (InterruptedException e) {
                      e.printStackTrace();
                    }
                  }
                });
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsLoopsOnAFlagNothingClears() {
    helper
        .addSourceLines(
            "NeverCleared.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class NeverCleared {
              private volatile boolean running = true;
              private boolean stopped;
              private BlockingQueue<String> queue;
              private ExecutorService pool;

              void start() {
                pool.submit(this::drain);
              }

              private void drain() {
                while (running) {
                  try {
                    System.out.println(queue.take());
                    // BUG: Diagnostic contains: the loop goes round again
                  } catch (InterruptedException e) {
                    System.err.println("interrupted, retrying");
                  }
                }
              }

              void poll() {
                pool.execute(() -> {
                  while (!this.stopped) {
                    try {
                      Thread.sleep(500);
                      // BUG: Diagnostic contains: the loop goes round again
                    } catch (InterruptedException e) {
                      e.printStackTrace();
                    }
                  }
                });
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixRestoresAndBreaks() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Fix {
              void consume(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      System.out.println(q.take());
                    } catch (InterruptedException e) {
                      System.err.println("interrupted");
                    }
                  }
                });
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Fix {
              void consume(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      System.out.println(q.take());
                    } catch (InterruptedException e) {
                      System.err.println("interrupted");
                      Thread.currentThread().interrupt();
                      break;
                    }
                  }
                });
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixRestoresForTheLoopsOwnCheck() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Fix {
              void consume(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      System.out.println(q.take());
                    } catch (InterruptedException e) {}
                  }
                });
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Fix {
              void consume(ExecutorService pool, BlockingQueue<String> q) {
                pool.execute(() -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      System.out.println(q.take());
                    } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                  }
                });
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixBreaksAfterTheRestoreInARunMethod() {
    refactoring
        .addInputLines(
            "Spin.java",
            """
            import java.util.concurrent.ExecutorService;

            class Spin implements Runnable {
              @Override
              public void run() {
                while (true) {
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              }

              static void start(ExecutorService pool) {
                pool.execute(new Spin());
              }
            }
            """)
        .addOutputLines(
            "Spin.java",
            """
            import java.util.concurrent.ExecutorService;

            class Spin implements Runnable {
              @Override
              public void run() {
                while (true) {
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                  }
                }
              }

              static void start(ExecutorService pool) {
                pool.execute(new Spin());
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForACatchOfException() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;

            class NoFix {
              void retry(ExecutorService pool, Future<String> f) {
                pool.execute(() -> {
                  while (true) {
                    try {
                      System.out.println(f.get());
                    } catch (Exception e) {
                      System.err.println(e);
                    }
                  }
                });
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhereABreakWouldLeaveACallableWithoutAValue() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class NoFix {
              void consume(ExecutorService pool, BlockingQueue<String> q) {
                pool.submit(() -> {
                  while (true) {
                    try {
                      System.out.println(q.take());
                    } catch (InterruptedException e) {
                      System.err.println("interrupted");
                    }
                  }
                });
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
