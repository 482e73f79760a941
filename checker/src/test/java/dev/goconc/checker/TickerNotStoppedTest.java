package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class TickerNotStoppedTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(TickerNotStopped.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(TickerNotStopped.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import dev.goconc.Context;
            import dev.goconc.Go;
            import dev.goconc.RecvChan;
            import dev.goconc.Select;
            import dev.goconc.Ticker;
            import dev.goconc.Time;
            import dev.goconc.Timer;
            import java.time.Duration;
            import java.time.Instant;
            import java.util.ArrayList;
            import java.util.List;

            class Idioms {
              static void tick(Instant t) {}

              // Go's defer ticker.Stop(): try-with-resources around a select loop on ctx.done().
              void heartbeat(Context ctx) {
                try (Ticker ticker = Time.newTicker(Duration.ofSeconds(1))) {
                  while (Select.<Boolean>select()
                      .recv(ctx.done(), v -> false)
                      .recv(ticker.c(), t -> { tick(t); return true; })
                      .run()) {}
                }
              }

              // stop() in finally.
              void stopInFinally(Context ctx) {
                Ticker ticker = Time.newTicker(Duration.ofMillis(100));
                try {
                  for (int i = 0; i < 3; i++) { tick(ticker.c().receive()); }
                } finally {
                  ticker.stop();
                }
              }

              // A timer received from has fired.
              Instant waitOnce() {
                Timer timer = Time.newTimer(Duration.ofMillis(5));
                return timer.c().receive();
              }

              // A timeout timer stopped on the path that did not fire it.
              String withTimeout(RecvChan<String> results) {
                Timer timer = Time.newTimer(Duration.ofSeconds(2));
                String result = Select.<String>select()
                    .recv(results, r -> r)
                    .recv(timer.c(), t -> "timeout")
                    .run();
                timer.stop();
                return result;
              }

              // Time.newTimer(d).c() is Time.after(d).
              String after(RecvChan<String> results) {
                return Select.<String>select()
                    .recv(results, r -> r)
                    .recv(Time.newTimer(Duration.ofSeconds(1)).c(), t -> "timeout")
                    .run();
              }

              // Hand-overs: returned, stored, collected, passed to an owner.
              Ticker returned() {
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                return ticker;
              }

              private Ticker clock;
              private final List<Timer> timers = new ArrayList<>();

              void stored() {
                clock = Time.newTicker(Duration.ofSeconds(1));
              }

              void collected() {
                Timer timer = Time.newTimer(Duration.ofSeconds(9));
                timers.add(timer);
              }

              static void own(Ticker ticker) {}

              void passedToOwner() {
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                own(ticker);
              }

              // A goroutine that stops it owns it.
              void goroutineStops() {
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                Go.go(() -> {
                  try {
                    for (int i = 0; i < 5; i++) { tick(ticker.c().receive()); }
                  } finally {
                    ticker.stop();
                  }
                });
              }

              // A daemon loop that never leaves has no exit to judge.
              void forever() {
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                while (true) {
                  tick(ticker.c().receive());
                }
              }

              // A daemon goroutine that reads it forever owns it: no exit ever comes.
              @SuppressWarnings("GoroutineLeak")
              void daemonGoroutine() {
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                Go.go(() -> {
                  while (true) {
                    tick(ticker.c().receive());
                  }
                });
              }

              // A throw needs no stop; main is exempt.
              void failFast(boolean bad) {
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                if (bad) {
                  throw new IllegalArgumentException("bad");
                }
                ticker.stop();
              }

              public static void main(String[] args) {
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                tick(ticker.c().receive());
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
            import dev.goconc.Go;
            import dev.goconc.RecvChan;
            import dev.goconc.Select;
            import dev.goconc.Ticker;
            import dev.goconc.Time;
            import dev.goconc.Timer;
            import java.time.Duration;
            import java.time.Instant;
            import java.util.List;

            class Shapes {
              static void tick(Instant t) {}
              static void drain(RecvChan<Instant> c) {}

              void neverStopped() {
                // BUG: Diagnostic contains: the end of the method on line 20 may be reached without stopping 'ticker' (created on line 18): it keeps ticking
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                tick(ticker.c().receive());
              }

              void discarded() {
                // BUG: Diagnostic contains: the ticker from newTicker() is discarded
                Time.newTicker(Duration.ofSeconds(1));
              }

              void inlineTicker() {
                // BUG: Diagnostic contains: the ticker from newTicker() is used once and dropped without stopping it
                drain(Time.newTicker(Duration.ofSeconds(1)).c());
              }

              int earlyReturn(boolean skip) {
                // BUG: Diagnostic contains: the return on line 36 may be reached without stopping 'ticker'
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                if (skip) {
                  return 0;
                }
                ticker.stop();
                return 1;
              }

              void breakOutOfLoop(List<Integer> items) {
                // BUG: Diagnostic contains: without stopping 'ticker'
                Ticker ticker = Time.newTicker(Duration.ofMillis(10));
                for (int item : items) {
                  if (item < 0) { break; }
                  tick(ticker.c().receive());
                }
              }

              String timerNotStoppedAfterSelect(RecvChan<String> results) {
                // BUG: Diagnostic contains: the return on line 58 may be reached without stopping 'timer' (created on line 53): it stays scheduled
                Timer timer = Time.newTimer(Duration.ofSeconds(2));
                String result = Select.<String>select()
                    .recv(results, r -> r)
                    .recv(timer.c(), t -> "timeout")
                    .run();
                return result;
              }

              void timerInLoop(RecvChan<String> results) {
                for (int i = 0; i < 10; i++) {
                  // BUG: Diagnostic contains: without stopping 'timer'
                  Timer timer = Time.newTimer(Duration.ofSeconds(1));
                  Select.<String>select().recv(results, r -> r).recv(timer.c(), t -> "late").run();
                }
              }

              void inGoroutine(Context ctx) {
                Go.go(() -> {
                  // BUG: Diagnostic contains: the end of the lambda on line 74 may be reached without stopping 'ticker'
                  Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                  Select.<Boolean>select().recv(ctx.done(), v -> false).recv(ticker.c(), t -> true).run();
                });
              }

              // The goroutine's loop can leave: then the ticker runs on unstopped.
              void goroutineLoopLeaves(Context ctx) {
                // BUG: Diagnostic contains: without stopping 'ticker'
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                Go.go(() -> {
                  while (true) {
                    if (ctx.err() != null) {
                      return;
                    }
                    tick(ticker.c().receive());
                  }
                });
              }

              void goroutineOnlyReads() {
                // BUG: Diagnostic contains: without stopping 'ticker'
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                Go.go(() -> tick(ticker.c().receive()));
              }

              void switchCaseMisses(int mode) {
                // BUG: Diagnostic contains: without stopping 'ticker'
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                switch (mode) {
                  case 0 -> ticker.stop();
                  case 1 -> System.out.println("fast path");
                  default -> throw new IllegalArgumentException();
                }
              }

              void assignedLater() {
                Ticker ticker;
                // BUG: Diagnostic contains: without stopping 'ticker'
                ticker = Time.newTicker(Duration.ofSeconds(1));
                tick(ticker.c().receive());
              }
            }
            """)
        .doTest();
  }

  /** A ticker field of a class whose instances end must be stopped by the class. */
  @Test
  void tickerFieldsOfObjectsWithAnEnd() {
    helper
        .addSourceLines(
            "Pollers.java",
            """
            import dev.goconc.*;
            import java.time.Duration;

            class Pollers {
              // Stopped where the owner closes.
              static final class Stopped implements AutoCloseable {
                private final Ticker ticks = Time.newTicker(Duration.ofSeconds(1));

                @Override
                public void close() {
                  ticks.stop();
                }
              }

              // Stopped by a method reference the owner registers for its end.
              static final class ByReference {
                private final Ticker ticks = Time.newTicker(Duration.ofSeconds(1));
                private final java.util.List<Runnable> onStop = new java.util.ArrayList<>();

                ByReference() {
                  onStop.add(ticks::stop);
                }

                void stop() {
                  onStop.forEach(Runnable::run);
                }
              }

              // No end: a process-lifetime heartbeat, by design.
              static final class Heartbeat {
                private final Ticker ticks = Time.newTicker(Duration.ofSeconds(1));

                void start() {
                  Go.go(() -> {
                    while (true) {
                      ticks.c().receive();
                      System.out.println("beat");
                    }
                  });
                }
              }

              // Passed in: its maker stops it.
              static final class Borrowed implements AutoCloseable {
                private final Ticker ticks;

                Borrowed(Ticker ticks) {
                  this.ticks = ticks;
                }

                @Override
                public void close() {}
              }

              // A timer fires once.
              static final class OneShot implements AutoCloseable {
                private final Timer deadline = Time.newTimer(Duration.ofSeconds(1));

                @Override
                public void close() {}
              }
            }
            """)
        .addSourceLines(
            "LeakyPollers.java",
            """
            import dev.goconc.*;
            import java.time.Duration;

            class LeakyPollers {
              static final class Poller implements AutoCloseable {
                // BUG: Diagnostic contains: private field 'ticks' holds a ticker that Poller makes
                private final Ticker ticks = Time.newTicker(Duration.ofSeconds(1));

                void poll() {
                  ticks.c().receive();
                }

                @Override
                public void close() {}
              }

              static final class Sampler {
                // BUG: Diagnostic contains: keeps ticking after the instance's end
                private Ticker ticks;

                void start() {
                  ticks = Time.newTicker(Duration.ofMillis(100));
                }

                void stop() {
                  System.out.println("stopping");
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixDeclaresTheTickerInTryWithResources() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Ticker;
            import dev.goconc.Time;
            import java.time.Duration;
            class In {
              static void tick(Object t) {}
              void run(int n) {
                Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
                for (int i = 0; i < n; i++) {
                  tick(ticker.c().receive());
                }
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.Ticker;
            import dev.goconc.Time;
            import java.time.Duration;
            class In {
              static void tick(Object t) {}
              void run(int n) {
                try (Ticker ticker = Time.newTicker(Duration.ofSeconds(1))) {
                  for (int i = 0; i < n; i++) {
                    tick(ticker.c().receive());
                  }
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixDeclaresATickerPassedStraightIntoACall() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Time;
            import java.time.Duration;
            class In {
              static void watch(Object source, String name) {}
              void run() {
                watch(Time.newTicker(Duration.ofMillis(250)), "metrics");
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.Ticker;
            import dev.goconc.Time;
            import java.time.Duration;
            class In {
              static void watch(Object source, String name) {}
              void run() {
                try (Ticker ticker = Time.newTicker(Duration.ofMillis(250))) {
                  watch(ticker, "metrics");
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixStopsInFinallyWhenTheLocalIsAssigned() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Timer;
            import dev.goconc.Time;
            import java.time.Duration;
            class In {
              static void use(Object t) {}
              void run() {
                Timer timer;
                timer = Time.newTimer(Duration.ofSeconds(3));
                use(timer);
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.Timer;
            import dev.goconc.Time;
            import java.time.Duration;
            class In {
              static void use(Object t) {}
              void run() {
                Timer timer;
                timer = Time.newTimer(Duration.ofSeconds(3));
                try {
                  use(timer);
                } finally {
                  timer.stop();
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
