package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class TimedGetWithoutCancelTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(TimedGetWithoutCancel.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(TimedGetWithoutCancel.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ExecutionException;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.Future;
            import java.util.concurrent.FutureTask;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.TimeoutException;

            class Idioms {
              ExecutorService pool;
              Future<String> kept;

              // 1. cancel(true) in the catch that takes the timeout.
              String cancelInCatch(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  return f.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  f.cancel(true);
                  return "slow";
                }
              }

              // 2. cancel in finally: a no-op once the task is done.
              String cancelInFinally(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  return f.get(2, TimeUnit.SECONDS);
                } finally {
                  f.cancel(true);
                }
              }

              // 3. The future is the caller's: passed in.
              String passedIn(Future<String> f) throws Exception {
                try {
                  return f.get(3, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "caller cancels";
                }
              }

              // 4. Stored in a field: someone else may cancel it.
              String stored(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                kept = f;
                try {
                  return f.get(4, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "kept";
                }
              }

              // 5. A poll: the loop waits on the same future again after a timeout.
              String poll(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                while (true) {
                  try {
                    return f.get(5, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    System.out.println("still waiting");
                  }
                }
              }

              // 6. orTimeout is no timed get.
              String orTimeout() {
                return CompletableFuture.supplyAsync(() -> "x").orTimeout(6, TimeUnit.SECONDS).join();
              }

              // 7. The executor's shutdownNow() interrupts the task.
              String shutdownNow(Callable<String> task) throws Exception {
                ExecutorService own = Executors.newSingleThreadExecutor();
                Future<String> f = own.submit(task);
                try {
                  return f.get(7, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "gave up";
                } finally {
                  own.shutdownNow();
                }
              }

              // 8. try-with-resources: close() waits for the task.
              String closedByTry(Callable<String> task) throws Exception {
                try (ExecutorService own = Executors.newVirtualThreadPerTaskExecutor()) {
                  Future<String> f = own.submit(task);
                  try {
                    return f.get(8, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    return "late";
                  }
                }
              }

              // 9. Returned as well: the caller holds it.
              Future<String> returned(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  f.get(9, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  System.out.println("not yet");
                }
                return f;
              }

              // 10. After the timeout the method waits for the result without a timeout.
              String waitsAnyway(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  return f.get(10, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                  System.out.println("slow; waiting");
                  return f.get();
                }
              }

              // 11. Cancelled after the try, on every path.
              String cancelAfter(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                String result = null;
                try {
                  result = f.get(11, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  System.out.println("slow");
                }
                if (!f.isDone()) {
                  f.cancel(true);
                }
                return result;
              }

              // 12. Passed to a method, in a list: handed over.
              String handedOver(Callable<String> task, List<Future<?>> all) throws Exception {
                Future<String> f = pool.submit(task);
                all.add(f);
                try {
                  return f.get(12, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "tracked";
                }
              }

              // 13. A lambda that captures it may cancel it elsewhere.
              String captured(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> f.cancel(true)));
                try {
                  return f.get(13, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "hook cancels";
                }
              }

              // 14. A multi-catch that cancels.
              String multiCatch(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  return f.get(14, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                  f.cancel(false);
                  throw new IllegalStateException(e);
                }
              }

              // 15. A FutureTask run and cancelled.
              String futureTask(Callable<String> task) throws Exception {
                FutureTask<String> ft = new FutureTask<>(task);
                pool.execute(ft);
                try {
                  return ft.get(15, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  ft.cancel(true);
                  return "cancelled";
                }
              }

              // 16. A timeout that propagates, with cancel in finally.
              String propagatesThroughFinally(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  return f.get(16, TimeUnit.SECONDS);
                } finally {
                  f.cancel(true);
                }
              }

              // 17. A FutureTask run in place: done before the get, no task left behind.
              String runInPlace(Callable<String> task) throws Exception {
                FutureTask<String> ft = new FutureTask<>(task);
                ft.run();
                try {
                  return ft.get(17, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "never";
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsTimeoutsThatAbandonTheTask() {
    helper
        .addSourceLines(
            "Bugs.java",
            """
            import java.util.concurrent.Callable;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.FutureTask;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.TimeoutException;
            import java.util.function.Supplier;

            class Bugs {
              ExecutorService pool;
              ScheduledExecutorService timer;

              // 1. The catch returns a default.
              String fallback(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  // BUG: Diagnostic contains: the catch on line 21 reaches the return at line 22 without cancelling 'f'
                  return f.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "default";
                }
              }

              // 2. The catch wraps and throws.
              String rethrow(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  // BUG: Diagnostic contains: reaches the throw at line 33 without cancelling 'f'
                  return f.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  throw new IllegalStateException("too slow", e);
                }
              }

              // 3. The timeout propagates to a caller who cannot cancel.
              String propagates(Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                // BUG: Diagnostic contains: the TimeoutException of f.get(...) leaves the method without cancelling 'f'
                return f.get(3, TimeUnit.SECONDS);
              }

              // 4. A catch of Exception takes the timeout too.
              String broadCatch(Callable<String> task) {
                Future<String> f = pool.submit(task);
                try {
                  // BUG: Diagnostic contains: without cancelling 'f'
                  return f.get(4, TimeUnit.SECONDS);
                } catch (Exception e) {
                  return null;
                }
              }

              // 5. supplyAsync with a lambda task, void method falling off the end.
              void asyncLog(Supplier<String> work) throws Exception {
                CompletableFuture<String> cf = CompletableFuture.supplyAsync(work);
                try {
                  // BUG: Diagnostic contains: the catch on line 61 reaches the end of the method on line 64
                  System.out.println(cf.get(5, TimeUnit.SECONDS));
                } catch (TimeoutException e) {
                  System.out.println("timed out");
                }
              }

              // 6. Cancel only on one branch of the catch.
              String someBranches(Callable<String> task, boolean strict) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  // BUG: Diagnostic contains: without cancelling 'f'
                  return f.get(6, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  if (strict) {
                    f.cancel(true);
                  }
                  return "late";
                }
              }

              // 7. Inside a lambda that is the owner of the future.
              Runnable inLambda(Callable<String> task) {
                return () -> {
                  Future<String> f = pool.submit(task);
                  try {
                    // BUG: Diagnostic contains: the end of the lambda
                    System.out.println(f.get(7, TimeUnit.SECONDS));
                  } catch (Exception e) {
                    System.out.println("failed: " + e);
                  }
                };
              }

              // 8. A FutureTask run on a thread, abandoned.
              String futureTaskOnThread(Callable<String> task) throws Exception {
                FutureTask<String> ft = new FutureTask<>(task);
                Thread.startVirtualThread(ft);
                try {
                  // BUG: Diagnostic contains: without cancelling 'ft'
                  return ft.get(8, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "abandoned";
                }
              }

              // 9. A scheduled task.
              String scheduled(Callable<String> task) throws Exception {
                Future<String> f = timer.schedule(task, 1, TimeUnit.SECONDS);
                try {
                  // BUG: Diagnostic contains: without cancelling 'f'
                  return f.get(9, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "never ran";
                }
              }

              // 10. Declared first, assigned later; an anonymous task.
              String assignedLater(boolean fast) throws Exception {
                Future<String> f;
                f = pool.submit(new Callable<String>() {
                  @Override public String call() { return "anon"; }
                });
                try {
                  // BUG: Diagnostic contains: without cancelling 'f'
                  return f.get(fast ? 10 : 20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                  System.out.println("gave up");
                }
                return "none";
              }

              // 12. A loop that submits a task per round and moves on after a timeout.
              java.util.List<String> perRound(java.util.List<Callable<String>> tasks) throws Exception {
                java.util.List<String> results = new java.util.ArrayList<>();
                for (Callable<String> task : tasks) {
                  Future<String> f = pool.submit(task);
                  try {
                    // BUG: Diagnostic contains: without cancelling 'f'
                    results.add(f.get(12, TimeUnit.SECONDS));
                  } catch (TimeoutException e) {
                    results.add(null);
                  }
                }
                return results;
              }

              // 11. shutdown() lets the running task run on: not a stop.
              String shutdownIsNoCancel(ExecutorService own, Callable<String> task) throws Exception {
                Future<String> f = own.submit(task);
                try {
                  // BUG: Diagnostic contains: without cancelling 'f'
                  return f.get(11, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "gave up";
                } finally {
                  own.shutdown();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void judgesEveryKindOfBodyAlike() {
    helper
        .addSourceLines(
            "T.java",
            """
            import java.util.concurrent.*;

            class T {
              static ExecutorService pool;

              String inCatch(Callable<String> c) throws Exception {
                try { throw new IllegalStateException(); } catch (IllegalStateException x) {
                  var f = pool.submit(c);
                  try {
                    // BUG: Diagnostic contains: without cancelling 'f'
                    return f.get(1, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    return "late";
                  }
                }
              }

              T(Callable<String> c) throws Exception {
                Future<String> f = pool.submit(c);
                // BUG: Diagnostic contains: leaves the method without cancelling 'f'
                f.get(2, TimeUnit.SECONDS);
              }

              String inSwitch(int k, Callable<String> c) throws Exception {
                return switch (k) {
                  case 0 -> {
                    Future<String> f = pool.submit(c);
                    try {
                      // BUG: Diagnostic contains: without cancelling 'f'
                      yield f.get(3, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                      yield "late";
                    }
                  }
                  default -> "none";
                };
              }

              // quiet: nested try, the inner finally cancels
              String nested(Callable<String> c) throws Exception {
                Future<String> f = pool.submit(c);
                try {
                  try {
                    return f.get(4, TimeUnit.SECONDS);
                  } finally {
                    f.cancel(true);
                  }
                } catch (TimeoutException e) {
                  return "late";
                }
              }

              // quiet: executor is shut down now in the catch
              String stopAll(Callable<String> c) throws Exception {
                ExecutorService own = Executors.newCachedThreadPool();
                try {
                  Future<String> f = own.submit(c);
                  try {
                    return f.get(5, TimeUnit.SECONDS);
                  } catch (TimeoutException e) {
                    own.shutdownNow();
                    return "late";
                  }
                } finally {
                  own.shutdown();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A future from a helper of the unit that hands over a task it just started: the caller holds
   * the only handle. Quiet where the caller cancels, the helper may be overridden, or the helper
   * keeps or shares the future.
   */
  @Test
  void quietOnHelpersWhoseFutureIsNotTheCallersAlone() {
    helper
        .addSourceLines(
            "Ledger.java",
            """
            import java.util.Map;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.Executor;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.TimeoutException;

            class Ledger {
              interface Remote {
                long balance(String id) throws Exception;
              }

              Executor io;
              Remote remote;
              Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
              CompletableFuture<Long> last;

              private CompletableFuture<Long> fetch(String id) {
                return CompletableFuture.supplyAsync(() -> id.length() * 2L, io);
              }

              // Overridable: a subclass may return a future others hold.
              CompletableFuture<Long> lookup(String id) {
                return CompletableFuture.supplyAsync(() -> 1L, io);
              }

              // A shared future: cancelling it would fail every other waiter.
              private CompletableFuture<Long> shared(String id) {
                return pending.computeIfAbsent(id, k -> CompletableFuture.supplyAsync(() -> 1L, io));
              }

              // Kept in a field as well as returned.
              private CompletableFuture<Long> remembered(String id) {
                CompletableFuture<Long> result = new CompletableFuture<>();
                last = result;
                io.execute(() -> result.complete(1L));
                return result;
              }

              long cancelled(String id) throws Exception {
                CompletableFuture<Long> f = fetch(id);
                try {
                  return f.get(300, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                  f.cancel(true);
                  return 0L;
                }
              }

              long overridable(String id) throws Exception {
                CompletableFuture<Long> f = lookup(id);
                try {
                  return f.get(300, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                  return 0L;
                }
              }

              long fromTheSharedMap(String id) throws Exception {
                CompletableFuture<Long> f = shared(id);
                try {
                  return f.get(300, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                  return 0L;
                }
              }

              long fromTheField(String id) throws Exception {
                CompletableFuture<Long> f = remembered(id);
                try {
                  return f.get(300, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                  return 0L;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsTimeoutsThatAbandonAHelpersTask() {
    helper
        .addSourceLines(
            "Points.java",
            """
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executor;
            import java.util.concurrent.Future;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.TimeoutException;

            final class Points {
              interface Remote {
                long balance(String id) throws Exception;
              }

              Executor io;
              ExecutorService pool;
              Remote remote;

              private static CompletableFuture<String> render(Executor on, String id) {
                return CompletableFuture.supplyAsync(() -> id.toUpperCase(), on);
              }

              private CompletableFuture<Long> balance(String id) {
                CompletableFuture<Long> result = new CompletableFuture<>();
                io.execute(() -> {
                  try {
                    result.complete(remote.balance(id));
                  } catch (Exception e) {
                    result.completeExceptionally(e);
                  }
                });
                return result;
              }

              Future<Long> count(String id) {
                return pool.submit(() -> (long) id.length());
              }

              String rendered(String id) throws Exception {
                CompletableFuture<String> f = render(io, id);
                try {
                  // BUG: Diagnostic contains: without cancelling 'f'
                  return f.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "";
                }
              }

              long balanceOrZero(String id) throws Exception {
                CompletableFuture<Long> f = balance(id);
                try {
                  // BUG: Diagnostic contains: call f.cancel(true) in the catch
                  return f.get(300, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                  return 0L;
                }
              }

              long countOrZero(String id) throws Exception {
                Future<Long> counted = this.count(id);
                try {
                  // BUG: Diagnostic contains: without cancelling 'counted'
                  return counted.get(300, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                  return 0L;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixCancelsInTheCatch() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.TimeoutException;

            class Fix {
              String fetch(ExecutorService pool, Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  return f.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  return "default";
                }
              }

              void quiet(ExecutorService pool, Callable<String> task) throws Exception {
                Future<String> g = pool.submit(task);
                try {
                  g.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException e) {}
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.TimeoutException;

            class Fix {
              String fetch(ExecutorService pool, Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                try {
                  return f.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                  f.cancel(true);
                  return "default";
                }
              }

              void quiet(ExecutorService pool, Callable<String> task) throws Exception {
                Future<String> g = pool.submit(task);
                try {
                  g.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException e) { g.cancel(true); }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenTheTimeoutPropagates() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.TimeUnit;

            class NoFix {
              String fetch(ExecutorService pool, Callable<String> task) throws Exception {
                Future<String> f = pool.submit(task);
                return f.get(1, TimeUnit.SECONDS);
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
  /** The futures a loop gets from a list the method filled with tasks it started. */
  @Test
  void futuresFromAListOfStartedTasks() {
    helper
        .addSourceLines(
            "Solvers.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.*;

            class Solvers {
              interface Strategy { String solve(); }

              static void record(List<Future<String>> running) {}

              static List<String> cancelled(ExecutorService pool, List<Strategy> ss)
                  throws InterruptedException {
                List<Future<String>> running = new ArrayList<>(ss.size());
                for (Strategy s : ss) {
                  running.add(pool.submit(s::solve));
                }
                List<String> out = new ArrayList<>();
                for (Future<String> f : running) {
                  try {
                    out.add(f.get(30, TimeUnit.SECONDS));
                  } catch (ExecutionException | TimeoutException e) {
                    f.cancel(true);
                  }
                }
                return out;
              }

              static List<String> shutDownAfter(ExecutorService pool, List<Strategy> ss)
                  throws InterruptedException {
                List<Future<String>> running = new ArrayList<>();
                for (Strategy s : ss) {
                  running.add(pool.submit(s::solve));
                }
                List<String> out = new ArrayList<>();
                for (Future<String> f : running) {
                  try {
                    out.add(f.get(30, TimeUnit.SECONDS));
                  } catch (ExecutionException | TimeoutException e) {
                    System.err.println("gave up: " + e);
                  }
                }
                pool.shutdownNow();
                return out;
              }

              // The list is handed on: whoever holds it may cancel.
              static List<String> handedOn(ExecutorService pool, List<Strategy> ss)
                  throws InterruptedException {
                List<Future<String>> running = new ArrayList<>();
                for (Strategy s : ss) {
                  running.add(pool.submit(s::solve));
                }
                record(running);
                List<String> out = new ArrayList<>();
                for (Future<String> f : running) {
                  try {
                    out.add(f.get(30, TimeUnit.SECONDS));
                  } catch (ExecutionException | TimeoutException e) {
                    System.err.println("gave up: " + e);
                  }
                }
                return out;
              }

              // Futures from elsewhere: not the method's own tasks.
              static List<String> given(List<Future<String>> running) throws InterruptedException {
                List<String> out = new ArrayList<>();
                for (Future<String> f : running) {
                  try {
                    out.add(f.get(30, TimeUnit.SECONDS));
                  } catch (ExecutionException | TimeoutException e) {
                    System.err.println("gave up: " + e);
                  }
                }
                return out;
              }
            }
            """)
        .addSourceLines(
            "SolverBugs.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.*;

            class SolverBugs {
              interface Strategy { String solve(); }

              static List<String> leftRunning(ExecutorService pool, List<Strategy> ss)
                  throws InterruptedException {
                List<Future<String>> running = new ArrayList<>();
                for (Strategy s : ss) {
                  running.add(pool.submit(s::solve));
                }
                List<String> out = new ArrayList<>();
                for (Future<String> f : running) {
                  try {
                    // BUG: Diagnostic contains: when f.get(...) times out, the catch on line 19
                    out.add(f.get(30, TimeUnit.SECONDS));
                  } catch (ExecutionException | TimeoutException e) {
                    System.err.println("gave up: " + e);
                  }
                }
                return out;
              }
            }
            """)
        .doTest();
  }
}
