package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class ExecutorNotShutDownTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(ExecutorNotShutDown.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(ExecutorNotShutDown.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ForkJoinPool;
            import java.util.concurrent.Future;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.LinkedBlockingQueue;

            class Idioms {
              // JDK 19+: close() shuts down and waits, on every path.
              int sumAll(List<Integer> xs) throws Exception {
                try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                  List<Future<Integer>> parts = new ArrayList<>();
                  for (int x : xs) {
                    parts.add(pool.submit(() -> x * x));
                  }
                  int sum = 0;
                  for (Future<Integer> f : parts) {
                    sum += f.get();
                  }
                  return sum;
                }
              }

              // shutdown() in finally.
              void inFinally(Runnable task) {
                ExecutorService pool = Executors.newSingleThreadExecutor();
                try {
                  pool.submit(task);
                } finally {
                  pool.shutdown();
                }
              }

              // shutdownNow() then awaitTermination, straight-line.
              void straightLine(Runnable task) throws InterruptedException {
                ExecutorService pool = Executors.newCachedThreadPool();
                pool.execute(task);
                pool.shutdownNow();
                pool.awaitTermination(1, TimeUnit.SECONDS);
              }

              // Returned: the caller owns it.
              ExecutorService make(int n) {
                ExecutorService pool = Executors.newFixedThreadPool(n);
                return pool;
              }

              // Handed to a callee that can shut it down.
              void handOver(Runnable task) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                pool.execute(task);
                register(pool);
              }

              static void register(ExecutorService owned) {}

              // Stored in a field the class shuts down.
              private ExecutorService workers;

              void start() {
                workers = Executors.newFixedThreadPool(2);
              }

              void stop() {
                workers.shutdown();
              }

              // A shutdown hook holds the release.
              void withHook() {
                ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
                Runtime.getRuntime().addShutdownHook(new Thread(timer::shutdownNow));
              }

              // The process's own pool and a thread-per-task executor keep no idle threads.
              void shared(Runnable task) {
                ForkJoinPool.commonPool().execute(task);
                var perTask = Executors.newVirtualThreadPerTaskExecutor();
                perTask.submit(task);
              }

              // An explicit throw needs no shutdown.
              void failFast(boolean broken) {
                ExecutorService pool = new ThreadPoolExecutor(
                    1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                if (broken) {
                  throw new IllegalStateException("broken");
                }
                pool.shutdown();
              }

              // Stored in a collection of pools someone shuts down.
              final List<ExecutorService> pools = new ArrayList<>();

              void addPool() {
                pools.add(Executors.newFixedThreadPool(1));
              }

              // A null check before shutdown in finally.
              void nullChecked(Runnable task) {
                ExecutorService pool = null;
                try {
                  pool = Executors.newFixedThreadPool(2);
                  pool.execute(task);
                } finally {
                  if (pool != null) {
                    pool.shutdown();
                  }
                }
              }

              // A lambda that shuts it down, handed to a completion stage.
              void shutDownWhenDone() {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                CompletableFuture.runAsync(() -> {}, pool).whenComplete((v, e) -> pool.shutdown());
              }
            }
            """)
        .addSourceLines(
            "Fields.java",
            """
            import java.util.concurrent.Executor;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Fields implements AutoCloseable {
              // Process-lifetime pool: static, deliberately never shut down.
              private static final ExecutorService SHARED = Executors.newCachedThreadPool();

              // Made here, shut down in close().
              private final ExecutorService own = Executors.newFixedThreadPool(2);

              // Given from outside: the caller's to shut down.
              private final Executor given;

              // Non-private: code elsewhere may shut it down.
              final ExecutorService visible = Executors.newFixedThreadPool(1);

              // Exposed through a getter.
              private final ExecutorService exposed = Executors.newFixedThreadPool(1);

              // Shut down through a cast.
              private final Executor narrowed = Executors.newFixedThreadPool(1);

              Fields(Executor given) {
                this.given = given;
              }

              ExecutorService exposed() {
                return exposed;
              }

              void run(Runnable r) {
                SHARED.execute(r);
                own.execute(r);
                given.execute(r);
                narrowed.execute(r);
              }

              @Override
              public void close() {
                own.shutdown();
                ((ExecutorService) narrowed).shutdown();
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsPoolsThatAPathLeavesRunning() {
    helper
        .addSourceLines(
            "Bugs.java",
            """
            import java.util.concurrent.Callable;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ForkJoinPool;
            import java.util.concurrent.Future;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.ScheduledThreadPoolExecutor;
            import java.util.concurrent.ThreadPoolExecutor;
            import java.util.concurrent.TimeUnit;

            class Bugs {
              // A pool per call, never shut down: threads pile up.
              int square(int x) throws Exception {
                // BUG: Diagnostic contains: shutting down 'pool'
                ExecutorService pool = Executors.newFixedThreadPool(2);
                Future<Integer> f = pool.submit(() -> x * x);
                return f.get();
              }

              // The early return skips the shutdown.
              void early(Runnable task, boolean skip) {
                // BUG: Diagnostic contains: the return on line
                ExecutorService pool = Executors.newCachedThreadPool();
                if (skip) {
                  return;
                }
                pool.execute(task);
                pool.shutdown();
              }

              // Used once and dropped.
              void dropped(Runnable task) {
                // BUG: Diagnostic contains: is used once and dropped
                Executors.newSingleThreadExecutor().execute(task);
              }

              // A plain Executor parameter cannot shut it down.
              void asExecutor() {
                // BUG: Diagnostic contains: shutting down 'pool'
                ExecutorService pool = Executors.newFixedThreadPool(2);
                CompletableFuture.runAsync(() -> {}, pool).join();
              }

              // Passed straight into a call that cannot shut it down.
              void inline() {
                // BUG: Diagnostic contains: passed straight into a call that cannot release it, and nothing else holds it: its idle threads stay alive after it is done (non-daemon by default, they keep the JVM from exiting), and every call makes more; keep it in a variable
                CompletableFuture.runAsync(() -> {}, Executors.newSingleThreadExecutor()).join();
              }

              // A constructor-made pool, never shut down.
              void constructed(Runnable task) {
                // BUG: Diagnostic contains: shutting down 'pool'
                ThreadPoolExecutor pool = new ThreadPoolExecutor(
                    1, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
                pool.execute(task);
                // BUG: Diagnostic contains: from new ThreadPoolExecutor(...) is used once and dropped without shutting it down
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>())
                    .execute(task);
              }

              // A scheduled pool and a fork-join pool.
              void scheduledAndForkJoin(Runnable task) {
                // BUG: Diagnostic contains: shutting down 'scheduler'
                var scheduler = new ScheduledThreadPoolExecutor(1);
                scheduler.schedule(task, 1, TimeUnit.SECONDS);
                // BUG: Diagnostic contains: shutting down 'fj'
                ForkJoinPool fj = new ForkJoinPool(4);
                fj.submit(task).join();
              }

              // main is not exempt: the pool's threads keep the program running.
              public static void main(String[] args) {
                // BUG: Diagnostic contains: keep the JVM from exiting
                ExecutorService pool = Executors.newFixedThreadPool(4);
                pool.submit(() -> System.out.println("hello"));
              }

              // Inside a lambda.
              Callable<Integer> deferred() {
                return () -> {
                  // BUG: Diagnostic contains: shutting down 'inner'
                  ExecutorService inner = Executors.newWorkStealingPool();
                  return inner.submit(() -> 1).get();
                };
              }

              // An exception from get() skips the shutdown: no finally.
              int noFinally() throws Exception {
                // BUG: Diagnostic contains: shutting down 'pool'
                ExecutorService pool = Executors.newFixedThreadPool(1);
                Future<Integer> f = pool.submit(() -> 42);
                if (f.isCancelled()) {
                  return -1;
                }
                int v = f.get();
                pool.shutdown();
                return v;
              }

              // An Executor-typed local that nothing can shut down.
              void executorTyped(Runnable task) {
                // BUG: Diagnostic contains: shutting down 'ex'
                Executor ex = Executors.newSingleThreadExecutor();
                ex.execute(task);
              }
            }
            """)
        .addSourceLines(
            "Service.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;

            class Service implements AutoCloseable {
              // BUG: Diagnostic contains: private field 'workers' holds a thread pool
              private final ExecutorService workers = Executors.newFixedThreadPool(4);
              // BUG: Diagnostic contains: private field 'late'
              private ExecutorService late;

              void start() {
                late = Executors.newSingleThreadExecutor();
              }

              void handle(Runnable request) {
                workers.execute(request);
                late.execute(request);
              }

              @Override
              public void close() {}
            }
            """)
        .doTest();
  }

  @Test
  void quietOnCodeThatDoesNotImportJavaUtilConcurrent() {
    helper
        .addSourceLines(
            "Qualified.java",
            """
            class Qualified {
              void work(Runnable task) {
                java.util.concurrent.Executors.newFixedThreadPool(1).execute(task);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixShutsDownInFinally() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.Future;

            class Fix {
              int square(int x) throws Exception {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                Future<Integer> f = pool.submit(() -> x * x);
                return f.get();
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.Future;

            class Fix {
              int square(int x) throws Exception {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                  Future<Integer> f = pool.submit(() -> x * x);
                  return f.get();
                } finally {
                  pool.shutdown();
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForAnExecutorTypedLocal() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import java.util.concurrent.Executor;
            import java.util.concurrent.Executors;

            class NoFix {
              void run(Runnable task) {
                Executor ex = Executors.newSingleThreadExecutor();
                ex.execute(task);
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
