package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnclosedChannelTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(UnclosedChannel.class, getClass());

  /**
   * A private field channel that the object's goroutines loop over until it closes: when the
   * object has an end (AutoCloseable, a stop() or close()) and nothing closes the field, the loops
   * outlive it. Quiet when the end (or anything) closes it, when the object has no end (a
   * process-lifetime worker), when the loop can leave on a value, when other files can name the
   * field or an accessor hands it out, and for a loop on the caller's own thread.
   */
  @Test
  void fieldChannelsTheObjectsGoroutinesRangeOver() {
    helper
        .addSourceLines(
            "Pools.java",
            """
            import dev.goconc.*;
            import java.util.function.Consumer;

            final class Pools {
              static final class ClosedOnClose implements AutoCloseable {
                private final Chan<String> jobs = Chan.make(16);
                private final WaitGroup workers = new WaitGroup();

                ClosedOnClose(int n) {
                  for (int i = 0; i < n; i++) {
                    workers.go(this::work);
                  }
                }

                private void work() {
                  for (String job : jobs) {
                    System.out.println(job);
                  }
                }

                void submit(String job) {
                  jobs.send(job);
                }

                @Override
                public void close() {
                  jobs.close();
                  workers.await();
                }
              }

              static final class ProcessLifetime {
                private final Chan<String> lines = Chan.make(64);

                ProcessLifetime() {
                  Go.go(() -> {
                    for (String line : lines) {
                      System.out.println(line);
                    }
                  });
                }

                void log(String line) {
                  lines.send(line);
                }
              }

              static final class Sentinel {
                private final Chan<String> in = Chan.make();

                void start() {
                  Go.go(() -> {
                    for (String s : in) {
                      if (s.isEmpty()) {
                        return;
                      }
                    }
                  });
                }

                void stop() {
                  in.send("");
                }
              }

              static final class SharedInPackage {
                final Chan<String> in = Chan.make();

                void start() {
                  Go.go(() -> {
                    for (String s : in) {
                      System.out.println(s);
                    }
                  });
                }

                void stop() {}
              }

              static final class HandedOut {
                private final Chan<String> in = Chan.make();

                Chan<String> in() {
                  return in;
                }

                void start() {
                  Go.go(() -> {
                    for (String s : in) {
                      System.out.println(s);
                    }
                  });
                }

                void stop() {}
              }

              static final class CallersThread implements AutoCloseable {
                private final Chan<String> in = Chan.make(4);

                void drain(Consumer<String> sink) {
                  for (String s : in) {
                    sink.accept(s);
                  }
                }

                @Override
                public void close() {}
              }

              static final class NeverClosed implements AutoCloseable {
                private final Chan<String> queue = Chan.make(64);
                private final WaitGroup workers = new WaitGroup();

                NeverClosed(int n) {
                  for (int i = 0; i < n; i++) {
                    workers.go(this::work);
                  }
                }

                private void work() {
                  // BUG: Diagnostic contains: the goroutine's loop over 'queue' at line 123 waits for a close that never comes
                  for (String u : queue) {
                    System.out.println(u);
                  }
                }

                void enqueue(String u) {
                  queue.send(u);
                }

                @Override
                public void close() {
                  workers.await();
                }
              }

              static final class StopForgetsIt {
                private final Chan<Integer> events = Chan.make();

                void start() {
                  Go.go(() -> {
                    while (true) {
                      // BUG: Diagnostic contains: nothing closes 'events', so it outlives the StopForgetsIt's end
                      Received<Integer> r = events.receiveOk();
                      if (!r.ok()) {
                        return;
                      }
                    }
                  });
                }

                void publish(int e) {
                  events.send(e);
                }

                void stop() {}
              }
            }
            """)
        .doTest();
  }

  /**
   * A producer or consumer written as a method of the unit is read through its summary: a
   * goroutine that calls a producer which never closes leaves the loop over its channel waiting;
   * one that closes on every way out does not.
   */
  @Test
  void helpersOfTheUnitAreSummarised() {
    helper
        .addSourceLines(
            "Helpers.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Helpers {
              static void use(int value) {}

              private static void produceAndClose(List<Integer> items, Chan<Integer> out) {
                try {
                  for (int item : items) {
                    out.send(item);
                  }
                } finally {
                  out.close();
                }
              }

              private static void produce(List<Integer> items, SendChan<Integer> out) {
                for (int item : items) {
                  out.send(item);
                }
              }

              private static void drain(RecvChan<Integer> in) {
                for (int value : in) {
                  use(value);
                }
              }

              private static void maybeClose(Chan<Integer> out, boolean last) {
                if (last) {
                  out.close();
                }
              }

              // The producer closes on every way out.
              void producerCloses(List<Integer> items) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> produceAndClose(items, out));
                for (int value : out) {
                  use(value);
                }
              }

              // The method closes after producing through the helper.
              void closedAfterTheHelper(List<Integer> items) {
                Chan<Integer> out = Chan.make(items.size());
                produce(items, out);
                out.close();
                for (int value : out) {
                  use(value);
                }
              }

              // A helper that closes on some paths only: not summarised, not judged.
              void closedSometimes(List<Integer> items, boolean last) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> {
                  produce(items, out);
                  maybeClose(out, last);
                });
                for (int value : out) {
                  use(value);
                }
              }

              // The consumer helper ranges over what the method closes.
              void consumerDrainsClosed(List<Integer> items) {
                Chan<Integer> ch = Chan.make();
                WaitGroup wg = new WaitGroup();
                wg.go(() -> drain(ch));
                try {
                  for (int item : items) {
                    ch.send(item);
                  }
                } finally {
                  ch.close();
                }
                wg.await();
              }

              private static final int END = -1;

              private static void drainUntilEnd(RecvChan<Integer> in) {
                for (int value : in) {
                  if (value == END) {
                    break;
                  }
                  use(value);
                }
              }

              // The consumer helper stops on a sentinel the method sends: no close needed.
              void consumerStopsOnASentinel(List<Integer> items) {
                Chan<Integer> ch = Chan.make();
                WaitGroup wg = new WaitGroup();
                wg.go(() -> drainUntilEnd(ch));
                for (int item : items) {
                  ch.send(item);
                }
                ch.send(END);
                wg.await();
              }

              // The producer helper never closes: the loop waits for ever.
              void producerNeverCloses(List<Integer> items) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> produce(items, out));
                // BUG: Diagnostic contains: nothing closes 'out'
                for (int value : out) {
                  use(value);
                }
              }

              // The consumer helper ranges over a channel the method never closes.
              void consumerNeverEnds(List<Integer> items) {
                Chan<Integer> ch = Chan.make();
                WaitGroup wg = new WaitGroup();
                // BUG: Diagnostic contains: nothing closes 'ch'
                wg.go(() -> drain(ch));
                for (int item : items) {
                  ch.send(item);
                }
                wg.await();
              }
            }
            """)
        .doTest();
  }

  @Test
  void identification() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Quiet {
              static String fetch(String url) {
                return url;
              }

              // Pipeline stage: the goroutine closes its output in finally.
              RecvChan<Integer> square(RecvChan<Integer> in) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> {
                  try {
                    for (int n : in) {
                      out.send(n * n);
                    }
                  } finally {
                    out.close();
                  }
                });
                return out;
              }

              // Fan-in with a WaitGroup closer.
              RecvChan<Integer> merge(List<RecvChan<Integer>> inputs) {
                Chan<Integer> merged = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (RecvChan<Integer> in : inputs) {
                  wg.go(() -> {
                    for (int v : in) {
                      merged.send(v);
                    }
                  });
                }
                Go.go(() -> {
                  wg.await();
                  merged.close();
                });
                return merged;
              }

              // Worker pool with a closer goroutine, ranged by the owner.
              void workerPool(Chan<Integer> jobs) {
                Chan<Integer> results = Chan.make(10);
                WaitGroup wg = new WaitGroup();
                for (int w = 0; w < 3; w++) {
                  wg.go(() -> {
                    for (int j : jobs) {
                      results.send(j * 2);
                    }
                  });
                }
                Go.go(() -> {
                  wg.await();
                  results.close();
                });
                for (int r : results) {
                  System.out.println(r);
                }
              }

              // Fetch-all: the owner closes after the senders are done, then ranges.
              void fetchAll(List<String> urls) {
                Chan<String> results = Chan.make(urls.size());
                WaitGroup wg = new WaitGroup();
                for (String url : urls) {
                  wg.go(() -> results.send(fetch(url)));
                }
                wg.await();
                results.close();
                for (String r : results) {
                  System.out.println(r);
                }
              }

              // A channel passed to a method that closes it.
              void passedOn() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> produce(ch));
                for (int v : ch) {
                  System.out.println(v);
                }
              }

              private static void produce(SendChan<Integer> out) {
                out.send(1);
                out.close();
              }

              // A single receive is not judged.
              int single() {
                Chan<Integer> ch = Chan.make(1);
                Go.go(() -> ch.send(1));
                return ch.receive();
              }

              // The goroutine closes on its error path and sends on the other.
              RecvChan<String> fetchOne(String url) {
                Chan<String> ch = Chan.make(1);
                Go.go(() -> {
                  String body = fetch(url);
                  if (body == null) {
                    ch.close();
                    return;
                  }
                  ch.send(body);
                });
                return ch;
              }

              // Leaving on the ctx.done() path is fine: the caller holds the same context.
              RecvChan<String> withContext(Context ctx, String url) {
                Chan<String> ch = Chan.make();
                Go.go(() -> {
                  if (ctx.err() != null) {
                    return;
                  }
                  Select.<Void>select()
                      .send(ch, fetch(url), () -> null)
                      .recv(ctx.done(), d -> null)
                      .run();
                });
                return ch;
              }

              // receiveOk loop over a channel its producer closes.
              void receiveOkLoop() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  ch.send(1);
                  ch.close();
                });
                while (true) {
                  Received<Integer> r = ch.receiveOk();
                  if (!r.ok()) {
                    break;
                  }
                }
              }

              // An explicit throw that still closes in finally.
              RecvChan<String> throwsButCloses(String url) {
                Chan<String> ch = Chan.make(1);
                Go.go(() -> {
                  try {
                    if (url.isEmpty()) {
                      throw new IllegalArgumentException("empty");
                    }
                    ch.send(fetch(url));
                  } finally {
                    ch.close();
                  }
                });
                return ch;
              }

              // Poison pill: the loop leaves on a sentinel value.
              void poisonPill() {
                Chan<String> ch = Chan.make(4);
                Go.go(() -> {
                  ch.send("a");
                  ch.send("STOP");
                });
                for (String s : ch) {
                  if (s.equals("STOP")) {
                    break;
                  }
                  System.out.println(s);
                }
              }

              // A channel stored in a field escapes.
              private Chan<Integer> kept;

              void stored() {
                Chan<Integer> ch = Chan.make();
                kept = ch;
                Go.go(() -> ch.send(1));
                for (int v : ch) {
                  System.out.println(v);
                }
              }
            }
            """)
        .addSourceLines(
            "Bad.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Bad {
              static String fetch(String url) {
                return url;
              }

              void producerNeverCloses() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  for (int i = 0; i < 3; i++) {
                    ch.send(i);
                  }
                });
                // BUG: Diagnostic contains: the loop over 'ch' at line 17 never ends: nothing closes 'ch'
                for (int v : ch) {
                  System.out.println(v);
                }
              }

              void workerPoolWithoutCloser(Chan<Integer> jobs) {
                Chan<Integer> results = Chan.make(10);
                for (int w = 0; w < 3; w++) {
                  Go.go(() -> {
                    for (int j : jobs) {
                      results.send(j * 2);
                    }
                  });
                }
                // BUG: Diagnostic contains: nothing closes 'results'
                for (int r : results) {
                  System.out.println(r);
                }
              }

              RecvChan<Integer> fanInWithoutCloser(List<RecvChan<Integer>> inputs) {
                Chan<Integer> merged = Chan.make();
                for (RecvChan<Integer> in : inputs) {
                  Go.go(() -> {
                    for (int v : in) {
                      // BUG: Diagnostic contains: nothing closes 'merged', returned to callers
                      merged.send(v);
                    }
                  });
                }
                return merged;
              }

              RecvChan<Integer> stageWithoutClose(RecvChan<Integer> in) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> {
                  for (int n : in) {
                    // BUG: Diagnostic contains: nothing closes 'out'
                    out.send(n * n);
                  }
                });
                return out;
              }

              void receiveOkNeverEnds() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> ch.send(1));
                do {
                  // BUG: Diagnostic contains: the loop over 'ch'
                  Received<Integer> r = ch.receiveOk();
                  if (!r.ok()) {
                    break;
                  }
                } while (true);
              }

              RecvChan<String> errorPathLeaves(String url) {
                Chan<String> ch = Chan.make();
                Go.go(() -> {
                  String body = fetch(url);
                  // BUG: Diagnostic contains: the goroutine feeding 'ch' can leave after line 78 without sending or closing
                  if (body == null) {
                    return;
                  }
                  ch.send(body);
                });
                return ch;
              }

              RecvChan<String> throwLeaves(String url) {
                Chan<String> ch = Chan.make();
                Go.go(() -> {
                  if (url.isEmpty()) {
                    // BUG: Diagnostic contains: can leave at line 91 without sending or closing
                    throw new IllegalArgumentException("empty");
                  }
                  ch.send(fetch(url));
                });
                return ch;
              }

              void methodSendsGoroutineRanges() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  // BUG: Diagnostic contains: nothing closes 'ch'
                  for (int v : ch) {
                    System.out.println(v);
                  }
                });
                ch.send(1);
                ch.send(2);
              }

              void twoProducersNoCloser() {
                Chan<String> ch = Chan.make();
                Go.go(() -> ch.send("a"));
                Go.go(() -> ch.send("b"));
                // BUG: Diagnostic contains: nothing closes 'ch'
                for (String s : ch) {
                  System.out.println(s);
                }
              }

              void goroutineToGoroutine() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  ch.send(1);
                  ch.send(2);
                });
                WaitGroup wg = new WaitGroup();
                wg.go(() -> {
                  // BUG: Diagnostic contains: the loop over 'ch'
                  for (int v : ch) {
                    System.out.println(v);
                  }
                });
                wg.await();
              }
            }
            """)
        .doTest();
  }

  /**
   * Every sender's every exit: a sole producer goroutine must close on each of its paths; and the
   * shapes the model reads (a narrowed return, an anonymous producer, sends by method reference).
   */
  @Test
  void everyExitOfTheSoleProducer() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Quiet {
              // The producer closes in finally: its early return closes too.
              int earlyReturnClosesInFinally(List<Integer> xs) {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  try {
                    for (int x : xs) {
                      if (x < 0) {
                        return;
                      }
                      ch.send(x);
                    }
                  } finally {
                    ch.close();
                  }
                });
                int sum = 0;
                for (int v : ch) {
                  sum += v;
                }
                return sum;
              }

              // A narrowed return of a channel whose producer closes in finally.
              RecvChan<String> lines(List<String> all) {
                Chan<String> out = Chan.make();
                Go.go(() -> {
                  try {
                    all.forEach(out::send);
                  } finally {
                    out.close();
                  }
                });
                return out.recvOnly();
              }

              // The closer goroutine after wg.await(): the senders need not close.
              int closerAfterAwait(List<Integer> xs) {
                Chan<Integer> ch = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (int x : xs) {
                  wg.go(() -> ch.send(x));
                }
                Go.go(() -> {
                  wg.await();
                  ch.close();
                });
                int n = 0;
                for (int v : ch) {
                  n += v;
                }
                return n;
              }
            }
            """)
        .addSourceLines(
            "Bad.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Bad {
              // The producer's early return skips its close: the range never ends.
              int earlyReturnSkipsClose(List<Integer> xs) {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  for (int x : xs) {
                    if (x < 0) {
                      // BUG: Diagnostic contains: without closing it
                      return;
                    }
                    ch.send(x);
                  }
                  ch.close();
                });
                int sum = 0;
                for (int v : ch) {
                  sum += v;
                }
                return sum;
              }

              // An explicit throw skips the close.
              int throwSkipsClose(List<Integer> xs) {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  for (int x : xs) {
                    if (x < 0) {
                      // BUG: Diagnostic contains: the loop over 'ch'
                      throw new IllegalArgumentException("negative");
                    }
                    ch.send(x);
                  }
                  ch.close();
                });
                int sum = 0;
                for (int v : ch) {
                  sum += v;
                }
                return sum;
              }

              // The producer is an anonymous Runnable and never closes.
              void anonymousProducer(List<String> items) {
                Chan<String> ch = Chan.make();
                Go.go(new Runnable() {
                  @Override
                  public void run() {
                    for (String s : items) {
                      ch.send(s);
                    }
                  }
                });
                // BUG: Diagnostic contains: nothing closes 'ch'
                for (String s : ch) {
                  System.out.println(s);
                }
              }

              // Sends by method reference through a narrowed alias, and nobody closes.
              void narrowedProducer(List<String> items) {
                Chan<String> ch = Chan.make();
                SendChan<String> out = ch.sendOnly();
                Go.go(() -> items.forEach(out::send));
                // BUG: Diagnostic contains: nothing closes 'ch'
                for (String s : ch) {
                  System.out.println(s);
                }
              }
            }
            """)
        .doTest();
  }

  /** A closer goroutine that alone closes the channel must close it on every path. */
  @Test
  void theCloserClosesOnEveryPath() {
    helper
        .addSourceLines(
            "Closers.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Queue;
            import java.util.concurrent.ConcurrentLinkedQueue;

            class Closers {
              static String check(String a) { return a; }

              // The closer closes after the await, whatever happened.
              List<String> closesAlways(List<String> addresses) {
                Chan<String> results = Chan.make(addresses.size());
                WaitGroup wg = new WaitGroup();
                for (String a : addresses) {
                  wg.go(() -> results.send(check(a)));
                }
                Go.go(() -> {
                  wg.await();
                  results.close();
                });
                List<String> out = new ArrayList<>();
                for (String r : results) {
                  out.add(r);
                }
                return out;
              }

              // The closer closes in finally.
              List<String> closesInFinally(List<String> addresses, Queue<String> failed) {
                Chan<String> results = Chan.make(addresses.size());
                WaitGroup wg = new WaitGroup();
                for (String a : addresses) {
                  wg.go(() -> results.send(check(a)));
                }
                Go.go(() -> {
                  try {
                    wg.await();
                    if (!failed.isEmpty()) {
                      return;
                    }
                  } finally {
                    results.close();
                  }
                });
                List<String> out = new ArrayList<>();
                for (String r : results) {
                  out.add(r);
                }
                return out;
              }
            }
            """)
        .addSourceLines(
            "CloserBugs.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Queue;
            import java.util.concurrent.ConcurrentLinkedQueue;

            class CloserBugs {
              static String check(String a) { return a; }

              List<String> closesOnlyWithoutErrors(List<String> addresses) {
                Chan<String> results = Chan.make(addresses.size());
                Queue<String> errors = new ConcurrentLinkedQueue<>();
                WaitGroup wg = new WaitGroup();
                for (String a : addresses) {
                  wg.go(() -> {
                    try {
                      results.send(check(a));
                    } catch (RuntimeException e) {
                      errors.add(a);
                    }
                  });
                }
                Go.go(() -> {
                  wg.await();
                  // BUG: Diagnostic contains: the goroutine closing it can leave
                  if (errors.isEmpty()) {
                    results.close();
                  }
                });
                List<String> out = new ArrayList<>();
                for (String r : results) {
                  out.add(r);
                }
                return out;
              }
            }
            """)
        .doTest();
  }

  /** A catch the goroutine has for a call's exception is a way out like any other. */
  @Test
  void aCatchThatLeavesIsAWayOut() {
    helper
        .addSourceLines(
            "CatchQuiet.java",
            """
            import dev.goconc.*;
            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;

            class CatchQuiet {
              // The catch closes before it leaves.
              static RecvChan<String> closesInCatch(Path file) {
                Chan<String> out = Chan.make();
                Go.go(() -> {
                  List<String> all;
                  try {
                    all = Files.readAllLines(file);
                  } catch (IOException e) {
                    out.close();
                    return;
                  }
                  all.forEach(out::send);
                  out.close();
                });
                return out.recvOnly();
              }

              // The catch logs and falls through to the close.
              static RecvChan<String> fallsThrough(Path file) {
                Chan<String> out = Chan.make();
                Go.go(() -> {
                  List<String> all = List.of();
                  try {
                    all = Files.readAllLines(file);
                  } catch (IOException e) {
                    System.err.println(e);
                  }
                  for (String line : all) {
                    out.send(line);
                  }
                  out.close();
                });
                return out.recvOnly();
              }

              // The close sits in finally: the catch's return closes too.
              static int rangedWithFinally(Path file) {
                Chan<String> out = Chan.make();
                Go.go(() -> {
                  try {
                    for (String line : Files.readAllLines(file)) {
                      out.send(line);
                    }
                  } catch (IOException e) {
                    return;
                  } finally {
                    out.close();
                  }
                });
                int n = 0;
                for (String line : out) {
                  n += line.length();
                }
                return n;
              }
            }
            """)
        .addSourceLines(
            "CatchBad.java",
            """
            import dev.goconc.*;
            import java.io.IOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;

            class CatchBad {
              // The error path returns from the catch: a caller ranging over the result waits.
              static RecvChan<String> lines(Path file) {
                Chan<String> out = Chan.make();
                Go.go(() -> {
                  List<String> all;
                  try {
                    all = Files.readAllLines(file);
                    // BUG: Diagnostic contains: can leave after line 16 without sending or closing
                  } catch (IOException e) {
                    return;
                  }
                  all.forEach(out::send);
                  out.close();
                });
                return out.recvOnly();
              }

              // Ranged in the method: the catch's return skips the close.
              static int ranged(Path file) {
                Chan<String> out = Chan.make();
                Go.go(() -> {
                  try {
                    for (String line : Files.readAllLines(file)) {
                      out.send(line);
                    }
                  } catch (IOException e) {
                    // BUG: Diagnostic contains: without closing it
                    return;
                  }
                  out.close();
                });
                int n = 0;
                for (String line : out) {
                  n += line.length();
                }
                return n;
              }
            }
            """)
        .doTest();
  }

  /**
   * A way out through a catch that takes the work's failures only is taken because the work
   * failed: a check of the context earlier on the path does not excuse it. The send is passed at
   * the call, after its argument: a failure computing the value leaves before anything is sent.
   */
  @Test
  void aFailureTakenByACatchIsNotExcusedByTheContext() {
    helper
        .addSourceLines(
            "FailureQuiet.java",
            """
            import dev.goconc.*;
            import java.io.IOException;
            import java.util.List;

            class FailureQuiet {
              interface Remote {
                boolean push(Context ctx, String item) throws IOException;
              }

              static String decode(byte[] raw) {
                if (raw.length == 0) {
                  throw new IllegalArgumentException("empty");
                }
                return new String(raw);
              }

              // Cancelled: the caller observes the same context.
              static RecvChan<Boolean> cancelledOnly(Context ctx, Remote r, List<String> items) {
                Chan<Boolean> out = Chan.make(8);
                Go.go(() -> {
                  for (String item : items) {
                    if (ctx.err() != null) {
                      return;
                    }
                    out.send(item.isEmpty());
                  }
                  out.close();
                });
                return out;
              }

              // The catch of Exception may be where cancellation arrives.
              static RecvChan<Boolean> catchesEverything(Context ctx, Remote r, List<String> items) {
                Chan<Boolean> out = Chan.make(8);
                Go.go(() -> {
                  for (String item : items) {
                    if (ctx.err() != null) {
                      return;
                    }
                    try {
                      out.send(r.push(ctx, item));
                    } catch (Exception e) {
                      return;
                    }
                  }
                  out.close();
                });
                return out;
              }

              // The catch asks the context before it leaves.
              static RecvChan<Boolean> catchObserves(Context ctx, Remote r, List<String> items) {
                Chan<Boolean> out = Chan.make(8);
                Go.go(() -> {
                  for (String item : items) {
                    boolean ok;
                    try {
                      ok = r.push(ctx, item);
                    } catch (IOException e) {
                      if (ctx.err() != null) {
                        return;
                      }
                      ok = false;
                    }
                    out.send(ok);
                  }
                  out.close();
                });
                return out;
              }

              // The failure is sent on before the goroutine leaves.
              static RecvChan<String> reportsTheFailure(List<byte[]> records) {
                Chan<String> out = Chan.make(8);
                Go.go(() -> {
                  try {
                    for (byte[] raw : records) {
                      out.send(decode(raw));
                    }
                  } catch (IllegalArgumentException e) {
                    out.send("corrupt: " + e.getMessage());
                  }
                  out.close();
                });
                return out;
              }

              // Closed in finally, whatever fails.
              static RecvChan<String> closesInFinally(Context ctx, List<byte[]> records) {
                Chan<String> out = Chan.make(8);
                Go.go(() -> {
                  try {
                    for (byte[] raw : records) {
                      if (ctx.err() != null) {
                        return;
                      }
                      out.send(decode(raw));
                    }
                  } catch (IllegalArgumentException e) {
                    return;
                  } finally {
                    out.close();
                  }
                });
                return out;
              }
            }
            """)
        .addSourceLines(
            "FailureBad.java",
            """
            import dev.goconc.*;
            import java.io.IOException;
            import java.util.List;

            class FailureBad {
              interface Remote {
                boolean push(Context ctx, String item) throws IOException;
              }

              static String decode(byte[] raw) {
                if (raw.length == 0) {
                  throw new IllegalArgumentException("empty");
                }
                return new String(raw);
              }

              // Checked before each push, but the push's failure returns without the close.
              static RecvChan<Boolean> pushAll(Context ctx, Remote r, List<String> items) {
                Chan<Boolean> out = Chan.make(8);
                Go.go(() -> {
                  for (String item : items) {
                    if (ctx.err() != null) {
                      break;
                    }
                    boolean ok;
                    try {
                      ok = r.push(ctx, item);
                      // BUG: Diagnostic contains: can leave after line 29 without sending or closing
                    } catch (IOException e) {
                      return;
                    }
                    out.send(ok);
                  }
                  out.close();
                });
                return out;
              }

              // The value to send fails to decode: nothing is sent, and the catch leaves.
              static RecvChan<String> feed(List<byte[]> records) {
                Chan<String> out = Chan.make(8);
                Go.go(() -> {
                  try {
                    for (byte[] raw : records) {
                      out.send(decode(raw));
                    }
                  } catch (IllegalArgumentException e) {
                    // BUG: Diagnostic contains: can leave after line 49 without sending or closing
                    System.err.println("corrupt record");
                    return;
                  }
                  out.close();
                });
                return out;
              }
            }
            """)
        .doTest();
  }

  /**
   * A receive-only channel returned to callers of the unit that range over it until it closes:
   * when nothing closes it, the loop waits forever once its senders are done, however many there
   * are.
   */
  @Test
  void aRangedResultThatNothingCloses() {
    helper
        .addSourceLines(
            "RangedQuiet.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class RangedQuiet {
              // The closer waits for the senders, then closes.
              RecvChan<String> merged(List<List<String>> sources) {
                Chan<String> out = Chan.make(16);
                WaitGroup wg = new WaitGroup();
                for (List<String> source : sources) {
                  wg.go(() -> source.forEach(out::send));
                }
                Go.go(() -> {
                  wg.await();
                  out.close();
                });
                return out;
              }

              // Callers take a counted number of values: no close is needed.
              RecvChan<Integer> squares(List<Integer> xs) {
                Chan<Integer> out = Chan.make(xs.size());
                for (int x : xs) {
                  Go.go(() -> out.send(x * x));
                }
                return out;
              }

              // Endless feeds, consumed for the life of the program.
              RecvChan<Long> ticks(List<String> sources) {
                Chan<Long> out = Chan.make();
                for (String s : sources) {
                  Go.go(() -> {
                    while (true) {
                      out.send(System.nanoTime());
                    }
                  });
                }
                return out;
              }

              // Returned as a Chan: its callers may close it.
              Chan<String> open(List<String> lines) {
                Chan<String> out = Chan.make(lines.size());
                for (String line : lines) {
                  Go.go(() -> out.send(line));
                }
                return out;
              }

              // Only a counted receive, or a loop that leaves on a match.
              int use(List<Integer> xs, List<List<String>> sources, List<String> lines) {
                int sum = 0;
                RecvChan<Integer> sq = squares(xs);
                for (int i = 0; i < xs.size(); i++) {
                  sum += sq.receive();
                }
                for (long t : ticks(lines)) {
                  sum++;
                }
                for (String s : merged(sources)) {
                  sum += s.length();
                }
                return sum;
              }

              String first(List<String> lines, String prefix) {
                Chan<String> all = open(lines);
                for (String line : all) {
                  if (line.startsWith(prefix)) {
                    return line;
                  }
                }
                return null;
              }
            }
            """)
        .addSourceLines(
            "RangedBad.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class RangedBad {
              // The forwarders are counted, but nobody awaits them or closes out.
              RecvChan<String> allLines(List<List<String>> sources) {
                Chan<String> out = Chan.make(16);
                WaitGroup wg = new WaitGroup();
                for (List<String> source : sources) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      for (String line : source) {
                        // BUG: Diagnostic contains: nothing closes 'out', and the loop over allLines()
                        out.send(line);
                      }
                    } finally {
                      wg.done();
                    }
                  });
                }
                return out;
              }

              // Two senders, unrolled; the caller ranges over a local holding the result.
              RecvChan<Integer> both(List<Integer> a, List<Integer> b) {
                Chan<Integer> out = Chan.make();
                // BUG: Diagnostic contains: nothing closes 'out', and the loop over both()
                Go.go(() -> a.forEach(out::send));
                Go.go(() -> b.forEach(out::send));
                return out;
              }

              int count(List<List<String>> sources, List<Integer> a, List<Integer> b) {
                int n = 0;
                for (String line : allLines(sources)) {
                  n += line.length();
                }
                RecvChan<Integer> values = both(a, b);
                for (int v : values) {
                  n += v;
                }
                return n;
              }
            }
            """)
        .doTest();
  }

  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(UnclosedChannel.class, getClass());

  @Test
  void replacementClosesInFinallyInTheSingleSender() {
    refactoring
        .addInputLines(
            "Producer.java",
            """
            import dev.goconc.*;

            class Producer {
              void run() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  for (int i = 0; i < 3; i++) {
                    ch.send(i);
                  }
                });
                for (int v : ch) {
                  System.out.println(v);
                }
              }

              RecvChan<String> fetch(String url) {
                Chan<String> out = Chan.make();
                Go.go(() -> {
                  if (url.isEmpty()) {
                    return;
                  }
                  out.send(url);
                });
                return out;
              }
            }
            """)
        .addOutputLines(
            "Producer.java",
            """
            import dev.goconc.*;

            class Producer {
              void run() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  try {
                    for (int i = 0; i < 3; i++) {
                      ch.send(i);
                    }
                  } finally {
                    ch.close();
                  }
                });
                for (int v : ch) {
                  System.out.println(v);
                }
              }

              RecvChan<String> fetch(String url) {
                Chan<String> out = Chan.make();
                Go.go(() -> {
                  try {
                    if (url.isEmpty()) {
                      return;
                    }
                    out.send(url);
                  } finally {
                    out.close();
                  }
                });
                return out;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
  /** {@code ch.forEach(action)} is a for-each over the channel in method form. */
  @Test
  void forEachInMethodForm() {
    helper
        .addSourceLines(
            "Forwarders.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;

            class Forwarders {
              static <T> RecvChan<T> merge(List<RecvChan<T>> streams) {
                Chan<T> out = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (RecvChan<T> s : streams) {
                  wg.go(() -> s.forEach(out::send));
                }
                Go.go(() -> {
                  wg.await();
                  out.close();
                });
                return out;
              }

              static <T> RecvChan<T> relay(RecvChan<T> in) {
                Chan<T> out = Chan.make();
                Go.go(() -> {
                  try {
                    in.forEach(out::send);
                  } finally {
                    out.close();
                  }
                });
                return out;
              }

              static List<Integer> collect(List<Integer> xs) {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  try {
                    xs.forEach(ch::send);
                  } finally {
                    ch.close();
                  }
                });
                List<Integer> got = new ArrayList<>();
                ch.forEach(got::add);
                return got;
              }
            }
            """)
        .addSourceLines(
            "ForwarderBugs.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;

            class ForwarderBugs {
              static <T> RecvChan<T> mergeBroken(List<RecvChan<T>> streams) {
                Chan<T> out = Chan.make();
                for (RecvChan<T> s : streams) {
                  // BUG: Diagnostic contains: forwards until its input closes
                  Go.go(() -> s.forEach(out::send));
                }
                return out;
              }

              static List<Integer> collectNoClose(List<Integer> xs) {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> xs.forEach(ch::send));
                List<Integer> got = new ArrayList<>();
                // BUG: Diagnostic contains: nothing closes 'ch'
                ch.forEach(got::add);
                return got;
              }
            }
            """)
        .doTest();
  }
}
