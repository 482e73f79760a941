package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class GoroutineLeakTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(GoroutineLeak.class, getClass());

  @Test
  void identification() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.List;

            class Quiet {
              static int compute() {
                return 42;
              }

              // Fetch-all: a buffer as large as the work.
              void fetchAll(List<String> urls) {
                Chan<String> results = Chan.make(urls.size());
                for (String url : urls) {
                  Go.go(() -> results.send(url));
                }
              }

              // The fix of the classic leak: room for the one send, parent may time out.
              Integer withTimeout() {
                Chan<Integer> result = Chan.make(1);
                Go.go(() -> result.send(compute()));
                return Select.<Integer>select()
                    .recv(result, v -> v)
                    .recv(Time.after(Duration.ofSeconds(1)), t -> -1)
                    .run();
              }

              // The sender selects on ctx.done(): it leaves when the caller gives up.
              Integer senderSelectsOnDone(Context ctx) {
                Chan<Integer> result = Chan.make();
                Go.go(() -> Select.<Void>select()
                    .send(result, compute(), () -> null)
                    .recv(ctx.done(), d -> null)
                    .run());
                return Select.<Integer>select()
                    .recv(result, v -> v)
                    .recv(ctx.done(), d -> -1)
                    .run();
              }

              // The sender selects on a done channel the parent closes.
              void senderSelectsOnDoneChannel() {
                Chan<Void> done = Chan.make();
                Chan<Integer> result = Chan.make();
                Go.go(() -> Select.<Void>select()
                    .send(result, 1, () -> null)
                    .recv(done, d -> null)
                    .run());
                done.close();
              }

              // The parent receives on every path.
              int receivesOnEveryPath(boolean fast) {
                Chan<Integer> result = Chan.make();
                Go.go(() -> result.send(compute()));
                if (fast) {
                  return result.receive() + 1;
                }
                return result.receive();
              }

              // A channel that escapes is not judged.
              RecvChan<Integer> escapes() {
                Chan<Integer> result = Chan.make();
                Go.go(() -> result.send(compute()));
                return result;
              }

              // Worker pool: the parent receives once per job.
              void workerPool(List<Integer> work) {
                Chan<Integer> jobs = Chan.make(100);
                Chan<Integer> results = Chan.make();
                for (int w = 0; w < 3; w++) {
                  Go.go(() -> {
                    for (int j : jobs) {
                      results.send(j * 2);
                    }
                  });
                }
                for (int j : work) {
                  jobs.send(j);
                }
                jobs.close();
                for (int i = 0; i < work.size(); i++) {
                  System.out.println(results.receive());
                }
              }

              // Semaphore from a buffered channel: goroutines receive, the parent sends.
              void semaphore(List<Runnable> tasks) {
                Chan<Void> sem = Chan.make(3);
                for (Runnable task : tasks) {
                  sem.send(null);
                  Go.go(() -> {
                    try {
                      task.run();
                    } finally {
                      sem.receive();
                    }
                  });
                }
              }

              // Resource pool with select/otherwise: a send that cannot wait.
              void pool() {
                Chan<StringBuilder> pool = Chan.make(2);
                Select.<Void>select()
                    .send(pool, new StringBuilder(), () -> null)
                    .otherwise(() -> null)
                    .run();
                if (!pool.trySend(new StringBuilder())) {
                  System.out.println("full");
                }
              }

              // Done-channel worker and ctx-observing ticker loops stop.
              void workers(Context ctx, Ticker ticker) {
                Chan<Void> quit = Chan.make();
                Go.go(() -> {
                  while (true) {
                    boolean stop = Select.<Boolean>select()
                        .recv(quit, q -> true)
                        .recv(ticker.c(), t -> false)
                        .run();
                    if (stop) {
                      return;
                    }
                  }
                });
                Go.go(() -> {
                  for (;;) {
                    Select.<Void>select()
                        .recv(ctx.done(), d -> null)
                        .recv(ticker.c(), t -> null)
                        .run();
                  }
                });
                quit.close();
              }

              // A goroutine signalling completion by close; ping-pong on an unbuffered channel.
              void signals() {
                Chan<Void> done = Chan.make();
                Go.go(() -> done.close());
                done.receive();
                Chan<Integer> ping = Chan.make();
                Go.go(() -> ping.send(1));
                ping.receive();
              }

              // errgroup: the goroutines send into a buffer with room for both.
              void errGroup(Context ctx) throws Exception {
                Chan<Integer> out = Chan.make(2);
                ErrGroup g = ErrGroup.withContext(ctx);
                g.go(() -> out.send(1));
                g.go(() -> out.send(2));
                g.await();
              }
            }
            """)
        .addSourceLines(
            "Bad.java",
            """
            import dev.goconc.*;
            import java.time.Duration;

            class Bad {
              static int compute() {
                return 42;
              }

              Integer classicTimeout() {
                Chan<Integer> result = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'result' (line 12) blocks forever
                Go.go(() -> result.send(compute()));
                return Select.<Integer>select()
                    .recv(result, v -> v)
                    .recv(Time.after(Duration.ofSeconds(1)), t -> -1)
                    .run();
              }

              Integer parentGivesUpOnCancel(Context ctx) {
                Chan<Integer> result = Chan.make();
                // BUG: Diagnostic contains: make it Chan.make(1)
                Go.go(() -> result.send(compute()));
                return Select.<Integer>select()
                    .recv(result, v -> v)
                    .recv(ctx.done(), d -> null)
                    .run();
              }

              int earlyReturn(boolean skip) {
                Chan<Integer> result = Chan.make();
                // BUG: Diagnostic contains: the method can leave at line 34 without receiving
                Go.go(() -> result.send(compute()));
                if (skip) {
                  return -1;
                }
                return result.receive();
              }

              int throwsBeforeReceiving(boolean bad) {
                Chan<Integer> result = Chan.make();
                // BUG: Diagnostic contains: blocks forever
                Go.go(() -> result.send(compute()));
                if (bad) {
                  throw new IllegalStateException("bad");
                }
                return result.receive();
              }

              void neverReceives() {
                Chan<Integer> result = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'result'
                Go.go(() -> result.send(compute()));
              }

              String twoSendersOneSlot(Context ctx) {
                Chan<String> first = Chan.make(1);
                // BUG: Diagnostic contains: holds 1 of 2 sends
                Go.go(() -> first.send("a"));
                Go.go(() -> first.send("b"));
                return Select.<String>select().recv(first, v -> v).recv(ctx.done(), d -> "").run();
              }

              void senderLoops(boolean stop) {
                Chan<Integer> numbers = Chan.make();
                Go.go(() -> {
                  for (int i = 0; i < 10; i++) {
                    // BUG: Diagnostic contains: receive on every path
                    numbers.send(i);
                  }
                });
                if (stop) {
                  return;
                }
                for (int n : numbers) {
                  System.out.println(n);
                }
              }

              int sendsToItself() {
                Chan<Integer> ch = Chan.make();
                // BUG: Diagnostic contains: send on 'ch' at line 82 blocks forever: the channel is unbuffered
                ch.send(1);
                return ch.receive();
              }

              void overfillsItsBuffer() {
                Chan<Integer> ch = Chan.make(1);
                // BUG: Diagnostic contains: the buffer holds 1 of 2 sends
                ch.send(1);
                ch.send(2);
              }

              void spins() {
                Go.go(() -> {
                  // BUG: Diagnostic contains: goroutine never stops: the loop at line 96
                  while (true) {
                    compute();
                  }
                });
              }

              void tickerForever(Ticker ticker) {
                Go.go(() -> {
                  // BUG: Diagnostic contains: goroutine never stops
                  for (;;) {
                    ticker.c().receive();
                    compute();
                  }
                });
              }

              void breakOnlyLeavesTheSwitch(Chan<Integer> in) {
                Go.go(() -> {
                  // BUG: Diagnostic contains: goroutine never stops
                  while (true) {
                    switch (compute()) {
                      case 0:
                        break;
                      default:
                        compute();
                    }
                  }
                });
              }

              void methodReference() {
                Go.go(this::pump);
              }

              private void pump() {
                // BUG: Diagnostic contains: goroutine never stops
                do {
                  compute();
                } while (true);
              }
            }
            """)
        .doTest();
  }

  /**
   * Java counterparts of the channel leaks in GCatch's GoKer benchmark (blocking bugs whose
   * channel is local to one function), with their fixed versions. GCatch reports the blocked
   * operation; goconc reports the goroutine's send (or the method's own send) and offers the
   * buffer as a fix.
   */
  /**
   * A select in a loop whose case on the channel is {@code recvOk} reads the close, and the loop
   * is taken to run until it, as a {@code receiveOk} loop is: a timer or ticker case beside it is
   * a wake-up (a flush), not a way out. A context's {@code done()} beside it, or a plain {@code
   * recv}, still lets the loop end before the senders have finished.
   */
  @Test
  void aSelectLoopThatReadsTheCloseRunsUntilIt() {
    helper
        .addSourceLines(
            "Batching.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Consumer;

            final class Batching {
              static final class Batcher {
                private final Consumer<List<Integer>> sink;

                Batcher(Consumer<List<Integer>> sink) {
                  this.sink = sink;
                }

                void run(RecvChan<Integer> items) {
                  List<Integer> batch = new ArrayList<>();
                  while (true) {
                    Timer flush = Time.newTimer(Duration.ofMillis(20));
                    boolean open = true;
                    while (batch.size() < 10) {
                      Received<Integer> r = Select.<Received<Integer>>select()
                          .recvOk(items, x -> x)
                          .recv(flush.c(), t -> null)
                          .run();
                      if (r == null) {
                        break;
                      }
                      if (!r.ok()) {
                        open = false;
                        break;
                      }
                      batch.add(r.value());
                    }
                    flush.stop();
                    sink.accept(List.copyOf(batch));
                    batch.clear();
                    if (!open) {
                      return;
                    }
                  }
                }
              }

              void throughTheBatcher() {
                Chan<Integer> in = Chan.make(10);
                Go.go(() -> {
                  try {
                    for (int i = 0; i < 25; i++) {
                      in.send(i);
                    }
                  } finally {
                    in.close();
                  }
                });
                new Batcher(System.out::println).run(in);
              }

              void tickingInPlace(Ticker ticker) {
                Chan<Integer> in = Chan.make();
                for (int w = 0; w < 3; w++) {
                  int id = w;
                  Go.go(() -> in.send(id));
                }
                int seen = 0;
                while (seen < 100) {
                  Received<Integer> r = Select.<Received<Integer>>select()
                      .recvOk(in, x -> x)
                      .recv(ticker.c(), t -> null)
                      .run();
                  if (r != null && !r.ok()) {
                    return;
                  }
                  seen++;
                }
              }

              void afterEachRound(List<String> names) {
                Chan<String> in = Chan.make();
                Go.go(() -> {
                  for (String n : names) {
                    in.send(n);
                  }
                  in.close();
                });
                for (;;) {
                  Boolean more = Select.<Boolean>select()
                      .recvOk(in, r -> r.ok())
                      .recv(Time.after(Duration.ofSeconds(1)), t -> true)
                      .run();
                  if (!more) {
                    return;
                  }
                }
              }

              void stopsOnTheContext(Context ctx, List<String> names) {
                Chan<String> in = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'in'
                Go.go(() -> names.forEach(in::send));
                for (;;) {
                  Boolean more = Select.<Boolean>select()
                      .recvOk(in, r -> r.ok())
                      .recv(ctx.done(), v -> false)
                      .run();
                  if (!more) {
                    return;
                  }
                }
              }

              void plainReceiveWithATimeout(List<String> names) {
                Chan<String> in = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'in'
                Go.go(() -> names.forEach(in::send));
                for (int i = 0; i < names.size(); i++) {
                  String got = Select.<String>select()
                      .recv(in, v -> v)
                      .recv(Time.after(Duration.ofSeconds(1)), t -> null)
                      .run();
                  if (got == null) {
                    return;
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A goroutine's endless loop can be stopped through a channel only when the channel is a stop
   * signal: closed by the unit, or a {@code Void} channel that carries nothing but its close. A
   * channel of values the unit only receives from (a parameter the caller feeds) is data: a loop
   * over it with no way out never stops.
   */
  @Test
  void anEndlessLoopOverDataChannelsNeverStops() {
    helper
        .addSourceLines(
            "Watchers.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.concurrent.CancellationException;

            final class Watchers {
              private final Chan<Boolean> stop = Chan.make();

              void untilQuit(RecvChan<Long> heartbeats, RecvChan<Void> quit) {
                Go.go(() -> {
                  while (true) {
                    Select.<Void>select()
                        .recv(heartbeats, hb -> null)
                        .recv(quit, v -> { throw new CancellationException(); })
                        .run();
                  }
                });
              }

              void untilStopped(RecvChan<Long> heartbeats) {
                Go.go(() -> {
                  for (;;) {
                    Select.<Void>select()
                        .recv(heartbeats, hb -> null)
                        .recv(stop, v -> { throw new CancellationException(); })
                        .run();
                  }
                });
              }

              void close() {
                stop.close();
              }

              void forever(RecvChan<String> jobs) {
                Go.go(() -> {
                  // BUG: Diagnostic contains: goroutine never stops
                  while (true) {
                    System.out.println(jobs.receive());
                  }
                });
              }

              void foreverWithATimeout(RecvChan<Long> heartbeats, Duration timeout) {
                Go.go(() -> {
                  // BUG: Diagnostic contains: goroutine never stops
                  while (true) {
                    Select.<Void>select()
                        .recv(heartbeats, hb -> null)
                        .recv(Time.after(timeout), t -> null)
                        .run();
                  }
                });
              }
            }
            """)
        .doTest();
  }

  /**
   * Fail fast: a receiving loop that throws on a bad value leaves while later senders still wait
   * on an unbuffered channel. A throw the method catches, one after the loop, a buffer with room
   * for every sender, senders that select on a way out, and a return once the loop has counted
   * what it expected are quiet.
   */
  @Test
  void aThrowFromTheReceivingLoopLeavesTheLaterSenders() {
    helper
        .addSourceLines(
            "FailFast.java",
            """
            import dev.goconc.*;
            import java.util.List;
            import java.util.function.Function;

            final class FailFast {
              record Quote(String source, double price, String error) {
                boolean ok() {
                  return error == null;
                }
              }

              double roomForAll(List<String> sources, Function<String, Quote> fetch) {
                Chan<Quote> quotes = Chan.make(sources.size());
                for (String s : sources) {
                  Go.go(() -> quotes.send(fetch.apply(s)));
                }
                double sum = 0;
                for (int i = 0; i < sources.size(); i++) {
                  Quote q = quotes.receive();
                  if (!q.ok()) {
                    throw new IllegalStateException(q.error());
                  }
                  sum += q.price();
                }
                return sum;
              }

              double caughtInside(List<String> sources, Function<String, Quote> fetch) {
                Chan<Quote> quotes = Chan.make();
                for (String s : sources) {
                  Go.go(() -> quotes.send(fetch.apply(s)));
                }
                double sum = 0;
                for (int i = 0; i < sources.size(); i++) {
                  Quote q = quotes.receive();
                  try {
                    if (!q.ok()) {
                      throw new IllegalStateException(q.error());
                    }
                    sum += q.price();
                  } catch (IllegalStateException e) {
                    System.err.println(e.getMessage());
                  }
                }
                return sum;
              }

              double throwsAfterTheLoop(List<String> sources, Function<String, Quote> fetch) {
                Chan<Quote> quotes = Chan.make();
                for (String s : sources) {
                  Go.go(() -> quotes.send(fetch.apply(s)));
                }
                String firstError = null;
                double sum = 0;
                for (int i = 0; i < sources.size(); i++) {
                  Quote q = quotes.receive();
                  if (!q.ok() && firstError == null) {
                    firstError = q.error();
                  }
                  sum += q.price();
                }
                if (firstError != null) {
                  throw new IllegalStateException(firstError);
                }
                return sum;
              }

              double sendersCanGiveUp(Context ctx, List<String> sources, Function<String, Quote> fetch) {
                Chan<Quote> quotes = Chan.make();
                CancelContext inner = Context.withCancel(ctx);
                try {
                  for (String s : sources) {
                    Go.go(() -> Select.<Void>select()
                        .send(quotes, fetch.apply(s), () -> null)
                        .recv(inner.done(), v -> null)
                        .run());
                  }
                  double sum = 0;
                  for (int i = 0; i < sources.size(); i++) {
                    Quote q = quotes.receive();
                    if (!q.ok()) {
                      throw new IllegalStateException(q.error());
                    }
                    sum += q.price();
                  }
                  return sum;
                } finally {
                  inner.cancel();
                }
              }

              int returnsOnceCounted(List<String> sources, Function<String, Quote> fetch) {
                Chan<Quote> quotes = Chan.make();
                for (String s : sources) {
                  Go.go(() -> quotes.send(fetch.apply(s)));
                }
                int got = 0;
                for (;;) {
                  quotes.receive();
                  got++;
                  if (got == sources.size()) {
                    return got;
                  }
                }
              }

              double failsFast(List<String> sources, Function<String, Quote> fetch) {
                Chan<Quote> quotes = Chan.make();
                for (String s : sources) {
                  // BUG: Diagnostic contains: having received fewer values than were sent
                  Go.go(() -> quotes.send(fetch.apply(s)));
                }
                double sum = 0;
                for (int i = 0; i < sources.size(); i++) {
                  Quote q = quotes.receive();
                  if (!q.ok()) {
                    throw new IllegalStateException(q.source() + ": " + q.error());
                  }
                  sum += q.price();
                }
                return sum / sources.size();
              }

              double threeSources(Function<String, Quote> fetch) {
                Chan<Quote> quotes = Chan.make();
                // BUG: Diagnostic contains: holds 0 of 3 sends; make it Chan.make(3)
                Go.go(() -> quotes.send(fetch.apply("a")));
                Go.go(() -> quotes.send(fetch.apply("b")));
                Go.go(() -> quotes.send(fetch.apply("c")));
                double sum = 0;
                int left = 3;
                while (left > 0) {
                  Quote q = quotes.receive();
                  left--;
                  if (!q.ok()) {
                    throw new IllegalArgumentException(q.error());
                  }
                  sum += q.price();
                }
                return sum;
              }
            }
            """)
        .doTest();
  }

  /**
   * First answer wins, in a loop: goroutines that each send one value, and a receiving loop that
   * leaves on the value it received (the first NO, the first bot) strands the rest. A loop left
   * on a count, one that drains after its break, a buffer with room for all, and one producer
   * streaming values (whose stop the model does not follow) are quiet. A for-each over the
   * channel that throws from its body leaves its producer waiting too.
   */
  @Test
  void aLoopLeftOnAValueStrandsTheOtherSenders() {
    helper
        .addSourceLines(
            "Votes.java",
            """
            import dev.goconc.*;
            import java.util.List;
            import java.util.function.Supplier;

            final class Votes {
              enum Vote { YES, NO }

              boolean roomForAll(List<Supplier<Vote>> voters) {
                Chan<Vote> votes = Chan.make(voters.size());
                for (Supplier<Vote> v : voters) {
                  Go.go(() -> votes.send(v.get()));
                }
                for (int i = 0; i < voters.size(); i++) {
                  if (votes.receive() == Vote.NO) {
                    return false;
                  }
                }
                return true;
              }

              boolean drainsAfterTheBreak(List<Supplier<Vote>> voters) {
                Chan<Vote> votes = Chan.make();
                for (Supplier<Vote> v : voters) {
                  Go.go(() -> votes.send(v.get()));
                }
                boolean ok = true;
                int i = 0;
                for (; i < voters.size(); i++) {
                  if (votes.receive() == Vote.NO) {
                    ok = false;
                    i++;
                    break;
                  }
                }
                for (; i < voters.size(); i++) {
                  votes.receive();
                }
                return ok;
              }

              int countsThenReturns(List<Supplier<Vote>> voters) {
                Chan<Vote> votes = Chan.make();
                for (Supplier<Vote> v : voters) {
                  Go.go(() -> votes.send(v.get()));
                }
                int yes = 0;
                int seen = 0;
                while (true) {
                  if (votes.receive() == Vote.YES) {
                    yes++;
                  }
                  if (++seen == voters.size()) {
                    return yes;
                  }
                }
              }

              Vote oneStreamingProducer(List<Supplier<Vote>> voters) {
                Chan<Vote> votes = Chan.make();
                Go.go(() -> {
                  for (Supplier<Vote> v : voters) {
                    votes.send(v.get());
                  }
                });
                for (int i = 0; i < voters.size(); i++) {
                  Vote v = votes.receive();
                  if (v == Vote.NO) {
                    return v;
                  }
                }
                return Vote.YES;
              }

              long rangesThenThrows(List<Long> updates) {
                Chan<Long> progress = Chan.make();
                Go.go(() -> {
                  try {
                    for (long u : updates) {
                      progress.send(u);
                    }
                  } finally {
                    progress.close();
                  }
                });
                long last = -1;
                boolean backwards = false;
                for (long p : progress) {
                  backwards |= p < last;
                  last = p;
                }
                if (backwards) {
                  throw new IllegalStateException("progress went backwards");
                }
                return last;
              }
            }
            """)
        .addSourceLines(
            "VoteBugs.java",
            """
            import dev.goconc.*;
            import java.util.List;
            import java.util.function.Supplier;

            final class VoteBugs {
              enum Vote { YES, NO }

              boolean firstNoReturns(List<Supplier<Vote>> voters) {
                Chan<Vote> votes = Chan.make();
                for (Supplier<Vote> v : voters) {
                  // BUG: Diagnostic contains: having received fewer values than were sent
                  Go.go(() -> votes.send(v.get()));
                }
                for (int i = 0; i < voters.size(); i++) {
                  if (votes.receive() == Vote.NO) {
                    return false;
                  }
                }
                return true;
              }

              boolean firstBotBreaks(List<List<String>> partitions) {
                Chan<Boolean> verdicts = Chan.make();
                // BUG: Diagnostic contains: blocks forever
                partitions.forEach(p -> Go.go(() -> verdicts.send(p.contains("bot"))));
                boolean found = false;
                scan:
                for (int i = 0; i < partitions.size(); i++) {
                  boolean bot = verdicts.receive();
                  if (bot) {
                    found = true;
                    break scan;
                  }
                }
                return found;
              }

              long rangeThrows(List<Long> updates) {
                Chan<Long> progress = Chan.make();
                Go.go(() -> {
                  for (long u : updates) {
                    // BUG: Diagnostic contains: blocks forever
                    progress.send(u);
                  }
                  progress.close();
                });
                long last = -1;
                for (long p : progress) {
                  if (p < last) {
                    throw new IllegalStateException("progress went backwards: " + p);
                  }
                  last = p;
                }
                return last;
              }
            }
            """)
        .doTest();
  }

  /**
   * A send that every path reaches only after the method closes the channel throws rather than
   * waits (SendOnClosedChannel's finding): it is not counted against the buffer.
   */
  @Test
  void aSendAfterTheCloseThrowsItDoesNotWait() {
    helper
        .addSourceLines(
            "AfterClose.java",
            """
            import dev.goconc.*;

            class AfterClose {
              void announceTwice(String text) {
                Chan<String> once = Chan.make(1);
                once.send(text);
                once.close();
                once.send(text + " (again)");
              }

              void unbufferedAfterClose() {
                Chan<String> c = Chan.make();
                c.close();
                c.send("late");
              }

              void overfillsThenCloses(String text) {
                Chan<String> once = Chan.make(1);
                // BUG: Diagnostic contains: the buffer holds 1 of 2 sends
                once.send(text);
                once.send(text);
                once.close();
              }

              void closesOnOnePathOnly(String text, boolean done) {
                Chan<String> once = Chan.make(1);
                // BUG: Diagnostic contains: the buffer holds 1 of 2 sends
                once.send(text);
                if (done) {
                  once.close();
                }
                once.send(text);
              }
            }
            """)
        .doTest();
  }

  @Test
  void goKerCounterparts() {
    helper
        .addSourceLines(
            "Kubernetes5316.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.concurrent.Callable;

            class Kubernetes5316 {
              // The parent may take the timeout case: both senders block forever.
              void finishRequest(Duration timeout, Callable<Exception> fn) {
                Chan<Boolean> ch = Chan.make();
                Chan<Exception> errCh = Chan.make();
                Go.go(() -> {
                  Exception err = call(fn);
                  if (err != null) {
                    // BUG: Diagnostic contains: goroutine sending on 'errCh'
                    errCh.send(err);
                  } else {
                    // BUG: Diagnostic contains: goroutine sending on 'ch'
                    ch.send(true);
                  }
                });
                Select.<Void>select()
                    .recv(ch, v -> null)
                    .recv(errCh, e -> null)
                    .recv(Time.after(timeout), t -> null)
                    .run();
              }

              // The fix: room for the one send on each channel.
              void finishRequestFixed(Duration timeout, Callable<Exception> fn) {
                Chan<Boolean> ch = Chan.make(1);
                Chan<Exception> errCh = Chan.make(1);
                Go.go(() -> {
                  Exception err = call(fn);
                  if (err != null) {
                    errCh.send(err);
                  } else {
                    ch.send(true);
                  }
                });
                Select.<Void>select()
                    .recv(ch, v -> null)
                    .recv(errCh, e -> null)
                    .recv(Time.after(timeout), t -> null)
                    .run();
              }

              static Exception call(Callable<Exception> fn) {
                try {
                  return fn.call();
                } catch (Exception e) {
                  return e;
                }
              }
            }
            """)
        .addSourceLines(
            "Moby33293.java",
            """
            import dev.goconc.*;

            class Moby33293 {
              static RuntimeException mayReturnError() {
                return Math.random() < 0.5 ? new RuntimeException("error") : null;
              }

              // The method sends on the channel it is about to return: nobody can receive yet.
              RecvChan<RuntimeException> containerWait() {
                Chan<RuntimeException> errC = Chan.make();
                RuntimeException err = mayReturnError();
                if (err != null) {
                  // BUG: Diagnostic contains: send on 'errC' at line 14 blocks forever
                  errC.send(err);
                  return errC;
                }
                return errC;
              }

              RecvChan<RuntimeException> containerWaitFixed() {
                Chan<RuntimeException> errC = Chan.make(1);
                RuntimeException err = mayReturnError();
                if (err != null) {
                  errC.send(err);
                  return errC;
                }
                return errC;
              }
            }
            """)
        .doTest();
  }

  /**
   * A method of the unit that does something to the channel it is given counts at the call: a
   * goroutine that calls a sending helper is a sender ({@code Go.go(() -> query(r, out))}). No
   * summary — an overridable, recursive or storing method — leaves the channel unjudged.
   */
  @Test
  void helpersOfTheUnitAreSummarised() {
    helper
        .addSourceLines(
            "Helpers.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;

            class Helpers {
              static String fetch(String replica) {
                return replica;
              }

              private static void query(String replica, SendChan<String> out) {
                out.send(fetch(replica));
              }

              private static void queryTwice(String replica, Chan<String> out) {
                out.send(fetch(replica));
                out.send(fetch(replica + "/backup"));
              }

              private static void queryOrGiveUp(Context ctx, String replica, Chan<String> out) {
                Select.<Void>select()
                    .send(out, fetch(replica), () -> null)
                    .recv(ctx.done(), v -> null)
                    .run();
              }

              // Room for every answer: the senders never wait.
              String firstOfThreeBuffered() {
                Chan<String> results = Chan.make(3);
                Go.go(() -> query("a", results));
                Go.go(() -> query("b", results));
                Go.go(() -> query("c", results));
                return results.receive();
              }

              // Every answer is received.
              List<String> allOfThree() {
                Chan<String> results = Chan.make();
                Go.go(() -> query("a", results));
                Go.go(() -> query("b", results));
                Go.go(() -> query("c", results));
                List<String> all = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                  all.add(results.receive());
                }
                return all;
              }

              // The helper gives up when the context is cancelled.
              String firstWithContext(Context ctx) {
                Chan<String> results = Chan.make();
                Go.go(() -> queryOrGiveUp(ctx, "a", results));
                Go.go(() -> queryOrGiveUp(ctx, "b", results));
                return results.receive();
              }

              // Both sends of the helper are received.
              List<String> bothOfOne() {
                Chan<String> results = Chan.make();
                Go.go(() -> queryTwice("a", results));
                return List.of(results.receive(), results.receive());
              }

              // A method a subclass may replace: what runs is not known.
              void send(String replica, Chan<String> out) {
                out.send(replica);
              }

              String overridable() {
                Chan<String> results = Chan.make();
                Go.go(() -> send("a", results));
                Go.go(() -> send("b", results));
                return results.receive();
              }

              // A method that calls itself has no summary.
              private static void retry(int left, Chan<String> out) {
                if (left == 0) {
                  out.send("gave up");
                } else {
                  retry(left - 1, out);
                }
              }

              String recursive() {
                Chan<String> results = Chan.make();
                Go.go(() -> retry(2, results));
                Go.go(() -> retry(3, results));
                return results.receive();
              }

              // A method that keeps the channel: someone else may receive.
              static final List<Chan<String>> KEPT = new ArrayList<>();

              private static void keep(Chan<String> out) {
                KEPT.add(out);
                out.send("kept");
              }

              String stored() {
                Chan<String> results = Chan.make();
                Go.go(() -> keep(results));
                Go.go(() -> keep(results));
                return results.receive();
              }

              // First answer wins, through a helper: the two slower senders wait for ever.
              String firstOfThree() {
                Chan<String> results = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'results'
                Go.go(() -> query("a", results));
                Go.go(() -> query("b", results));
                Go.go(() -> query("c", results));
                return results.receive();
              }

              // One launch per replica, one receive.
              String firstOfMany(List<String> replicas) {
                Chan<String> results = Chan.make();
                for (String replica : replicas) {
                  // BUG: Diagnostic contains: goroutine sending on 'results'
                  Go.go(() -> query(replica, results));
                }
                return results.receive();
              }

              // The helper sends twice; the method takes one.
              String oneOfTwo() {
                Chan<String> results = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'results'
                Go.go(() -> queryTwice("a", results));
                return results.receive();
              }

              // Narrowed on the way in: still the same channel.
              String narrowed() {
                Chan<String> results = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'results'
                Go.go(() -> query("a", results.sendOnly()));
                Go.go(() -> query("b", results.sendOnly()));
                return results.receive();
              }
            }
            """)
        .doTest();
  }

  /**
   * A Go struct's channel fields: private, made with the object, used by its methods and the
   * goroutines it starts. Judged when every use is in sight and the channel is unbuffered.
   */
  @Test
  void fieldChannelsOfAClass() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;

            class Quiet {
              record Status(int n) {}

              // Senders select with 'done', closed when the loop ends: they never hang.
              static final class Node {
                private final Chan<Chan<Status>> status = Chan.make();
                private final Chan<Boolean> stop = Chan.make();
                private final Chan<Void> done = Chan.make();

                Node() {
                  Go.go(this::run);
                }

                private void run() {
                  while (true) {
                    boolean stopped = Select.<Boolean>select()
                        .recv(status, c -> {
                          c.send(new Status(1));
                          return false;
                        })
                        .recv(stop, v -> true)
                        .run();
                    if (stopped) {
                      done.close();
                      return;
                    }
                  }
                }

                Status status() {
                  Chan<Status> c = Chan.make();
                  boolean sent = Select.<Boolean>select()
                      .send(status, c, () -> true)
                      .recv(done, v -> false)
                      .run();
                  return sent ? c.receive() : null;
                }

                void stop() {
                  Select.<Void>select().send(stop, true, () -> null).recv(done, v -> null).run();
                  done.receive();
                }
              }

              // The loop never ends (a process-lifetime daemon): requests always find it.
              static final class Forever {
                private final Chan<String> requests = Chan.make();

                @SuppressWarnings("GoroutineLeak")
                Forever() {
                  Go.go(() -> {
                    while (true) {
                      Select.<Void>select()
                          .recv(requests, r -> null)
                          .run();
                    }
                  });
                }

                void submit(String request) {
                  requests.send(request);
                }
              }

              // Handed out by an accessor: callers may receive.
              static final class Exposed {
                private final Chan<String> results = Chan.make();

                RecvChan<String> results() {
                  return results;
                }

                void publish(String result) {
                  results.send(result);
                }
              }

              // Buffered: how many sends the buffer takes is not counted.
              static final class Buffered {
                private final Chan<String> events = Chan.make(16);

                void publish(String event) {
                  events.send(event);
                }
              }

              // Another object's field: code elsewhere may use it.
              static final class Peer {
                private final Chan<String> inbox = Chan.make();

                void tell(Peer other, String message) {
                  other.inbox.send(message);
                }

                void deliver(String message) {
                  inbox.send(message);
                }
              }

              // Caller threads hand values over: both ends are in sight.
              static final class Handoff {
                private final Chan<String> slot = Chan.make();

                void put(String value) {
                  slot.send(value);
                }

                String take() {
                  return slot.receive();
                }
              }

              // Not private: other classes of the package may receive.
              static final class Shared {
                final Chan<String> out = Chan.make();

                void publish(String value) {
                  out.send(value);
                }
              }

              // The loop runs behind an interface, on an agent that may be any implementation:
              // which run() the goroutine runs is not known, so the field is not judged.
              interface Agent {
                void run(Context ctx);
              }

              static final class AgentImpl implements Agent {
                private final Chan<Integer> statusCh = Chan.make();

                @Override
                public void run(Context ctx) {
                  while (true) {
                    boolean stop = Select.<Boolean>select()
                        .recv(statusCh, s -> false)
                        .recv(ctx.done(), v -> true)
                        .run();
                    if (stop) {
                      return;
                    }
                  }
                }

                void report(int status) {
                  statusCh.send(status);
                }

                static void start(Context ctx, Agent given) {
                  Agent a = given != null ? given : new AgentImpl();
                  Go.go(() -> a.run(ctx));
                }
              }

              // Made later than the object, possibly more than once: not judged.
              static final class Restartable {
                private Chan<String> work;

                void start() {
                  work = Chan.make();
                }

                void submit(String job) {
                  work.send(job);
                }
              }

              // Closed by stop(): the loop's end is the close, a send after it throws instead.
              static final class ClosedOnStop {
                private final Chan<String> jobs = Chan.make();
                private final Chan<Void> quit = Chan.make();

                ClosedOnStop() {
                  Go.go(() -> {
                    while (true) {
                      boolean over = Select.<Boolean>select()
                          .recv(jobs, j -> false)
                          .recv(quit, q -> true)
                          .run();
                      if (over) {
                        return;
                      }
                    }
                  });
                }

                void submit(String job) {
                  jobs.send(job);
                }

                void stop() {
                  quit.close();
                  jobs.close();
                }
              }
            }
            """)
        .addSourceLines(
            "Leaks.java",
            """
            import dev.goconc.*;

            class Leaks {
              record Status(int n) {}

              // The only receiver can have returned on 'stop': Status() then hangs for ever.
              static final class Node {
                private final Chan<Chan<Status>> status = Chan.make();
                private final Chan<Boolean> stop = Chan.make();
                private final Chan<Void> done = Chan.make();

                Node() {
                  Go.go(this::run);
                }

                private void run() {
                  while (true) {
                    boolean stopped = Select.<Boolean>select()
                        .recv(status, c -> {
                          c.send(new Status(1));
                          return false;
                        })
                        .recv(stop, v -> true)
                        .run();
                    if (stopped) {
                      done.close();
                      return;
                    }
                  }
                }

                Status status() {
                  Chan<Status> c = Chan.make();
                  // BUG: Diagnostic contains: send on 'status' at line 35 blocks forever once run() has ended
                  this.status.send(c);
                  return c.receive();
                }

                void stop() {
                  Select.<Void>select().send(stop, true, () -> null).recv(done, v -> null).run();
                  done.receive();
                }
              }

              // Nothing ever reads the result the goroutine sends.
              static final class Watch {
                private final Chan<Boolean> result = Chan.make();
                private final Context ctx;

                Watch(Context ctx) {
                  this.ctx = ctx;
                  Go.go(() -> {
                    Select.<Void>select().recv(ctx.done(), v -> null).run();
                    // BUG: Diagnostic contains: no code of Watch receives from 'result'
                    result.send(true);
                  });
                }
              }

              // Nothing ever signals 'ready'.
              static final class Gate {
                private final Chan<Void> ready = Chan.make();

                void awaitReady() {
                  // BUG: Diagnostic contains: no code of Gate sends on or closes 'ready'
                  ready.receive();
                }
              }

              // The loop is a lambda started by the constructor; submit() outlives it.
              static final class Worker {
                private final Chan<String> jobs;
                private final Chan<Void> quit = Chan.make();

                Worker() {
                  this.jobs = Chan.make();
                  Go.go(() -> {
                    for (;;) {
                      boolean over = Select.<Boolean>select()
                          .recv(jobs, j -> false)
                          .recv(quit, q -> true)
                          .run();
                      if (over) {
                        return;
                      }
                    }
                  });
                }

                void submit(String job) {
                  // BUG: Diagnostic contains: blocks forever once the goroutine started at line 77 has ended
                  jobs.send(job);
                }

                void stop() {
                  quit.close();
                }
              }

              // Package-private, as a port of Go's lowercase fields: the loop is still its only
              // receiver, and it can end.
              static final class Port {
                final Chan<String> requests = Chan.make();
                final Chan<Void> quit = Chan.make();

                void run() {
                  while (true) {
                    boolean over = Select.<Boolean>select()
                        .recv(requests, r -> false)
                        .recv(quit, q -> true)
                        .run();
                    if (over) {
                      return;
                    }
                  }
                }

                void submit(String request) {
                  // BUG: Diagnostic contains: blocks forever once run() has ended
                  requests.send(request);
                }

                static void start() {
                  Go.go(new Port()::run);
                }
              }

              // The loop runs behind an interface; the local can only be this class.
              interface Agent {
                void run(Context ctx);

                void report(int status);
              }

              static final class AgentImpl implements Agent {
                private final Chan<Integer> statusCh = Chan.make();

                @Override
                public void run(Context ctx) {
                  while (true) {
                    boolean stop = Select.<Boolean>select()
                        .recv(statusCh, s -> false)
                        .recv(ctx.done(), v -> true)
                        .run();
                    if (stop) {
                      return;
                    }
                  }
                }

                @Override
                public void report(int status) {
                  // BUG: Diagnostic contains: blocks forever once run() has ended
                  statusCh.send(status);
                }

                static void start(Context ctx) {
                  Agent a = new AgentImpl();
                  Go.go(() -> a.run(ctx));
                  a.report(1);
                }
              }

              // A private class's fields are the top-level class's alone, whatever their modifier.
              private static final class Latch {
                final Chan<Void> opened = Chan.make();

                void await() {
                  // BUG: Diagnostic contains: no code of Latch sends on or closes 'opened'
                  opened.receive();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A method of the unit that surely starts the {@code Runnable} it is given as a goroutine
   * (CockroachDB's {@code stopper.runWorker(f)}) is a launch: the lambda or method reference it is
   * given is a goroutine body. One that runs the task in place, may not start it, or may be
   * overridden is not.
   */
  @Test
  void launchingHelpersStartGoroutines() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;

            class Quiet {
              static int compute() {
                return 42;
              }

              // Runs the task on the caller's thread: a call, not a goroutine.
              static void inPlace(Runnable f) {
                f.run();
              }

              // May not start the task.
              static final class Gate {
                private boolean open;

                void runIfOpen(Runnable f) {
                  if (open) {
                    Go.go(f);
                  }
                }

                void runUnlessClosed(Runnable f) {
                  if (!open) {
                    return;
                  }
                  Go.go(f);
                }
              }

              // May be overridden: which code a call runs is not known.
              static class Pool {
                void runWorker(Runnable f) {
                  Go.go(f);
                }
              }

              // A helper, and a worker that watches its stop channel.
              static final class Stopper {
                void runWorker(Runnable f) {
                  Go.go(() -> {
                    try {
                      f.run();
                    } finally {
                      compute();
                    }
                  });
                }
              }

              void start(Gate gate, Pool pool, Stopper stopper, RecvChan<Void> stop) {
                inPlace(() -> {
                  while (true) {
                    compute();
                  }
                });
                gate.runIfOpen(() -> {
                  while (true) {
                    compute();
                  }
                });
                gate.runUnlessClosed(() -> {
                  while (true) {
                    compute();
                  }
                });
                pool.runWorker(() -> {
                  while (true) {
                    compute();
                  }
                });
                stopper.runWorker(() -> {
                  while (true) {
                    boolean over = Select.<Boolean>select()
                        .recv(stop, v -> true)
                        .otherwise(() -> false)
                        .run();
                    if (over) {
                      return;
                    }
                    compute();
                  }
                });
              }
            }
            """)
        .addSourceLines(
            "Leaks.java",
            """
            import dev.goconc.*;

            class Leaks {
              static int compute() {
                return 42;
              }

              static final class Stopper {
                void runWorker(Runnable f) {
                  compute();
                  Go.go(() -> {
                    try {
                      f.run();
                    } finally {
                      compute();
                    }
                  });
                }

                void runAsync(Runnable f) {
                  Go.go(f);
                }
              }

              void start(Stopper stopper) {
                stopper.runWorker(() -> {
                  // BUG: Diagnostic contains: goroutine never stops
                  while (true) {
                    compute();
                  }
                });
                stopper.runAsync(this::spin);
              }

              private void spin() {
                // BUG: Diagnostic contains: goroutine never stops
                while (true) {
                  compute();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The object's receiving loop, across calls and on any object's field (GoKer's cockroach#1462):
   * a goroutine passes the field, named through a variable ({@code t.events}), to a method whose
   * summary says it receives it only in a select loop that another case can end; once that method
   * has returned, the object's own plain send is stranded.
   */
  @Test
  void receivingLoopAcrossCallsOnAnyObject() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;

            class Quiet {
              static final class Stopper {
                private final Chan<Void> stopper = Chan.make();

                void runWorker(Runnable f) {
                  Go.go(f);
                }

                RecvChan<Void> shouldStop() {
                  return stopper;
                }

                void stop() {
                  stopper.close();
                }
              }

              static void processEventsUntil(RecvChan<Integer> ch, Stopper stopper) {
                while (true) {
                  boolean stop = Select.<Boolean>select()
                      .recvOk(ch, event -> !event.ok())
                      .recv(stopper.shouldStop(), v -> true)
                      .run();
                  if (stop) {
                    return;
                  }
                }
              }

              // The fix: the send selects on the stopper too.
              static final class Fixed {
                final Chan<Integer> events = Chan.make();

                void start(Stopper stopper) {
                  stopper.runWorker(() -> {
                    while (true) {
                      boolean stop = Select.<Boolean>select()
                          .recv(stopper.shouldStop(), v -> true)
                          .send(events, 0, () -> false)
                          .run();
                      if (stop) {
                        return;
                      }
                    }
                  });
                }
              }

              static void fixed(Stopper stopper) {
                Fixed t = new Fixed();
                t.start(stopper);
                stopper.runWorker(() -> processEventsUntil(t.events, stopper));
                stopper.stop();
              }

              // The receiving loop drains until the close, with no other way out: it never leaves
              // the field without a receiver.
              static final class Drained {
                final Chan<Integer> events = Chan.make();

                void start(Stopper stopper) {
                  stopper.runWorker(() -> {
                    while (true) {
                      boolean stop = Select.<Boolean>select()
                          .recv(stopper.shouldStop(), v -> true)
                          .otherwise(() -> {
                            events.send(0);
                            return false;
                          })
                          .run();
                      if (stop) {
                        return;
                      }
                    }
                  });
                }
              }

              static int total;

              static void drain(RecvChan<Integer> ch) {
                for (Integer event : ch) {
                  total += event;
                }
              }

              static void drained(Stopper stopper) {
                Drained t = new Drained();
                t.start(stopper);
                stopper.runWorker(() -> drain(t.events));
                stopper.stop();
              }

              // Buffered: how many sends the buffer takes is not counted.
              static final class Buffered {
                final Chan<Integer> events = Chan.make(16);

                void publish(int event) {
                  events.send(event);
                }
              }

              static void buffered(Stopper stopper) {
                Buffered t = new Buffered();
                stopper.runWorker(() -> processEventsUntil(t.events, stopper));
                t.publish(1);
              }

              // A caller takes events too, outside any loop: not the one loop's alone.
              static final class TakenByACaller {
                final Chan<Integer> events = Chan.make();

                void publish(int event) {
                  events.send(event);
                }
              }

              static int take(TakenByACaller t) {
                return t.events.receive();
              }

              static void takenByACaller(Stopper stopper) {
                TakenByACaller t = new TakenByACaller();
                stopper.runWorker(() -> processEventsUntil(t.events, stopper));
                t.publish(1);
              }

              // The class reads its own events too, with plain code.
              static final class ReadByItself {
                final Chan<Integer> events = Chan.make();

                void publish(int event) {
                  events.send(event);
                }

                int next() {
                  return events.receive();
                }
              }

              static void readByItself(Stopper stopper) {
                ReadByItself t = new ReadByItself();
                stopper.runWorker(() -> processEventsUntil(t.events, stopper));
                t.publish(1);
              }

              // Kept in a local the model does not follow: who else receives is not known.
              static final class Stored {
                final Chan<Integer> events = Chan.make();

                void publish(int event) {
                  events.send(event);
                }
              }

              static void stored(Stopper stopper) {
                Stored t = new Stored();
                RecvChan<Integer> kept = t.events;
                stopper.runWorker(() -> processEventsUntil(kept, stopper));
                t.publish(1);
              }

              // Handed to an interface and to a method a subclass may replace: their code is
              // not known.
              interface Sink {
                void consume(RecvChan<Integer> ch);
              }

              static class Consumer {
                void consume(RecvChan<Integer> ch, Stopper stopper) {
                  processEventsUntil(ch, stopper);
                }
              }

              static final class HandedOn {
                final Chan<Integer> events = Chan.make();

                void publish(int event) {
                  events.send(event);
                }
              }

              static final class HandedToASubclassable {
                final Chan<Integer> events = Chan.make();

                void publish(int event) {
                  events.send(event);
                }
              }

              static void handedOn(Stopper stopper, Sink sink, Consumer consumer) {
                HandedOn t = new HandedOn();
                stopper.runWorker(() -> sink.consume(t.events));
                t.publish(1);
                HandedToASubclassable u = new HandedToASubclassable();
                stopper.runWorker(() -> consumer.consume(u.events, stopper));
                u.publish(1);
              }

              // Made by another object's constructor, through a variable: not made with the
              // object, maybe made again.
              static final class MadeElsewhere {
                Chan<Integer> events;

                void publish(int event) {
                  events.send(event);
                }
              }

              static final class Maker {
                Maker(MadeElsewhere t, Stopper stopper) {
                  t.events = Chan.make();
                  stopper.runWorker(() -> processEventsUntil(t.events, stopper));
                }
              }

              // A caller's own send through a variable, before anything can stop the loop: one
              // step of its program, which the model does not place against the loop's end.
              static final class Connection {
                final Chan<String> inbox = Chan.make();
                final Chan<Void> closed = Chan.make();

                void dispatch() {
                  while (true) {
                    boolean over = Select.<Boolean>select()
                        .recv(inbox, m -> false)
                        .recv(closed, v -> true)
                        .run();
                    if (over) {
                      return;
                    }
                  }
                }
              }

              static void firstMessage() {
                Connection c = new Connection();
                Go.go(c::dispatch);
                c.inbox.send("hello");
                c.closed.close();
              }
            }
            """)
        .addSourceLines(
            "Leaks.java",
            """
            import dev.goconc.*;

            class Leaks {
              static final class Stopper {
                private final Chan<Void> stopper = Chan.make();

                void runWorker(Runnable f) {
                  Go.go(() -> {
                    try {
                      f.run();
                    } finally {
                      stopper.len();
                    }
                  });
                }

                RecvChan<Void> shouldStop() {
                  return stopper;
                }

                void stop() {
                  stopper.close();
                }
              }

              static void processEventsUntil(RecvChan<Integer> ch, Stopper stopper) {
                while (true) {
                  boolean stop = Select.<Boolean>select()
                      .recvOk(ch, event -> !event.ok())
                      .recv(stopper.shouldStop(), v -> true)
                      .run();
                  if (stop) {
                    return;
                  }
                }
              }

              // cockroach#1462: the worker polls the stopper, then sends plainly.
              static final class Transport {
                final Chan<Integer> events = Chan.make();
                private final Stopper stopper;

                Transport(Stopper stopper) {
                  this.stopper = stopper;
                }

                void start() {
                  stopper.runWorker(() -> {
                    while (true) {
                      boolean stop = Select.<Boolean>select()
                          .recv(stopper.shouldStop(), v -> true)
                          .otherwise(() -> {
                            // BUG: Diagnostic contains: blocks forever once processEventsUntil() has ended
                            events.send(0);
                            return false;
                          })
                          .run();
                      if (stop) {
                        return;
                      }
                    }
                  });
                }
              }

              static void transport(Stopper stopper) {
                Transport t = new Transport(stopper);
                t.start();
                stopper.runWorker(() -> processEventsUntil(t.events, stopper));
                stopper.stop();
              }

              // The loop is an instance method given the field; the sender a method launched by
              // reference, naming the field as this.events.
              static final class Consumer {
                void consume(RecvChan<Integer> in, RecvChan<Void> quit) {
                  while (true) {
                    boolean over = Select.<Boolean>select()
                        .recv(in, v -> false)
                        .recv(quit, q -> true)
                        .run();
                    if (over) {
                      return;
                    }
                  }
                }
              }

              static final class Producer {
                final Chan<Integer> events = Chan.make();
                final Chan<Void> quit = Chan.make();

                void start(Consumer consumer) {
                  Go.go(this::produce);
                  Go.go(() -> consumer.consume(this.events, quit));
                }

                private void produce() {
                  while (true) {
                    boolean over = Select.<Boolean>select()
                        .recv(quit, q -> true)
                        .otherwise(() -> false)
                        .run();
                    if (over) {
                      return;
                    }
                    // BUG: Diagnostic contains: blocks forever once consume() has ended
                    this.events.send(1);
                  }
                }

                void stop() {
                  quit.close();
                }
              }

              // The loop is a lambda that names another object's field; the sender a method.
              static final class Feed {
                final Chan<String> items = Chan.make();

                void publish(String item) {
                  // BUG: Diagnostic contains: blocks forever once the goroutine started at line
                  items.send(item);
                }
              }

              static void follow(Feed feed, RecvChan<Void> done) {
                Go.go(() -> {
                  while (true) {
                    boolean over = Select.<Boolean>select()
                        .recv(feed.items, item -> false)
                        .recv(done, v -> true)
                        .run();
                    if (over) {
                      return;
                    }
                  }
                });
              }

              // A private field, served by a static method of the class given the object.
              static final class Server {
                private final Chan<String> requests = Chan.make();
                private final Chan<Void> quit = Chan.make();

                static void serve(Server server) {
                  while (true) {
                    boolean over = Select.<Boolean>select()
                        .recv(server.requests, r -> false)
                        .recv(server.quit, q -> true)
                        .run();
                    if (over) {
                      return;
                    }
                  }
                }

                void submit(String request) {
                  // BUG: Diagnostic contains: blocks forever once serve() has ended
                  requests.send(request);
                }

                void stop() {
                  quit.close();
                }

                static Server start() {
                  Server server = new Server();
                  Go.go(() -> serve(server));
                  return server;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The buffered channel of an object the method has just made: until the object is handed to
   * other code, nothing else can receive, so a send that finds the buffer full waits for good.
   */
  @Test
  void bufferOfAnObjectNotYetShared() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;

            class Quiet {
              static final class Compactor {
                final Chan<Boolean> ch = Chan.make(1);

                // The fix: a full slot already says a suggestion is waiting.
                void start() {
                  Select.<Void>select().send(ch, true, () -> null).otherwise(() -> null).run();
                  Go.go(() -> ch.receive());
                }

                // The reader starts before the signal.
                void startReaderFirst() {
                  Go.go(() -> ch.receive());
                  ch.send(true);
                }

                void suggest() {
                  ch.send(true);
                }
              }

              static void fixed() {
                Compactor c = new Compactor();
                c.ch.send(true);
                c.start();
              }

              static void readerFirst() {
                Compactor c = new Compactor();
                c.ch.send(true);
                c.startReaderFirst();
              }

              // Room for both.
              static final class Wide {
                final Chan<Boolean> ch = Chan.make(2);

                void start() {
                  ch.send(true);
                  Go.go(() -> ch.receive());
                }
              }

              static void roomy() {
                Wide w = new Wide();
                w.ch.send(true);
                w.start();
              }

              // A send on one branch only.
              static void maybe(boolean early) {
                Compactor c = new Compactor();
                if (early) {
                  c.ch.send(true);
                }
                c.suggest();
              }

              // Handed to other code first: it may receive.
              static void shared(java.util.List<Compactor> all) {
                Compactor c = new Compactor();
                all.add(c);
                c.suggest();
                c.suggest();
              }

              // Taken out between the sends.
              static void drained() {
                Compactor c = new Compactor();
                c.suggest();
                c.ch.receive();
                c.suggest();
              }

              // The constructor starts the reader.
              static final class SelfStarting {
                final Chan<Integer> ch = Chan.make(1);

                SelfStarting() {
                  Go.go(() -> ch.receive());
                }
              }

              static void selfStarting() {
                SelfStarting s = new SelfStarting();
                s.ch.send(1);
                s.ch.send(2);
              }

              // Started before the first request: its loop receives.
              static final class Server {
                private final Chan<String> requests = Chan.make();

                void start() {
                  Go.go(() -> {
                    for (String r : requests) {
                      System.out.println(r);
                    }
                  });
                }
              }

              static void startedFirst() {
                Server s = new Server();
                s.start();
                s.requests.send("hello");
              }

              // Offered without waiting: nobody is there yet, and that is fine.
              static void offered() {
                Server s = new Server();
                Select.<Void>select().send(s.requests, "hello", () -> null)
                    .otherwise(() -> null).run();
                s.start();
              }

              // The reader may already run when the send comes: some path starts it first.
              static final class MaybeStarted {
                final Chan<Boolean> ch = Chan.make(1);

                void start(boolean eager) {
                  if (eager) {
                    Go.go(() -> ch.receive());
                  }
                  ch.send(true);
                }
              }

              static void maybeStarted(boolean eager) {
                MaybeStarted m = new MaybeStarted();
                m.ch.send(true);
                m.start(eager);
              }

              // The helper hands the object to a registry before it signals.
              static final class Registered {
                final Chan<Boolean> ch = Chan.make(1);

                void start(java.util.List<Registered> registry) {
                  announce(registry);
                  ch.send(true);
                }

                private void announce(java.util.List<Registered> registry) {
                  registry.add(this);
                }
              }

              static void registered(java.util.List<Registered> registry) {
                Registered r = new Registered();
                r.ch.send(true);
                r.start(registry);
              }

              // The object is made elsewhere: a subclass may replace put().
              static class Slot {
                final Chan<Integer> ch = Chan.make(1);

                void put(int v) {
                  ch.send(v);
                }
              }

              static void given(Slot s) {
                s.put(1);
                s.put(2);
              }

              // Made in the constructor from a parameter: its size is the caller's.
              static final class Sized {
                final Chan<Integer> ch;

                Sized(int n) {
                  ch = Chan.make(n);
                }
              }

              static void sized() {
                Sized s = new Sized(1);
                s.ch.send(1);
                s.ch.send(2);
              }
            }
            """)
        .addSourceLines(
            "Leaks.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Leaks {
              static final class Compactor {
                final Chan<Boolean> ch = Chan.make(1);

                void start(Context ctx) {
                  // BUG: Diagnostic contains: when c.start() runs at line
                  ch.send(true);
                  Go.go(() -> ch.receive());
                }
              }

              static void test() {
                Compactor c = new Compactor();
                try {
                  c.ch.send(true);
                  c.start(Context.background());
                } finally {
                  System.out.println("done");
                }
              }

              static final class Mailbox {
                private final Chan<String> box = Chan.make(2);

                void post(String m) {
                  // BUG: Diagnostic contains: its buffer of 2 is already full
                  this.box.send(m);
                }
              }

              // Unbuffered, and the server's loop starts only afterwards.
              static final class Server {
                private final Chan<String> requests = Chan.make();

                void start() {
                  Go.go(() -> {
                    for (String r : requests) {
                      System.out.println(r);
                    }
                  });
                }
              }

              static void tooEarly() {
                Server s = new Server();
                // BUG: Diagnostic contains: it is unbuffered, and nothing can receive from it yet
                s.requests.send("hello");
                s.start();
              }

              // Not final, but the object is exactly an Open: its own put() runs.
              static class Open {
                final Chan<Integer> ch = Chan.make(1);

                void put(int v) {
                  // BUG: Diagnostic contains: when o.put() runs
                  ch.send(v);
                }
              }

              static void open() {
                Open o = new Open();
                o.put(1);
                o.put(2);
              }

              static void overfill() {
                Mailbox m = new Mailbox();
                m.post("a");
                System.out.println("posted");
                m.post("b");
                m.post("c");
              }

              static void direct() {
                Go.go(() -> {
                  Compactor c = new Compactor();
                  c.ch.send(true);
                  // BUG: Diagnostic contains: send on 'ch'
                  c.ch.send(false);
                });
              }

              // The same start() written through other code of the object: read off its graph.
              static final class Wrapped {
                final Chan<Boolean> ch = Chan.make(1);

                void inCatch() {
                  try {
                    throw new IllegalStateException();
                  } catch (IllegalStateException e) {
                    // BUG: Diagnostic contains: when w.inCatch() runs
                    ch.send(true);
                    Go.go(() -> ch.receive());
                  }
                }

                void inSwitch(int k) {
                  switch (k) {
                    case 0 -> System.out.println("nothing to say");
                    default -> {
                      // BUG: Diagnostic contains: when w.inSwitch() runs
                      List.of(true).forEach(ch::send);
                    }
                  }
                  Go.go(() -> ch.receive());
                }

                void throughInner() {
                  new Starter().start();
                }

                final class Starter {
                  void start() {
                    // BUG: Diagnostic contains: when w.throughInner() runs
                    ch.send(true);
                    Go.go(() -> ch.receive());
                  }
                }

                void throughHelper() {
                  signal();
                  Go.go(() -> ch.receive());
                }

                private void signal() {
                  // BUG: Diagnostic contains: when w.throughHelper() runs
                  this.ch.send(true);
                }
              }

              static void wrapped(int k) {
                Wrapped w = new Wrapped();
                w.ch.send(true);
                w.inCatch();
              }

              static void switched(int k) {
                Wrapped w = new Wrapped();
                w.ch.send(true);
                w.inSwitch(k);
              }

              static void inner() {
                Wrapped w = new Wrapped();
                w.ch.send(true);
                w.throughInner();
              }

              static void helped() {
                Wrapped w = new Wrapped();
                w.ch.send(true);
                w.throughHelper();
              }
            }
            """)
        .doTest();
  }

  /**
   * A field handed out through a receive-only accessor ({@code RecvChan<Void> shouldQuiesce() {
   * return quiescer; }}): anyone may receive from it, nobody outside the class can feed it. A
   * receive on the accessor's result is a receive on the field, on whichever object.
   */
  @Test
  void fieldHandedOutReceiveOnly() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;

            class Quiet {
              // Closed by stop(): every receive through the accessor ends.
              static final class Stopper {
                private final Chan<Void> quiescer = Chan.make();

                RecvChan<Void> shouldQuiesce() {
                  return quiescer;
                }

                void stop() {
                  quiescer.close();
                }
              }

              // Only looks: a poll does not wait (the upstream fix of the quiesce check).
              static final class Polled {
                private final Chan<Void> quiescer = Chan.make();

                RecvChan<Void> shouldQuiesce() {
                  return quiescer;
                }
              }

              static boolean draining(Polled p) {
                return Select.<Boolean>select()
                    .recv(p.shouldQuiesce(), v -> true)
                    .otherwise(() -> false)
                    .run();
              }

              // Waits beside the context: cancellation ends the wait.
              static void untilDone(Polled p, Context ctx) {
                Select.<Void>select()
                    .recv(p.shouldQuiesce(), v -> null)
                    .recv(ctx.done(), v -> null)
                    .run();
              }

              // Handed out whole: a caller may send or close.
              static final class Whole {
                private final Chan<Void> done = Chan.make();

                Chan<Void> done() {
                  return done;
                }

                void await() {
                  done.receive();
                }
              }

              // An accessor a subclass may replace: the call may return another channel.
              static class Open {
                private final Chan<Void> done = Chan.make();

                RecvChan<Void> done() {
                  return done;
                }
              }

              static void await(Open o) {
                o.done().receive();
              }

              // Fed by the class itself.
              static final class Fed {
                private final Chan<String> out = Chan.make();

                RecvChan<String> out() {
                  return out;
                }

                Fed() {
                  Go.go(() -> out.send("ready"));
                }
              }

              static String first(Fed f) {
                return f.out().receive();
              }

              // Package-private: another file of the package may close it.
              static final class Shared {
                final Chan<Void> done = Chan.make();

                RecvChan<Void> done() {
                  return done;
                }
              }

              static void await(Shared s) {
                s.done().receive();
              }

              // More than a return: not an accessor, the field escapes as before.
              static final class Lazy {
                private final Chan<Void> done = Chan.make();

                RecvChan<Void> done() {
                  System.out.println("asked");
                  return done;
                }
              }

              static void await(Lazy l) {
                l.done().receive();
              }
            }
            """)
        .addSourceLines(
            "Leaks.java",
            """
            import dev.goconc.*;

            class Leaks {
              // Nothing closes the quiesce channel: "is it draining?" waits until it does.
              static final class Stopper {
                private final Chan<Void> quiescer = Chan.make();

                RecvChan<Void> shouldQuiesce() {
                  return quiescer;
                }
              }

              static final class Store {
                private final Stopper stopper = new Stopper();

                Stopper stopper() {
                  return stopper;
                }
              }

              static void process(Store store) {
                // BUG: Diagnostic contains: leaves the class only to be received from
                store.stopper().shouldQuiesce().receive();
              }

              // Narrowed in the accessor, received through a local, in a goroutine.
              static final class Closer {
                private final Chan<Void> closed = Chan.make();

                RecvChan<Void> closed() {
                  return this.closed.recvOnly();
                }
              }

              static void watch(Closer c) {
                RecvChan<Void> closed = c.closed();
                Go.go(() -> {
                  // BUG: Diagnostic contains: receive on 'closed'
                  closed.receive();
                  System.out.println("closed");
                });
              }

              // A for-each over the accessor: the loop's first receive never returns.
              static final class Feed {
                private final Chan<String> events = Chan.make();

                RecvChan<String> events() {
                  return events;
                }

                void drain() {
                  // BUG: Diagnostic contains: receive on 'events'
                  for (String e : events()) {
                    System.out.println(e);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A method that returns a channel only its goroutine sends on (Go's {@code func Go(f) chan
   * error}): a caller that drops the result strands the goroutine (GoKer's moby#4395).
   */
  @Test
  void droppedResultChannel() {
    helper
        .addSourceLines(
            "Async.java",
            """
            import dev.goconc.*;
            import java.util.concurrent.Callable;

            class Async {
              static Exception call(Callable<Exception> f) {
                try {
                  return f.call();
                } catch (Exception e) {
                  return e;
                }
              }

              private static RecvChan<Exception> go(Callable<Exception> f) {
                Chan<Exception> ch = Chan.make();
                Go.go(() -> ch.send(call(f)));
                return ch;
              }

              // The fix: room for the one result, so dropping it is harmless.
              private static RecvChan<Exception> goBuffered(Callable<Exception> f) {
                Chan<Exception> ch = Chan.make(1);
                Go.go(() -> ch.send(call(f)));
                return ch;
              }

              // The goroutine may give up on cancellation.
              private static RecvChan<Exception> goWithContext(Context ctx, Callable<Exception> f) {
                Chan<Exception> ch = Chan.make();
                Go.go(() -> Select.<Void>select()
                    .send(ch, call(f), () -> null)
                    .recv(ctx.done(), v -> null)
                    .run());
                return ch;
              }

              // Overridable: the method that runs may be another.
              RecvChan<Exception> goVirtual(Callable<Exception> f) {
                Chan<Exception> ch = Chan.make();
                Go.go(() -> ch.send(call(f)));
                return ch;
              }

              Exception received() {
                return go(() -> null).receive();
              }

              void kept() {
                RecvChan<Exception> errs = go(() -> null);
                System.out.println(errs.receive());
              }

              void droppedButBuffered() {
                goBuffered(() -> null);
              }

              void droppedWithContext(Context ctx) {
                goWithContext(ctx, () -> null);
              }

              void droppedVirtual() {
                goVirtual(() -> null);
              }

              void dropped() {
                // BUG: Diagnostic contains: the goroutine that go() starts sends on the channel it returns (line 15), and this call drops it
                go(() -> new RuntimeException("boom"));
              }
            }
            """)
        .doTest();
  }

  /**
   * A channel made anew in each round of a loop belongs to that round: the round is over where
   * the method leaves or the next round makes a new channel, and a round that can end without
   * receiving strands its goroutine (the retry loop with a timeout; GoKer's grpc#660).
   */
  @Test
  void channelMadeEachRound() {
    helper
        .addSourceLines(
            "Rounds.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.ArrayList;
            import java.util.List;

            class Rounds {
              static String fetch() {
                return "x";
              }

              // Room for the one answer: a round that times out leaves it in the buffer.
              String retryBuffered(Duration timeout) {
                for (int attempt = 0; attempt < 3; attempt++) {
                  Chan<String> result = Chan.make(1);
                  Go.go(() -> result.send(fetch()));
                  String answer = Select.<String>select()
                      .recv(result, v -> v)
                      .recv(Time.after(timeout), t -> null)
                      .run();
                  if (answer != null) {
                    return answer;
                  }
                }
                return null;
              }

              // Every round waits for its answer.
              List<String> eachAnswer(int rounds) {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                  Chan<String> result = Chan.make();
                  Go.go(() -> result.send(fetch()));
                  answers.add(result.receive());
                }
                return answers;
              }

              // The goroutine gives up with the context.
              String retryWithContext(Context ctx, Duration timeout) {
                while (true) {
                  Chan<String> result = Chan.make();
                  Go.go(() -> Select.<Void>select()
                      .send(result, fetch(), () -> null)
                      .recv(ctx.done(), v -> null)
                      .run());
                  String answer = Select.<String>select()
                      .recv(result, v -> v)
                      .recv(Time.after(timeout), t -> null)
                      .run();
                  if (answer != null) {
                    return answer;
                  }
                }
              }

              // Kept beyond the round: someone else may receive.
              final List<RecvChan<String>> pending = new ArrayList<>();

              void kept(int rounds) {
                for (int i = 0; i < rounds; i++) {
                  Chan<String> result = Chan.make();
                  Go.go(() -> result.send(fetch()));
                  pending.add(result);
                }
              }

              // A timeout ends the round; the next round makes a new channel.
              String retry(Duration timeout) {
                for (int attempt = 0; attempt < 3; attempt++) {
                  Chan<String> result = Chan.make();
                  // BUG: Diagnostic contains: goroutine sending on 'result' (line 72) blocks forever
                  Go.go(() -> result.send(fetch()));
                  String answer = Select.<String>select()
                      .recv(result, v -> v)
                      .recv(Time.after(timeout), t -> null)
                      .run();
                  if (answer != null) {
                    return answer;
                  }
                }
                return null;
              }

              // The stop case returns while the round's goroutine still sends.
              void closeLoop(RecvChan<Boolean> stop) {
                while (true) {
                  Chan<Boolean> done = Chan.make();
                  // BUG: Diagnostic contains: the method can leave
                  Go.go(() -> done.send(true));
                  boolean stopped = Select.<Boolean>select()
                      .recv(stop, v -> true)
                      .recv(done, ok -> false)
                      .run();
                  if (stopped) {
                    return;
                  }
                }
              }

              // A server loop: each timed-out round leaves its goroutine behind.
              void serve(Duration timeout) {
                while (true) {
                  Chan<String> result = Chan.make();
                  // BUG: Diagnostic contains: the round can end without receiving (the next round makes a new 'result')
                  Go.go(() -> result.send(fetch()));
                  Select.<Void>select()
                      .recv(result, v -> {
                        System.out.println(v);
                        return null;
                      })
                      .recv(Time.after(timeout), t -> null)
                      .run();
                }
              }

              // A poll that does not wait: the round goes on without the answer.
              void poll(int rounds) {
                for (int i = 0; i < rounds; i++) {
                  Chan<String> result = Chan.make();
                  // BUG: Diagnostic contains: goroutine sending on 'result'
                  Go.go(() -> result.send(fetch()));
                  Select.<Void>select()
                      .recv(result, v -> null)
                      .otherwise(() -> null)
                      .run();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A Go guide's buffered-channel lesson: a send past a full buffer blocks even when the method
   * receives later, and receives that make room in time keep it quiet.
   */
  @Test
  void straightLineFillLevel() {
    helper
        .addSourceLines(
            "FillLevel.java",
            """
            import dev.goconc.*;

            class FillLevel {
              void sendsPastAFullBuffer() {
                Chan<Integer> ch = Chan.make(3);
                ch.send(1);
                ch.send(2);
                ch.send(3);
                // BUG: Diagnostic contains: the buffer already holds 3 values not yet received
                ch.send(4);
                System.out.println(ch.receive());
              }

              void receivesMakeRoomInTime() {
                Chan<Integer> ch = Chan.make(3);
                ch.send(1);
                ch.send(2);
                ch.send(3);
                System.out.println(ch.receive());
                System.out.println(ch.receive());
                ch.send(4);
                System.out.println(ch.receive());
                int last = ch.receive();
              }

              void trySendWhenFullDoesNotBlock() {
                Chan<Integer> ch = Chan.make(1);
                ch.send(1);
                boolean sent = ch.trySend(2);
                ch.receive();
              }

              void branchesAreNotCounted(boolean more) {
                Chan<Integer> ch = Chan.make(1);
                ch.send(1);
                if (more) {
                  ch.receive();
                }
                ch.send(2);
                ch.receive();
              }
            }
            """)
        .doTest();
  }

  /**
   * The fill level read along the method's paths, wherever its statements sit: a catch block, a
   * switch arm, an initializer, sends by method reference over elements written out. The quiet
   * cases first: a branch that may receive, a loop judged by its first round, a forEach over
   * elements the source does not write out, a select send, a close before the next send.
   */
  @Test
  void fillLevelAlongEveryPath() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Quiet {
              void branchMayReceive(boolean more) {
                Chan<Integer> ch = Chan.make(1);
                try {
                  throw new IllegalStateException();
                } catch (IllegalStateException e) {
                  ch.send(1);
                  if (more) {
                    ch.receive();
                  }
                }
                ch.send(2);
                ch.receive();
              }

              void loopFirstRoundHasRoom() {
                Chan<Integer> ch = Chan.make(2);
                for (int i = 0; i < 2; i++) {
                  ch.send(i);
                  ch.receive();
                }
                ch.send(9);
                ch.receive();
              }

              void unknownElements(List<Integer> items) {
                Chan<Integer> ch = Chan.make(1);
                items.forEach(ch::send);
                ch.send(1);
                ch.receive();
              }

              void elementsThatFit() {
                Chan<Integer> ch = Chan.make(2);
                List.of(1, 2).forEach(ch::send);
                ch.receive();
                ch.send(3);
                ch.receive();
              }

              void receivedInACallback(List<Integer> items) {
                Chan<Integer> ch = Chan.make(1);
                ch.send(1);
                items.forEach(i -> System.out.println(ch.receive()));
                ch.send(2);
                ch.receive();
              }

              void selectSendMayNotHappen(RecvChan<Integer> other) {
                Chan<Integer> ch = Chan.make(1);
                ch.send(1);
                Select.<Void>select()
                    .send(ch, 2, () -> null)
                    .recv(other, v -> null)
                    .run();
                ch.receive();
              }

              void blockingSendOnlyWhenTrySendFails() {
                Chan<Integer> ch = Chan.make(2);
                if (!ch.trySend(1)) {
                  ch.send(1);
                }
                ch.send(2);
                ch.receive();
                ch.receive();
              }

              void branchesOnTheLevel() {
                Chan<Integer> ch = Chan.make(1);
                ch.send(1);
                if (ch.len() < ch.cap()) {
                  ch.send(2);
                }
                ch.receive();
              }

              void switchArmsEachSendOnce(int k) {
                Chan<Integer> ch = Chan.make(1);
                switch (k) {
                  case 0 -> ch.send(0);
                  default -> ch.send(1);
                }
                ch.receive();
              }
            }
            """)
        .addSourceLines(
            "Full.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Full {
              void inACatchBlock() {
                try {
                  throw new IllegalStateException();
                } catch (IllegalStateException e) {
                  Chan<Integer> ch = Chan.make(1);
                  ch.send(1);
                  // BUG: Diagnostic contains: the buffer already holds 1 values not yet received
                  ch.send(2);
                  ch.receive();
                }
              }

              void inASwitchArm(int k) {
                Chan<Integer> ch = Chan.make(2);
                switch (k) {
                  case 0 -> {
                    ch.send(1);
                    ch.send(2);
                  }
                  default -> {
                    ch.send(1);
                    ch.send(2);
                    ch.receive();
                  }
                }
                ch.send(3);
                // BUG: Diagnostic contains: the buffer already holds 2 values not yet received
                ch.send(4);
                ch.receive();
              }

              {
                Chan<String> ch = Chan.make(1);
                ch.send("a");
                // BUG: Diagnostic contains: the buffer already holds 1 values not yet received
                ch.send("b");
                System.out.println(ch.receive());
              }

              void byMethodReference() {
                Chan<Integer> ch = Chan.make(2);
                // BUG: Diagnostic contains: the buffer already holds 2 values not yet received
                List.of(1, 2, 3).forEach(ch::send);
                ch.receive();
              }

              void throughAnAlias() {
                Chan<Integer> ch = Chan.make(1);
                SendChan<Integer> out = ch.sendOnly();
                out.send(1);
                // BUG: Diagnostic contains: the buffer already holds 1 values not yet received
                out.send(2);
                ch.receive();
              }
            }
            """)
        .doTest();
  }

  /** A Go guide's {@code go worker(ctx)} written as a lambda calling the worker. */
  @Test
  void lambdaCallingAWorkerIsJudgedByTheWorkersLoops() {
    helper
        .addSourceLines(
            "Workers.java",
            """
            import dev.goconc.*;

            class Workers {
              static int compute() {
                return 42;
              }

              static void ignoresContext(Context ctx) {
                // BUG: Diagnostic contains: goroutine never stops
                while (true) {
                  compute();
                }
              }

              static void observesContext(Context ctx) {
                while (true) {
                  if (ctx.err() != null) {
                    return;
                  }
                  compute();
                }
              }

              static void leavesOnItsOwn(int n) {
                while (true) {
                  if (compute() > n) {
                    break;
                  }
                }
              }

              void start(Context ctx) {
                Go.go(() -> ignoresContext(ctx));
                Go.go(() -> observesContext(ctx));
                Go.go(() -> {
                  leavesOnItsOwn(3);
                });
              }
            }
            """)
        .doTest();
  }

  /**
   * A goroutine body that only delegates, a few calls deep, to a method or constructor of the unit
   * (a lambda that builds a looping object, a method reference whose method does, a worker that
   * moved into a nested class) is judged by the loops of the code it ends in.
   */
  @Test
  void delegatingBodiesAreJudgedByTheCodeTheyEndIn() {
    helper
        .addSourceLines(
            "Delegates.java",
            """
            import dev.goconc.*;

            class Delegates {
              static int compute() {
                return 42;
              }

              class Spinner {
                Spinner() {
                  // BUG: Diagnostic contains: goroutine never stops
                  while (true) {
                    compute();
                  }
                }
              }

              private void spin() {
                new Spinner();
              }

              static class Workers {
                static void ignoresContext(Context ctx) {
                  // BUG: Diagnostic contains: goroutine never stops
                  while (true) {
                    compute();
                  }
                }

                static void observesContext(Context ctx) {
                  while (ctx.err() == null) {
                    compute();
                  }
                }
              }

              static final class Looper {
                Looper(Context ctx) {
                  // BUG: Diagnostic contains: goroutine never stops
                  for (;;) {
                    compute();
                  }
                }
              }

              static final class Careful {
                Careful(Context ctx) {
                  for (;;) {
                    if (ctx.err() != null) {
                      return;
                    }
                    compute();
                  }
                }
              }

              void startObjects(Context ctx) {
                Go.go(() -> new Looper(ctx));
                Go.go(() -> new Careful(ctx));
              }

              static void work(Context ctx) {
                Workers.ignoresContext(ctx);
              }

              static void workCarefully(Context ctx) {
                Workers.observesContext(ctx);
              }

              void start(Context ctx) {
                Go.go(this::spin);
                Go.go(() -> work(ctx));
                Go.go(() -> workCarefully(ctx));
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressedDaemon() {
    helper
        .addSourceLines(
            "Daemon.java",
            """
            import dev.goconc.*;

            class Daemon {
              @SuppressWarnings("GoroutineLeak")
              void start(Ticker ticker) {
                Go.go(() -> {
                  while (true) {
                    ticker.c().receive();
                  }
                });
              }
            }
            """)
        .doTest();
  }

  /**
   * The counted question over every shape the model reads: sends at their most against the buffer
   * plus receives at their least on a path out; goroutines as anonymous classes, task locals and
   * launches inside callbacks; sends through aliases, narrowings and method references.
   */
  @Test
  void countedSendsOverEveryShape() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.List;

            class Quiet {
              // First answer wins, with a slot per launch: the late senders do not block.
              String firstOfRoomy(List<String> mirrors) {
                Chan<String> answers = Chan.make(mirrors.size());
                for (String m : mirrors) {
                  Go.go(() -> answers.send(m));
                }
                return answers.receive();
              }

              // Three senders, two slots, one receive: 3 <= 2 + 1.
              String threeIntoTwoSlots() {
                Chan<String> out = Chan.make(2);
                Go.go(() -> out.send("a"));
                Go.go(() -> out.send("b"));
                Go.go(() -> out.send("c"));
                return out.receive();
              }

              // Three senders, three receives.
              int receivesAllThree() {
                Chan<Integer> out = Chan.make();
                Go.go(() -> out.send(1));
                Go.go(() -> out.send(2));
                Go.go(() -> out.send(3));
                return out.receive() + out.receive() + out.receive();
              }

              // As many receives as launches, counted by a loop.
              int sumAll(List<Integer> xs) {
                Chan<Integer> out = Chan.make();
                xs.forEach(x -> Go.go(() -> out.send(x * 2)));
                int sum = 0;
                for (int i = 0; i < xs.size(); i++) {
                  sum += out.receive();
                }
                return sum;
              }

              // An anonymous Runnable whose send the method receives.
              int anonymousSender() {
                Chan<Integer> out = Chan.make();
                Go.go(new Runnable() {
                  @Override
                  public void run() {
                    out.send(7);
                  }
                });
                return out.receive();
              }

              // The receive goes through a narrowed alias: still a receive of the same channel.
              int receivesThroughAlias() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> ch.send(8));
                RecvChan<Integer> in = ch.recvOnly();
                return in.receive();
              }

              // The goroutine sends the first match and returns: one send, one receive.
              String firstMatch(List<String> names) {
                Chan<String> found = Chan.make();
                Go.go(() -> {
                  for (String n : names) {
                    if (n.startsWith("a")) {
                      found.send(n);
                      return;
                    }
                  }
                  found.send("");
                });
                return found.receive();
              }

              // Each branch launches and receives its own: no path holds two senders.
              int oneSenderPerPath(boolean fast) {
                Chan<Integer> out = Chan.make();
                if (fast) {
                  Go.go(() -> out.send(1));
                  return out.receive();
                }
                Go.go(() -> out.send(2));
                return out.receive();
              }
            }
            """)
        .addSourceLines(
            "Bad.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.List;

            class Bad {
              // First answer wins over an unbuffered channel: every later sender blocks forever.
              String firstAnswer(List<String> mirrors) {
                Chan<String> answers = Chan.make();
                for (String m : mirrors) {
                  // BUG: Diagnostic contains: having received fewer values than were sent
                  Go.go(() -> answers.send(m));
                }
                return answers.receive();
              }

              // Three senders, one slot, one receive: the third blocks.
              String threeIntoOneSlot() {
                Chan<String> out = Chan.make(1);
                // BUG: Diagnostic contains: holds 1 of 3 sends
                Go.go(() -> out.send("a"));
                Go.go(() -> out.send("b"));
                Go.go(() -> out.send("c"));
                return out.receive();
              }

              // The goroutine is an anonymous Runnable; the parent may time out.
              Integer anonymousSenderTimesOut() {
                Chan<Integer> out = Chan.make();
                Go.go(new Runnable() {
                  @Override
                  public void run() {
                    // BUG: Diagnostic contains: goroutine sending on 'out'
                    out.send(1);
                  }
                });
                return Select.<Integer>select()
                    .recv(out, v -> v)
                    .recv(Time.after(Duration.ofSeconds(1)), t -> -1)
                    .run();
              }

              // The goroutine sends through a narrowed alias; the parent may time out.
              Integer sendsThroughAlias() {
                Chan<Integer> ch = Chan.make();
                SendChan<Integer> out = ch.sendOnly();
                // BUG: Diagnostic contains: goroutine sending on 'ch'
                Go.go(() -> out.send(2));
                return Select.<Integer>select()
                    .recv(ch, v -> v)
                    .recv(Time.after(Duration.ofSeconds(1)), t -> -1)
                    .run();
              }

              // A method reference sends every item; the parent takes one.
              String forEachSends(List<String> items) {
                Chan<String> out = Chan.make();
                // BUG: Diagnostic contains: unboundedly many
                Go.go(() -> items.forEach(out::send));
                return out.receive();
              }

              // The task lives in a local; nobody receives.
              void taskLocal() {
                Chan<Integer> out = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'out'
                Runnable task = () -> out.send(3);
                Go.go(task);
              }

              // Launched from a forEach callback: one sender per key, one receive.
              String launchedFromCallback(List<String> keys) {
                Chan<String> out = Chan.make();
                // BUG: Diagnostic contains: unboundedly many
                keys.forEach(k -> Go.go(() -> out.send(k)));
                return out.receive();
              }
            }
            """)
        .doTest();
  }

  /** A receive on a channel that nothing ever sends on or closes waits forever. */
  @Test
  void unfedReceive() {
    helper
        .addSourceLines(
            "Unfed.java",
            """
            import dev.goconc.*;

            class Unfed {
              static void work() {}

              // The parent closes 'done' when the work is over: the waiter wakes.
              void closedByParent() {
                Chan<Void> done = Chan.make();
                Go.go(() -> {
                  done.receive();
                  work();
                });
                work();
                done.close();
              }

              // The waiter also selects on ctx.done(): cancellation wakes it.
              void waitsWithContext(Context ctx) {
                Chan<Void> done = Chan.make();
                Go.go(() -> Select.<Void>select()
                    .recv(done, v -> null)
                    .recv(ctx.done(), v -> null)
                    .run());
              }

              // Handed to a method that keeps it, and may close it later: not judged.
              void handedOn() {
                Chan<Void> done = Chan.make();
                Go.go(() -> done.receive());
                register(done);
              }

              static final java.util.List<Chan<Void>> REGISTERED = new java.util.ArrayList<>();

              static void register(Chan<Void> c) {
                REGISTERED.add(c);
              }

              // Handed to a method of the unit that only looks at it: still nobody closes it.
              void handedToALookingMethod() {
                Chan<Void> stop = Chan.make();
                // BUG: Diagnostic contains: nothing sends on or closes 'stop'
                Go.go(() -> stop.receive());
                log(stop);
              }

              private static void log(Chan<Void> c) {
                System.out.println(c.len());
              }

              // Nobody ever closes 'stop': the goroutine waits for ever.
              void neverClosed() {
                Chan<Void> stop = Chan.make();
                Go.go(() -> {
                  // BUG: Diagnostic contains: nothing sends on or closes 'stop'
                  stop.receive();
                  work();
                });
                work();
              }
            }
            """)
        .doTest();
  }

  /**
   * The await that waits for its own senders: goroutines a group counts must send before they are
   * done, and the method receives only after awaiting them.
   */
  @Test
  void awaitBeforeTheReceive() {
    helper
        .addSourceLines(
            "Stalls.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;

            class Stalls {
              static String fetch(String s) { return s; }

              // Room for every result: the goroutines are done before anyone receives.
              List<String> roomForAll(List<String> names) {
                Chan<String> results = Chan.make(names.size());
                WaitGroup wg = new WaitGroup();
                for (String n : names) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      results.send(fetch(n));
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
                results.close();
                List<String> got = new ArrayList<>();
                for (String r : results) {
                  got.add(r);
                }
                return got;
              }

              // Two goroutines, two slots, then two receives.
              String twoSlots(String a, String b) {
                Chan<String> results = Chan.make(2);
                WaitGroup wg = new WaitGroup();
                wg.go(() -> results.send(fetch(a)));
                wg.go(() -> results.send(fetch(b)));
                wg.await();
                return results.receive() + results.receive();
              }

              // A collector receives while the method awaits the senders.
              List<String> withCollector(List<String> names) {
                Chan<String> results = Chan.make();
                List<String> got = new ArrayList<>();
                WaitGroup collected = new WaitGroup();
                collected.add(1);
                Go.go(() -> {
                  try {
                    for (String r : results) {
                      got.add(r);
                    }
                  } finally {
                    collected.done();
                  }
                });
                WaitGroup wg = new WaitGroup();
                for (String n : names) {
                  wg.go(() -> results.send(fetch(n)));
                }
                wg.await();
                results.close();
                collected.await();
                return got;
              }

              // The method receives first, then awaits.
              String receiveThenAwait(String name) {
                Chan<String> results = Chan.make();
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    results.send(fetch(name));
                  } finally {
                    wg.done();
                  }
                });
                String r = results.receive();
                wg.await();
                return r;
              }

              // The goroutine is done before it sends: the await returns.
              String doneFirst(String name) {
                Chan<String> results = Chan.make();
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  String r = fetch(name);
                  wg.done();
                  results.send(r);
                });
                wg.await();
                return results.receive();
              }

              // An error is sent only when there is one, into a slot of its own.
              Throwable firstError(Runnable task) {
                Chan<Throwable> errs = Chan.make(1);
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    task.run();
                  } catch (RuntimeException e) {
                    errs.send(e);
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
                errs.close();
                Received<Throwable> first = errs.receiveOk();
                return first.ok() ? first.value() : null;
              }

              // The send gives up with the context: the goroutine can be done.
              void sendWithContext(Context ctx, List<String> names) {
                Chan<String> results = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (String n : names) {
                  wg.go(() -> Select.<Void>select()
                      .send(results, fetch(n), () -> null)
                      .recv(ctx.done(), d -> null)
                      .run());
                }
                wg.await();
                results.close();
              }

              // Serial rounds with one slot, each emptied after its round's await.
              List<String> serialWithASlot(List<String> names) {
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

              // An error channel with room for every task's error.
              int errorsWithRoom(List<Runnable> tasks) {
                Chan<RuntimeException> errs = Chan.make(tasks.size());
                WaitGroup wg = new WaitGroup();
                for (Runnable t : tasks) {
                  wg.go(() -> {
                    try {
                      t.run();
                    } catch (RuntimeException e) {
                      errs.send(e);
                    }
                  });
                }
                wg.await();
                errs.close();
                int n = 0;
                for (RuntimeException e : errs) {
                  n++;
                }
                return n;
              }

              // An await inside the loop that launches: WaitGroupAwaitInLaunchLoop's finding.
              List<String> awaitInTheLaunchLoop(List<String> names) {
                Chan<String> results = Chan.make();
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
            }
            """)
        .addSourceLines(
            "StallBugs.java",
            """
            import dev.goconc.*;
            import java.util.ArrayList;
            import java.util.List;

            class StallBugs {
              static String fetch(String s) { return s; }

              // Go's classic: wg.Wait() before reading the results.
              List<String> waitThenRange(List<String> names) {
                Chan<String> results = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (String n : names) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      // BUG: Diagnostic contains: wg.await() on line 23 waits for it to finish
                      results.send(fetch(n));
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
                results.close();
                List<String> got = new ArrayList<>();
                for (String r : results) {
                  got.add(r);
                }
                return got;
              }

              // One goroutine, unbuffered: the await comes before the only receive.
              String one(String name) {
                Chan<String> result = Chan.make();
                WaitGroup wg = new WaitGroup();
                wg.add(1);
                Go.go(() -> {
                  try {
                    // BUG: Diagnostic contains: buffer holds 0 of 1 sends
                    result.send(fetch(name));
                  } finally {
                    wg.done();
                  }
                });
                wg.await();
                return result.receive();
              }

              // wg.go in a loop fills one slot, then every other goroutine waits.
              int oneSlot(List<String> names) {
                Chan<String> results = Chan.make(1);
                WaitGroup wg = new WaitGroup();
                // BUG: Diagnostic contains: unboundedly many
                names.forEach(n -> wg.go(() -> results.send(fetch(n))));
                wg.await();
                int count = 0;
                for (int i = 0; i < names.size(); i++) {
                  results.receive();
                  count++;
                }
                return count;
              }

              // The error channel is read after the wait: the first failing task blocks.
              int errorsAfterTheWait(List<Runnable> tasks) {
                Chan<RuntimeException> errs = Chan.make();
                WaitGroup wg = new WaitGroup();
                for (Runnable t : tasks) {
                  wg.add(1);
                  Go.go(() -> {
                    try {
                      t.run();
                    } catch (RuntimeException e) {
                      // BUG: Diagnostic contains: goroutine sending on 'errs'
                      errs.send(e);
                    } finally {
                      wg.done();
                    }
                  });
                }
                wg.await();
                errs.close();
                int n = 0;
                for (RuntimeException e : errs) {
                  n++;
                }
                return n;
              }

              // Three goroutines, two slots.
              String threeIntoTwo(String a, String b, String c) {
                Chan<String> results = Chan.make(2);
                WaitGroup wg = new WaitGroup();
                // BUG: Diagnostic contains: Chan.make(3)
                wg.go(() -> results.send(fetch(a)));
                wg.go(() -> results.send(fetch(b)));
                wg.go(() -> results.send(fetch(c)));
                wg.await();
                return results.receive() + results.receive() + results.receive();
              }
            }
            """)
        .doTest();
  }

  /** A generator its caller stops reading: one value taken, or a for-each left early. */
  @Test
  void generatorsTheCallerStopsReading() {
    helper
        .addSourceLines(
            "Generators.java",
            """
            import dev.goconc.*;

            class Generators {
              static RecvChan<Integer> count(int n) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> {
                  for (int i = 0; i < n; i++) {
                    out.send(i);
                  }
                  out.close();
                });
                return out.recvOnly();
              }

              // The producer gives up with the context: a caller may stop early.
              static RecvChan<Integer> countUntil(Context ctx, int n) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> {
                  try {
                    for (int i = 0; i < n; i++) {
                      int v = i;
                      boolean sent = Select.<Boolean>select()
                          .send(out, v, () -> true)
                          .recv(ctx.done(), d -> false)
                          .run();
                      if (!sent) {
                        return;
                      }
                    }
                  } finally {
                    out.close();
                  }
                });
                return out.recvOnly();
              }

              // One value, sent once: taking it is all there is.
              static RecvChan<Integer> single(int v) {
                Chan<Integer> out = Chan.make(1);
                Go.go(() -> out.send(v));
                return out.recvOnly();
              }

              int sum() {
                int s = 0;
                for (int v : count(10)) {
                  s += v;
                }
                return s;
              }

              int firstWithContext(Context parent) {
                try (CancelContext ctx = Context.withCancel(parent)) {
                  for (int v : countUntil(ctx, 10)) {
                    if (v > 3) {
                      return v;
                    }
                  }
                  return -1;
                }
              }

              int one() {
                return single(4).receive();
              }
            }
            """)
        .addSourceLines(
            "StopsReading.java",
            """
            import dev.goconc.*;

            class StopsReading {
              static RecvChan<Integer> count(int n) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> {
                  for (int i = 0; i < n; i++) {
                    out.send(i);
                  }
                  out.close();
                });
                return out.recvOnly();
              }

              int firstOnly() {
                // BUG: Diagnostic contains: stops reading at line 17 after one value
                return count(10).receive();
              }

              int firstEven() {
                // BUG: Diagnostic contains: stops reading at line 24 before the close
                for (int v : count(100)) {
                  if (v % 2 == 0) {
                    return v;
                  }
                }
                return -1;
              }
            }
            """)
        .doTest();
  }

  /**
   * Two launches on one channel, each of which the method can abandon on a path of its own, are
   * two findings; launches that only together outrun the receives are one.
   */
  @Test
  void eachLaunchTheMethodCanAbandonOnItsOwn() {
    helper
        .addSourceLines(
            "Hedging.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.function.Supplier;

            class Hedging {
              // One slot per attempt: every send completes.
              static String buffered(Supplier<String> call, Duration hedgeAfter, Context ctx) {
                Chan<String> answers = Chan.make(2);
                Go.go(() -> answers.send(call.get()));
                String first = Select.<String>select()
                    .recv(answers, a -> a)
                    .recv(Time.after(hedgeAfter), t -> null)
                    .run();
                if (first != null) {
                  return first;
                }
                Go.go(() -> answers.send(call.get()));
                return Select.<String>select()
                    .recv(answers, a -> a)
                    .recv(ctx.done(), d -> "timeout")
                    .run();
              }

              // The second attempt is only made after the first answered: one at a time.
              static String oneAtATime(Supplier<String> call) {
                Chan<String> answers = Chan.make();
                Go.go(() -> answers.send(call.get()));
                String first = answers.receive();
                Go.go(() -> answers.send(call.get() + first));
                return answers.receive();
              }
            }
            """)
        .addSourceLines(
            "HedgingBugs.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.function.Supplier;

            class HedgingBugs {
              static String hedged(Supplier<String> call, Duration hedgeAfter, Context ctx) {
                Chan<String> answers = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'answers' (line 9)
                Go.go(() -> answers.send(call.get()));
                String first = Select.<String>select()
                    .recv(answers, a -> a)
                    .recv(Time.after(hedgeAfter), t -> null)
                    .run();
                if (first != null) {
                  return first;
                }
                // BUG: Diagnostic contains: goroutine sending on 'answers' (line 18) blocks forever: the method can leave at line 19 without receiving, and the buffer of 'answers' holds 0 of 2 sends
                Go.go(() -> answers.send(call.get()));
                return Select.<String>select()
                    .recv(answers, a -> a)
                    .recv(ctx.done(), d -> "timeout")
                    .run();
              }

              // Two launches together, then a wait that can give up: one mistake, one finding.
              static String bothThenGiveUp(Supplier<String> call, Context ctx) {
                Chan<String> answers = Chan.make();
                // BUG: Diagnostic contains: goroutine sending on 'answers' (line 29)
                Go.go(() -> answers.send(call.get()));
                Go.go(() -> answers.send(call.get()));
                return Select.<String>select()
                    .recv(answers, a -> a)
                    .recv(ctx.done(), d -> "timeout")
                    .run();
              }

              // Three launches, one receive: one mistake, one finding.
              static String firstOfThree(Supplier<String> call) {
                Chan<String> answers = Chan.make();
                // BUG: Diagnostic contains: holds 0 of 2 sends
                Go.go(() -> answers.send(call.get()));
                Go.go(() -> answers.send(call.get()));
                Go.go(() -> answers.send(call.get()));
                return answers.receive();
              }
            }
            """)
        .doTest();
  }

  /**
   * A generator held in a local: judged as the call's value is, through the local's aliases, when
   * the code that declares it is its only reader and reads it once.
   */
  @Test
  void generatorsHeldInLocals() {
    helper
        .addSourceLines(
            "Held.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Held {
              static RecvChan<Integer> count(int n) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> {
                  for (int i = 0; i < n; i++) {
                    out.send(i);
                  }
                  out.close();
                });
                return out.recvOnly();
              }

              static int drain(RecvChan<Integer> in) {
                int s = 0;
                for (int v : in) {
                  s += v;
                }
                return s;
              }

              RecvChan<Integer> kept;

              int readToTheEnd() {
                var nums = count(10);
                int s = 0;
                for (int v : nums) {
                  s += v;
                }
                return s;
              }

              int readThroughAnAlias() {
                RecvChan<Integer> nums = count(10);
                var c = nums;
                int s = 0;
                for (int v : c) {
                  s += v;
                }
                return s;
              }

              int handedOn() {
                var nums = count(10);
                return drain(nums);
              }

              int firstThenTheRest() {
                var nums = count(10);
                int first = nums.receive();
                for (int v : nums) {
                  first += v;
                }
                return first;
              }

              int firstThenADrainer() {
                var nums = count(10);
                int first = nums.receive();
                Go.go(() -> {
                  for (int v : nums) {
                    System.out.println(v);
                  }
                });
                return first;
              }

              int firstThenStored() {
                var nums = count(10);
                kept = nums;
                return nums.receive();
              }

              RecvChan<Integer> firstThenReturned(List<Integer> firsts) {
                var nums = count(10);
                firsts.add(nums.receive());
                return nums;
              }

              int inARoundTheCountBounds() {
                var nums = count(3);
                int s = 0;
                for (int i = 0; i < 3; i++) {
                  s += nums.receive();
                }
                return s;
              }
            }
            """)
        .addSourceLines(
            "HeldBugs.java",
            """
            import dev.goconc.*;

            class HeldBugs {
              static RecvChan<Integer> count(int n) {
                Chan<Integer> out = Chan.make();
                Go.go(() -> {
                  for (int i = 0; i < n; i++) {
                    out.send(i);
                  }
                  out.close();
                });
                return out.recvOnly();
              }

              int firstOnly() {
                // BUG: Diagnostic contains: stops reading at line 18 after one value
                var nums = count(10);
                int first = nums.receive();
                return first;
              }

              int firstThroughAnAlias() {
                // BUG: Diagnostic contains: stops reading at line 26 after one value
                RecvChan<Integer> nums = count(10);
                RecvChan<Integer> c = nums;
                return c.receive();
              }

              int firstEven() {
                // BUG: Diagnostic contains: stops reading at line 34 before the close
                RecvChan<Integer> nums = count(100);
                for (int v : nums) {
                  if (v % 2 == 0) {
                    return v;
                  }
                }
                return -1;
              }
            }
            """)
        .doTest();
  }

  /** The mirror of the abandoned sender: a receiver the method can leave without feeding. */
  @Test
  void abandonedReceiver() {
    helper
        .addSourceLines(
            "Receivers.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Receivers {
              static void process(String job) {}

              // The method sends on every path out.
              void sendsOnEveryPath(String job, boolean urgent) {
                Chan<String> jobs = Chan.make();
                Go.go(() -> process(jobs.receive()));
                if (urgent) {
                  jobs.send("urgent " + job);
                  return;
                }
                jobs.send(job);
              }

              // Closing wakes the receiver too (it gets null).
              void closesInFinally(String job, boolean skip) {
                Chan<String> jobs = Chan.make();
                Go.go(() -> process(jobs.receive()));
                try {
                  if (skip) {
                    return;
                  }
                  jobs.send(job);
                } finally {
                  jobs.close();
                }
              }

              // The value waits in the buffer before the receiver starts.
              void bufferedBeforeLaunch(String job) {
                Chan<String> jobs = Chan.make(1);
                jobs.send(job);
                Go.go(() -> process(jobs.receive()));
              }

              // The receiver also selects on ctx.done(): cancellation frees it.
              void receiverWithAWayOut(Context ctx, String job, boolean skip) {
                Chan<String> jobs = Chan.make();
                Go.go(() -> Select.<Void>select()
                    .recv(jobs, j -> {
                      process(j);
                      return null;
                    })
                    .recv(ctx.done(), d -> null)
                    .run());
                if (skip) {
                  return;
                }
                jobs.send(job);
              }

              // An early return skips the only send: the worker waits for ever.
              void returnsBeforeSending(String job) {
                Chan<String> jobs = Chan.make();
                // BUG: Diagnostic contains: goroutine receiving on 'jobs'
                Go.go(() -> process(jobs.receive()));
                if (job.isEmpty()) {
                  return;
                }
                jobs.send(job);
              }

              // The consumer ranges; the producer closes on one path only.
              void closesOnOnePathOnly(List<String> batch) {
                Chan<String> jobs = Chan.make();
                Go.go(() -> {
                  // BUG: Diagnostic contains: without closing 'jobs'
                  for (String j : jobs) {
                    process(j);
                  }
                });
                for (String j : batch) {
                  if (j.isEmpty()) {
                    return;
                  }
                  jobs.send(j);
                }
                jobs.close();
              }
            }
            """)
        .doTest();
  }

  /** A lambda that makes its own channel is judged as a root of its own. */
  @Test
  void aLambdaIsARootOfItsOwn() {
    helper
        .addSourceLines(
            "Nested.java",
            """
            import dev.goconc.*;
            import java.time.Duration;
            import java.util.function.Supplier;

            class Nested {
              static int compute() {
                return 1;
              }

              // The goroutine waits for its helper's answer on every path.
              void quietGoroutine() {
                Go.go(() -> {
                  Chan<Integer> inner = Chan.make();
                  Go.go(() -> inner.send(compute()));
                  System.out.println(inner.receive());
                });
              }

              // A handler with the classic leak: the helper's send has no receiver after a timeout.
              Supplier<Integer> handler() {
                return () -> {
                  Chan<Integer> answer = Chan.make();
                  // BUG: Diagnostic contains: goroutine sending on 'answer'
                  Go.go(() -> answer.send(compute()));
                  return Select.<Integer>select()
                      .recv(answer, v -> v)
                      .recv(Time.after(Duration.ofMillis(10)), t -> -1)
                      .run();
                };
              }
            }
            """)
        .doTest();
  }

  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(GoroutineLeak.class, getClass());

  @Test
  void replacementGivesRoomForEverySend() {
    refactoring
        .addInputLines(
            "Fetch.java",
            """
            import dev.goconc.*;
            import java.time.Duration;

            class Fetch {
              Integer one() {
                Chan<Integer> result = Chan.make();
                Go.go(() -> result.send(1));
                return Select.<Integer>select()
                    .recv(result, v -> v)
                    .recv(Time.after(Duration.ofSeconds(1)), t -> -1)
                    .run();
              }

              String two(Context ctx) {
                Chan<String> first = Chan.<String>make(1);
                Go.go(() -> first.send("a"));
                Go.go(() -> {
                  if (ctx.err() == null) {
                    first.send("b");
                  } else {
                    first.send("c");
                  }
                });
                return Select.<String>select().recv(first, v -> v).recv(ctx.done(), d -> "").run();
              }
            }
            """)
        .addOutputLines(
            "Fetch.java",
            """
            import dev.goconc.*;
            import java.time.Duration;

            class Fetch {
              Integer one() {
                Chan<Integer> result = Chan.make(1);
                Go.go(() -> result.send(1));
                return Select.<Integer>select()
                    .recv(result, v -> v)
                    .recv(Time.after(Duration.ofSeconds(1)), t -> -1)
                    .run();
              }

              String two(Context ctx) {
                Chan<String> first = Chan.<String>make(2);
                Go.go(() -> first.send("a"));
                Go.go(() -> {
                  if (ctx.err() == null) {
                    first.send("b");
                  } else {
                    first.send("c");
                  }
                });
                return Select.<String>select().recv(first, v -> v).recv(ctx.done(), d -> "").run();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
