package dev.goconc.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class PeriodicTaskNeverCancelledTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(PeriodicTaskNeverCancelled.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Timer;
            import java.util.TimerTask;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.ScheduledFuture;
            import java.util.concurrent.TimeUnit;

            class Idioms implements AutoCloseable {
              private final ScheduledExecutorService injected;
              private final ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor();
              private ScheduledFuture<?> heartbeat;
              private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
              private final Timer timer = new Timer(true);

              Idioms(ScheduledExecutorService injected) {
                this.injected = injected;
              }

              // The future is kept in a field and cancelled on close.
              void start() {
                heartbeat = injected.scheduleAtFixedRate(this::beat, 0, 1, TimeUnit.SECONDS);
              }

              // Kept in a collection.
              void track() {
                tasks.add(injected.scheduleWithFixedDelay(this::beat, 1, 1, TimeUnit.SECONDS));
              }

              // Returned: the caller keeps it.
              ScheduledFuture<?> startPolling() {
                return injected.scheduleAtFixedRate(this::beat, 0, 5, TimeUnit.SECONDS);
              }

              // A local future that is cancelled.
              void bounded() throws InterruptedException {
                ScheduledFuture<?> f = injected.scheduleAtFixedRate(this::beat, 0, 10, TimeUnit.MILLISECONDS);
                Thread.sleep(100);
                f.cancel(false);
              }

              // On the class's own pool, which close() shuts down: the task ends with it.
              void onOwnPool() {
                own.scheduleAtFixedRate(this::beat, 0, 1, TimeUnit.SECONDS);
              }

              // On the class's own Timer, which close() cancels.
              void onOwnTimer() {
                timer.schedule(new TimerTask() {
                  @Override public void run() { beat(); }
                }, 0, 1000);
              }

              // A method-local scheduler shut down on every path.
              void local() throws InterruptedException {
                ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
                try {
                  s.scheduleAtFixedRate(this::beat, 0, 1, TimeUnit.SECONDS);
                  Thread.sleep(1000);
                } finally {
                  s.shutdownNow();
                }
              }

              // A TimerTask that cancels itself after some runs.
              void selfCancelling(Timer shared) {
                shared.scheduleAtFixedRate(new TimerTask() {
                  int runs;
                  @Override public void run() {
                    if (++runs == 3) {
                      cancel();
                    }
                  }
                }, 0, 100);
              }

              // One-shot schedules are not periodic.
              void once(Timer shared) {
                injected.schedule(this::beat, 1, TimeUnit.SECONDS);
                shared.schedule(new TimerTask() { @Override public void run() {} }, 100);
              }

              void beat() {}

              @Override
              public void close() {
                heartbeat.cancel(false);
                tasks.forEach(t -> t.cancel(true));
                own.shutdownNow();
                timer.cancel();
              }
            }
            """)
        .addSourceLines(
            "ProcessLifetime.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            // No end of its own: its tasks live as long as the process, by design.
            class ProcessLifetime {
              static final ScheduledExecutorService SHARED = Executors.newScheduledThreadPool(1);

              static {
                SHARED.scheduleAtFixedRate(ProcessLifetime::report, 1, 1, TimeUnit.MINUTES);
              }

              ProcessLifetime(ScheduledExecutorService scheduler) {
                scheduler.scheduleAtFixedRate(ProcessLifetime::report, 1, 1, TimeUnit.MINUTES);
              }

              public static void main(String[] args) {
                SHARED.scheduleWithFixedDelay(ProcessLifetime::report, 1, 1, TimeUnit.SECONDS);
              }

              static void report() {}
            }
            """)
        .addSourceLines(
            "HandsOver.java",
            """
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;
            import java.util.function.Consumer;

            class HandsOver implements AutoCloseable {
              private final ScheduledExecutorService scheduler;
              private final Consumer<java.util.concurrent.Future<?>> registry;

              HandsOver(ScheduledExecutorService scheduler, Consumer<java.util.concurrent.Future<?>> registry) {
                this.scheduler = scheduler;
                this.registry = registry;
              }

              // Passed to whoever tracks it.
              void start() {
                registry.accept(scheduler.scheduleAtFixedRate(() -> {}, 0, 1, TimeUnit.SECONDS));
              }

              @Override public void close() {}
            }
            """)
        .doTest();
  }

  @Test
  void flagsPeriodicTasksThatOutliveTheirOwner() {
    helper
        .addSourceLines(
            "Client.java",
            """
            import java.util.Timer;
            import java.util.TimerTask;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.ScheduledFuture;
            import java.util.concurrent.TimeUnit;
            import java.util.function.Supplier;

            class Client implements AutoCloseable {
              private final ScheduledExecutorService scheduler;
              private static ScheduledExecutorService shared;
              private final Supplier<ScheduledExecutorService> schedulers;

              Client(ScheduledExecutorService scheduler, Supplier<ScheduledExecutorService> schedulers) {
                this.scheduler = scheduler;
                this.schedulers = schedulers;
                // BUG: Diagnostic contains: keeps running after Client is closed
                scheduler.scheduleAtFixedRate(this::ping, 0, 30, TimeUnit.SECONDS);
              }

              void refreshEvery(long seconds) {
                // BUG: Diagnostic contains: keep the ScheduledFuture and cancel it when Client stops
                this.scheduler.scheduleWithFixedDelay(this::refresh, seconds, seconds, TimeUnit.SECONDS);
              }

              // A local that is never read again is as good as dropped.
              void unusedLocal() {
                // BUG: Diagnostic contains: never cancelled
                ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(this::ping, 0, 1, TimeUnit.SECONDS);
              }

              // A shared static scheduler outlives every instance.
              void onShared() {
                // BUG: Diagnostic contains: never cancelled
                shared.scheduleAtFixedRate(this::ping, 0, 1, TimeUnit.SECONDS);
              }

              // A scheduler from a call.
              void fromSupplier() {
                // BUG: Diagnostic contains: never cancelled
                schedulers.get().scheduleAtFixedRate(this::ping, 0, 1, TimeUnit.SECONDS);
              }

              // Inside a lambda, still the instance's task.
              Runnable later() {
                // BUG: Diagnostic contains: never cancelled
                return () -> scheduler.scheduleAtFixedRate(this::ping, 0, 1, TimeUnit.SECONDS);
              }

              // A parameter's scheduler.
              void on(ScheduledExecutorService other) {
                // BUG: Diagnostic contains: never cancelled
                other.scheduleWithFixedDelay(this::ping, 0, 1, TimeUnit.SECONDS);
              }

              // A Timer from outside and a TimerTask nobody keeps.
              void onTimer(Timer timer) {
                // BUG: Diagnostic contains: keep the TimerTask
                timer.scheduleAtFixedRate(new TimerTask() {
                  @Override public void run() { ping(); }
                }, 0, 1000);
              }

              // Inside an anonymous class's method: still Client's task.
              Runnable starter() {
                return new Runnable() {
                  @Override public void run() {
                    // BUG: Diagnostic contains: after Client is closed
                    scheduler.scheduleAtFixedRate(Client.this::ping, 0, 1, TimeUnit.SECONDS);
                  }
                };
              }

              void ping() {}
              void refresh() {}

              @Override public void close() {}
            }
            """)
        .addSourceLines(
            "Poller.java",
            """
            import java.util.Timer;
            import java.util.TimerTask;

            class Poller {
              private final Timer timer = new Timer();

              // The class's own Timer, never cancelled.
              void start() {
                // BUG: Diagnostic contains: the Timer 'timer' is never cancelled
                timer.schedule(new TimerTask() { @Override public void run() {} }, 0, 500);
              }

              // A method-local Timer, never cancelled.
              void local() {
                Timer local = new Timer("poll");
                // BUG: Diagnostic contains: the Timer 'local' is never cancelled
                local.schedule(new TimerTask() { @Override public void run() {} }, 0, 500);
              }
            }
            """)
        .addSourceLines(
            "Worker.java",
            """
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            // Its end is a stop() method rather than AutoCloseable.
            class Worker {
              private final ScheduledExecutorService scheduler;

              Worker(ScheduledExecutorService scheduler) {
                this.scheduler = scheduler;
              }

              void start() {
                // BUG: Diagnostic contains: after Worker is closed
                scheduler.scheduleAtFixedRate(() -> {}, 0, 1, TimeUnit.SECONDS);
              }

              void stop() {}
            }
            """)
        .doTest();
  }

  /**
   * A private pool the instance makes and never shuts down, in a class whose instances have an
   * end, with the task's handle dropped: nothing can stop the task. Quiet where the handle is
   * kept, the pool is shut down or handed over, may be shut down by others (not private), or the
   * class has no end (ExecutorNotShutDown's finding alone).
   */
  @Test
  void quietOnOwnPoolsThatSomethingCanStillStop() {
    helper
        .addSourceLines(
            "KeptHandle.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.ScheduledFuture;
            import java.util.concurrent.TimeUnit;

            class KeptHandle {
              private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
              private ScheduledFuture<?> beat;

              void start() {
                beat = timer.scheduleAtFixedRate(() -> {}, 0, 1, TimeUnit.SECONDS);
              }

              void stop() {
                beat.cancel(false);
              }
            }
            """)
        .addSourceLines(
            "ShutDown.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            class ShutDown implements AutoCloseable {
              private final ScheduledExecutorService timer;

              ShutDown() {
                this.timer = Executors.newScheduledThreadPool(1);
              }

              void start() {
                this.timer.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
              }

              void tick() {}

              @Override
              public void close() {
                timer.shutdownNow();
              }
            }
            """)
        .addSourceLines(
            "HandedOver.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            class HandedOver {
              private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

              void start() {
                timer.scheduleAtFixedRate(() -> {}, 0, 1, TimeUnit.SECONDS);
              }

              ScheduledExecutorService scheduler() {
                return timer;
              }

              void stop() {}
            }
            """)
        .addSourceLines(
            "NotPrivate.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            class NotPrivate {
              final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

              void start() {
                timer.scheduleAtFixedRate(() -> {}, 0, 1, TimeUnit.SECONDS);
              }

              void stop() {}
            }
            """)
        .addSourceLines(
            "NoEnd.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            class NoEnd {
              private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

              void start() {
                timer.scheduleAtFixedRate(() -> {}, 0, 1, TimeUnit.SECONDS);
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsATaskOnAnOwnPoolNothingShutsDown() {
    helper
        .addSourceLines(
            "Jobs.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.ScheduledFuture;
            import java.util.concurrent.TimeUnit;
            import java.util.concurrent.atomic.AtomicLong;

            class Jobs {
              private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
              private final AtomicLong beats = new AtomicLong();
              private ScheduledFuture<?> cleanup;

              void start() {
                // BUG: Diagnostic contains: 'timer', the scheduler Jobs makes for itself, is never shut down
                timer.scheduleAtFixedRate(beats::incrementAndGet, 0, 1, TimeUnit.SECONDS);
                cleanup = timer.scheduleWithFixedDelay(() -> {}, 1, 1, TimeUnit.MINUTES);
              }

              void stop() {
                cleanup.cancel(false);
              }
            }
            """)
        .addSourceLines(
            "Poller.java",
            """
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            class Poller implements AutoCloseable {
              private final ScheduledExecutorService pool;

              Poller() {
                this.pool = Executors.newScheduledThreadPool(2);
              }

              void poll() {
                // BUG: Diagnostic contains: keeps running after Poller is stopped
                this.pool.scheduleWithFixedDelay(() -> System.out.println("poll"), 0, 1, TimeUnit.SECONDS);
              }

              @Override
              public void close() {
                System.out.println("closed");
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnStaticHelpersThatGiveTheHandleBack() {
    helper
        .addSourceLines(
            "Helpers.java",
            """
            import java.util.Timer;
            import java.util.TimerTask;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.ScheduledFuture;
            import java.util.concurrent.TimeUnit;

            final class Helpers {
              private static ScheduledFuture<?> current;

              private Helpers() {}

              // The handle goes back to the caller.
              static ScheduledFuture<?> every(ScheduledExecutorService s, Runnable r, long seconds) {
                return s.scheduleWithFixedDelay(r, seconds, seconds, TimeUnit.SECONDS);
              }

              // Kept in a field whoever calls stop() cancels.
              static void startPolling(ScheduledExecutorService s, Runnable poll) {
                current = s.scheduleAtFixedRate(poll, 0, 5, TimeUnit.SECONDS);
              }

              static void stop() {
                current.cancel(false);
              }

              // Cancelled before the helper returns.
              static void burst(ScheduledExecutorService s, Runnable r) throws InterruptedException {
                ScheduledFuture<?> f = s.scheduleAtFixedRate(r, 0, 10, TimeUnit.MILLISECONDS);
                try {
                  Thread.sleep(100);
                } finally {
                  f.cancel(true);
                }
              }

              // A one-shot task ends by itself.
              static void later(ScheduledExecutorService s, Runnable r) {
                s.schedule(r, 1, TimeUnit.SECONDS);
              }

              // A scheduler the helper makes and shuts down.
              static void ownScheduler(Runnable r) throws InterruptedException {
                ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor();
                own.scheduleAtFixedRate(r, 0, 1, TimeUnit.SECONDS);
                Thread.sleep(1000);
                own.shutdownNow();
              }

              // The TimerTask comes from the caller, who holds it.
              static void onTimer(Timer timer, TimerTask task) {
                timer.schedule(task, 0, 1000);
              }
            }
            """)
        .addSourceLines(
            "Endless.java",
            """
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            // An instance method of a class with no end: its instance owns the task, by design.
            class Endless {
              void start(ScheduledExecutorService scheduler) {
                scheduler.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
              }

              void tick() {}
            }
            """)
        .doTest();
  }

  @Test
  void flagsStaticHelpersThatDropTheHandle() {
    helper
        .addSourceLines(
            "Dropping.java",
            """
            import java.util.Timer;
            import java.util.TimerTask;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.ScheduledFuture;
            import java.util.concurrent.TimeUnit;

            class Dropping {
              static void flush() {}

              static void startMetrics(ScheduledExecutorService scheduler, Runnable flush) {
                // BUG: Diagnostic contains: the static method startMetrics drops its ScheduledFuture
                scheduler.scheduleWithFixedDelay(flush, 1, 1, TimeUnit.SECONDS);
              }

              static void byReference(ScheduledExecutorService s) {
                // BUG: Diagnostic contains: only shutting down the whole scheduler
                ScheduledFuture<?> unused = s.scheduleAtFixedRate(Dropping::flush, 0, 1, TimeUnit.MINUTES);
              }

              static void onTimer(Timer timer) {
                // BUG: Diagnostic contains: drops its TimerTask
                timer.scheduleAtFixedRate(new TimerTask() {
                  @Override public void run() { flush(); }
                }, 0, 1000);
              }
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
            class Qualified implements AutoCloseable {
              void start(java.util.concurrent.ScheduledExecutorService s) {
                s.scheduleAtFixedRate(() -> {}, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
              }

              @Override public void close() {}
            }
            """)
        .doTest();
  }
}
