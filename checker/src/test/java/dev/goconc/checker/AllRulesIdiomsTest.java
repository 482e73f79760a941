package dev.goconc.checker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples of common Go concurrency guides, written with goconc and compiled with all the
 * goconc rules on at once, as users run them. Each rule's own test runs that rule alone; here a
 * correct idiom must draw no finding from any rule, and a mistake must draw exactly the rules
 * marked on its lines ({@code // expect: RuleA RuleB} at the end of a line), nothing else anywhere.
 *
 * <p>The guides' own examples sometimes "wait" with a sleep or leave a sender behind; where the
 * catalog calls that a mistake, the example is a mistake here, and its corrected form is an
 * idiom: the select over two unbuffered senders and a timeout (only one sender is ever
 * received), and every {@code time.Sleep} that waits for goroutines. The "async by default"
 * example is a style mistake no rule judges: its channel escapes to the caller. Further idioms
 * beyond the guides' text (or-done, tee, bridge, errgroup pipeline, rate limiting, graceful
 * shutdown) are written as Go's own documentation shows them.
 */
final class AllRulesIdiomsTest {
  /** One line, so a source's line numbers are those of its text block plus one. */
  private static final String IMPORTS =
      "import dev.goconc.*; import java.time.Duration; import java.time.Instant;"
          + " import java.util.ArrayList; import java.util.List; import java.util.Map;"
          + " import java.util.concurrent.TimeUnit; import java.util.function.BiFunction;\n";

  private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*([\\w ]+?)\\s*$");
  private static final Pattern RULE_OF_MESSAGE = Pattern.compile("^\\[(\\w+)\\]");

  /** Helpers every example may call; they must draw no finding either. */
  private static final String WORK =
      """
      final class Work {
        static int compute() { return 42; }
        static String get(String url) { return url.isEmpty() ? null : url; }
        static void process(Object item) { System.out.println(item); }
        static String fetch(Context ctx, String url) { return ctx.err() == null ? url : null; }
        static void pause(long millis) {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      """;

  @Test
  void allSixteenRuntimeRulesRun() {
    assertEquals(
        16,
        AllRulesCompilation.runtimeRules().size(),
        "goconc runtime checks found through @AutoService: " + checks());
  }

  /**
   * Runtime rules drawn from real-bug kernels (GoKer) rather than from the guides: the guides show
   * none of these mistakes, so no example here can carry them; each has its own tests and mistake
   * file.
   */
  private static final Set<String> BEYOND_THE_GUIDES =
      Set.of("WaitGroupAwaitInLaunchLoop", "WaitGroupDoneExceedsAdd", "WaitGroupAwaitHoldingLock");

  @Test
  void everyRuleFiresOnSomeMistakeHere() throws IllegalAccessException {
    Set<String> marked = new TreeSet<>();
    for (var field : SeedMistakes.class.getDeclaredFields()) {
      if (field.getType() == String.class) {
        for (String lineRule : expectations((String) field.get(null))) {
          marked.add(lineRule.substring(lineRule.indexOf(':') + 1));
        }
      }
    }
    Set<String> rules = new TreeSet<>();
    // The guides' examples are runtime code: the java.util.concurrent rules have their own.
    AllRulesCompilation.runtimeRules().forEach(check -> rules.add(check.getSimpleName()));
    rules.removeAll(BEYOND_THE_GUIDES);
    assertEquals(rules, marked, "rules with a mistake among the guides' examples");
  }

  @TestFactory
  Stream<DynamicTest> correctIdiomsDrawNoFinding() {
    return Stream.of(SeedIdioms.class.getDeclaredFields())
        .filter(f -> f.getType() == String.class)
        .map(f -> DynamicTest.dynamicTest(f.getName(), () -> {
          String source = (String) f.get(null);
          assertEquals(Set.of(), expectations(source), f.getName() + " is an idiom: no markers");
          assertFindings(f.getName(), source);
        }));
  }

  @TestFactory
  Stream<DynamicTest> mistakesDrawExactlyTheirRules() {
    return Stream.of(SeedMistakes.class.getDeclaredFields())
        .filter(f -> f.getType() == String.class)
        .map(f -> DynamicTest.dynamicTest(f.getName(), () -> assertFindings(f.getName(), (String) f.get(null))));
  }

  private static void assertFindings(String name, String body) {
    String source = IMPORTS + body;
    assertEquals(
        expectations(source), findings(className(body), source), name + ": line:Rule findings");
  }

  /** {@code line:Rule} for each rule marked on a line. */
  private static Set<String> expectations(String source) {
    Set<String> expected = new TreeSet<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = EXPECT.matcher(lines[i]);
      if (m.find()) {
        for (String rule : m.group(1).trim().split("\\s+", -1)) {
          expected.add((i + 1) + ":" + rule);
        }
      }
    }
    return expected;
  }

  /** {@code line:Rule} for every goconc finding in {@code source}, or in the helpers. */
  private static Set<String> findings(String className, String source) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-classpath", System.getProperty("java.class.path"),
            "-proc:none",
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "--should-stop=ifNoError=FLOW",
            StrictRules.STRICT);
    List<JavaFileObject> units =
        List.of(new Source(className, source), new Source("Work", IMPORTS + WORK));
    new BaseErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(checks()))
        .getTask(null, null, diagnostics, options, null, units)
        .call();
    Set<String> found = new TreeSet<>();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      Matcher rule = RULE_OF_MESSAGE.matcher(message);
      if (rule.find() && String.valueOf(d.getCode()).endsWith(".error.prone")) {
        String file = d.getSource().getName();
        found.add((file.contains("Work.java") ? "Work.java:" : "") + d.getLineNumber() + ":" + rule.group(1));
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d.getLineNumber() + ": " + message);
      }
    }
    assertEquals(List.of(), errors, className + " must compile");
    return found;
  }

  private static List<Class<? extends BugChecker>> checks() {
    return ServiceLoader.load(BugChecker.class).stream()
        .map(ServiceLoader.Provider::type)
        .filter(type -> type.getPackageName().equals(AllRulesIdiomsTest.class.getPackageName()))
        .<Class<? extends BugChecker>>map(type -> type)
        .sorted((a, b) -> a.getName().compareTo(b.getName()))
        .toList();
  }

  private static String className(String body) {
    Matcher m = Pattern.compile("class (\\w+)").matcher(body);
    if (!m.find()) {
      throw new IllegalArgumentException("no class in " + body);
    }
    return m.group(1);
  }

  /** The guides' correct idioms: quiet under every rule. */
  static final class SeedIdioms {
    // 000: a result handed back over an unbuffered channel the parent receives from.
    static final String SUM_OVER_UNBUFFERED_CHANNEL =
        """
        class SumOverUnbufferedChannel {
          static void sum(List<Integer> values, SendChan<Integer> result) {
            int total = 0;
            for (int v : values) {
              total += v;
            }
            result.send(total);
          }

          static void main(String[] args) {
            List<Integer> values = List.of(1, 2, 3, 4, 5);
            Chan<Integer> result = Chan.make();
            Go.go(() -> sum(values, result));
            int total = result.receive();
            System.out.println("Total: " + total);
          }
        }
        """;

    // 000/004: a buffered channel used as a queue in one goroutine, never over capacity.
    static final String BUFFERED_SENDS_WITHIN_CAPACITY =
        """
        class BufferedSendsWithinCapacity {
          static void main(String[] args) {
            Chan<Integer> buffered = Chan.make(3);
            buffered.send(1);
            buffered.send(2);
            buffered.send(3);
            System.out.println(buffered.receive());
            System.out.println(buffered.receive());
            buffered.send(4);
            System.out.println(buffered.receive());
            System.out.println(buffered.receive());
          }
        }
        """;

    // 000/001: the worker waits on its work or ctx.done(); main waits with a WaitGroup.
    static final String WORK_OR_TIMEOUT_WITH_WAITGROUP =
        """
        class WorkOrTimeoutWithWaitGroup {
          static void performWork(Context ctx, int id) {
            Select.<Void>select()
                .recv(Time.after(Duration.ofSeconds(2)), t -> {
                  System.out.println("Worker " + id + ": completed work");
                  return null;
                })
                .recv(ctx.done(), d -> {
                  System.out.println("Worker " + id + ": cancelled - " + ctx.err());
                  return null;
                })
                .run();
          }

          static void main(String[] args) {
            try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(1))) {
              WaitGroup wg = new WaitGroup();
              wg.go(() -> performWork(ctx, 1));
              wg.await();
            }
            System.out.println("Main exiting");
          }
        }
        """;

    // 000: workers that poll ctx.done() with a default case; cancelled after a while.
    static final String WORKERS_POLLING_CANCELLATION =
        """
        class WorkersPollingCancellation {
          static void worker(Context ctx, int id) {
            while (true) {
              boolean stop = Select.<Boolean>select()
                  .recv(ctx.done(), d -> {
                    System.out.println("Worker " + id + ": stopping");
                    return true;
                  })
                  .otherwise(() -> {
                    System.out.println("Worker " + id + ": working...");
                    Work.pause(500);
                    return false;
                  })
                  .run();
              if (stop) {
                return;
              }
            }
          }

          static void main(String[] args) throws InterruptedException {
            CancelContext ctx = Context.withCancel(Context.background());
            WaitGroup wg = new WaitGroup();
            for (int i = 1; i <= 3; i++) {
              int id = i;
              wg.go(() -> worker(ctx, id));
            }
            Thread.sleep(2000);
            System.out.println("Cancelling workers...");
            ctx.cancel();
            wg.await();
            System.out.println("Main exiting");
          }
        }
        """;

    // 000: request-scoped values on a context built in main.
    static final String CONTEXT_WITH_VALUES =
        """
        class ContextWithValues {
          static final Context.Key<String> USER_ID = Context.Key.of("userID");
          static final Context.Key<String> REQUEST_ID = Context.Key.of("requestID");

          static void processRequest(Context ctx) {
            String userId = ctx.value(USER_ID);
            if (userId == null) {
              System.out.println("User ID not found");
              return;
            }
            String requestId = ctx.value(REQUEST_ID);
            System.out.println("Processing request " + requestId + " for user " + userId);
          }

          static void main(String[] args) {
            Context ctx = Context.background();
            ctx = Context.withValue(ctx, USER_ID, "user-456");
            ctx = Context.withValue(ctx, REQUEST_ID, "req-123");
            processRequest(ctx);
          }
        }
        """;

    // 000: "when to combine all": a buffer per item, sends in a select with ctx.done().
    static final String PROCESS_ITEMS_COMBINING_ALL =
        """
        class ProcessItemsCombiningAll {
          static ContextException processItems(Context ctx, List<String> items) {
            Chan<String> results = Chan.make(items.size());
            WaitGroup wg = new WaitGroup();
            for (String item : items) {
              wg.add(1);
              Go.go(() -> {
                try {
                  Select.<Void>select()
                      .recv(ctx.done(), d -> null)
                      .send(results, Work.get(item), () -> null)
                      .run();
                } finally {
                  wg.done();
                }
              });
            }
            wg.await();
            results.close();
            return ctx.err();
          }
        }
        """;

    // 000/001/003: a timeout released by try-with-resources (Go's defer cancel()).
    static final String TIMEOUT_IN_TRY_WITH_RESOURCES =
        """
        class TimeoutInTryWithResources {
          static String fetchData(Context ctx, int id) throws ContextException {
            return Select.<String>select()
                .recv(Time.after(Duration.ofMillis(200)), t -> "data for " + id)
                .recv(ctx.done(), d -> null)
                .run();
          }

          static void main(String[] args) {
            try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofMillis(100))) {
              String result = fetchData(ctx, 42);
              if (result == null) {
                System.out.println("timed out: " + ctx.err());
                return;
              }
              System.out.println(result);
            }
          }

          String externalCall(String url) {
            try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(10))) {
              return Work.fetch(ctx, url);
            }
          }
        }
        """;

    // 000/002: the worker loop observes ctx.done() or a done channel.
    static final String WORKERS_SELECTING_ON_DONE =
        """
        class WorkersSelectingOnDone {
          static void worker(Context ctx, RecvChan<String> jobs) {
            while (true) {
              boolean stop = Select.<Boolean>select()
                  .recv(ctx.done(), d -> true)
                  .recv(jobs, job -> {
                    Work.process(job);
                    return false;
                  })
                  .run();
              if (stop) {
                return;
              }
            }
          }

          static void doneChannelWorker(RecvChan<Void> done, RecvChan<String> jobs) {
            while (true) {
              boolean stop = Select.<Boolean>select()
                  .recv(done, d -> true)
                  .recv(jobs, job -> {
                    Work.process(job);
                    return false;
                  })
                  .run();
              if (stop) {
                return;
              }
            }
          }

          static void busyWorker(Context ctx) {
            while (true) {
              boolean stop = Select.<Boolean>select()
                  .recv(ctx.done(), d -> true)
                  .otherwise(() -> false)
                  .run();
              if (stop) {
                return;
              }
              Work.compute();
            }
          }

          static void start(Context ctx, RecvChan<String> jobs) {
            Go.go(() -> worker(ctx, jobs));
            Go.go(() -> busyWorker(ctx));
          }
        }
        """;

    // 000: a buffer of one lets the goroutine leave even if nobody receives.
    static final String ONE_SLOT_FOR_ONE_SEND =
        """
        class OneSlotForOneSend {
          static void start() {
            Chan<Integer> results = Chan.make(1);
            Go.go(() -> results.send(Work.compute()));
          }
        }
        """;

    // 001/003/004: the WaitGroup way to wait, done() deferred with finally.
    static final String WAITGROUP_ADD_BEFORE_GO =
        """
        class WaitGroupAddBeforeGo {
          static void processAll(List<String> items) {
            WaitGroup wg = new WaitGroup();
            for (String item : items) {
              wg.add(1);
              Go.go(() -> {
                try {
                  Work.process(item);
                } finally {
                  wg.done();
                }
              });
            }
            wg.await();
            System.out.println("all items processed");
          }

          static void withGo(List<String> items) {
            WaitGroup wg = new WaitGroup();
            for (String item : items) {
              wg.go(() -> Work.process(item));
            }
            wg.await();
          }
        }
        """;

    // 001/004: the producer closes what it sent; the consumer ranges until closed.
    static final String PRODUCER_CLOSES_CONSUMER_RANGES =
        """
        class ProducerClosesConsumerRanges {
          static void producer(SendChan<Integer> ch) {
            for (int i = 0; i < 10; i++) {
              ch.send(i);
            }
            ch.close();
          }

          static void consume(RecvChan<Integer> in) {
            for (int n : in) {
              System.out.println(n);
            }
          }

          static void main(String[] args) {
            Chan<Integer> ch = Chan.make(5);
            Go.go(() -> producer(ch));
            for (int val : ch) {
              System.out.println(val);
            }
            Chan<Integer> unbuffered = Chan.make();
            Go.go(() -> producer(unbuffered));
            consume(unbuffered);
          }
        }
        """;

    // 001: two senders, one select per sender: every send is received.
    static final String SELECT_RECEIVES_EVERY_SENDER =
        """
        class SelectReceivesEverySender {
          static void main(String[] args) {
            Chan<String> ch1 = Chan.make();
            Chan<String> ch2 = Chan.make();
            Go.go(() -> ch1.send("from ch1"));
            Go.go(() -> ch2.send("from ch2"));
            for (int i = 0; i < 2; i++) {
              String msg = Select.<String>select()
                  .recv(ch1, m -> m)
                  .recv(ch2, m -> m)
                  .run();
              System.out.println(msg);
            }
          }
        }
        """;

    // 001/002/003: a worker pool closing its results after wg.await().
    static final String WORKER_POOL_WITH_CLOSER =
        """
        class WorkerPoolWithCloser {
          static void workerPool(RecvChan<Integer> jobs, SendChan<Integer> results, int numWorkers) {
            WaitGroup wg = new WaitGroup();
            for (int i = 0; i < numWorkers; i++) {
              wg.add(1);
              Go.go(() -> {
                try {
                  for (int job : jobs) {
                    results.send(job * 2);
                  }
                } finally {
                  wg.done();
                }
              });
            }
            wg.await();
            results.close();
          }

          static void main(String[] args) {
            Chan<Integer> jobs = Chan.make(100);
            Chan<Integer> results = Chan.make(100);
            Go.go(() -> workerPool(jobs, results, 8));
            for (int i = 0; i < 50; i++) {
              jobs.send(i);
            }
            jobs.close();
            for (int result : results) {
              System.out.println(result);
            }
          }
        }
        """;

    // 002/003: workers range over jobs; main receives one result per job.
    static final String WORKER_POOL_COUNTED_RESULTS =
        """
        class WorkerPoolCountedResults {
          static void worker(int id, RecvChan<String> jobs, SendChan<String> results) {
            for (String job : jobs) {
              results.send(id + ":" + job);
            }
          }

          static void main(String[] args) {
            List<String> allJobs = List.of("a", "b", "c");
            Chan<String> jobs = Chan.make(100);
            Chan<String> results = Chan.make(100);
            for (int w = 0; w < 4; w++) {
              int id = w;
              Go.go(() -> worker(id, jobs, results));
            }
            for (String job : allJobs) {
              jobs.send(job);
            }
            jobs.close();
            for (int i = 0; i < allJobs.size(); i++) {
              Work.process(results.receive());
            }
          }
        }
        """;

    // 002: fan-in of several channels, closed by a WaitGroup closer, returned to the caller.
    static final String FAN_IN_WITH_CLOSER =
        """
        class FanInWithCloser {
          @SafeVarargs
          static RecvChan<Integer> fanIn(RecvChan<Integer>... channels) {
            WaitGroup wg = new WaitGroup();
            Chan<Integer> merged = Chan.make();
            for (RecvChan<Integer> ch : channels) {
              wg.add(1);
              Go.go(() -> {
                try {
                  for (int v : ch) {
                    merged.send(v);
                  }
                } finally {
                  wg.done();
                }
              });
            }
            Go.go(() -> {
              wg.await();
              merged.close();
            });
            return merged;
          }
        }
        """;

    // 002/003: a buffered channel as a semaphore, released in finally.
    static final String SEMAPHORE_FROM_BUFFERED_CHANNEL =
        """
        class SemaphoreFromBufferedChannel {
          private static final int MAX_CONCURRENT = 4;
          private static final Chan<Void> SEM = Chan.make(MAX_CONCURRENT);

          static void handle(String request) {
            SEM.send(null);
            try {
              Work.process(request);
            } finally {
              SEM.receive();
            }
          }

          static void serve(List<String> requests) {
            WaitGroup wg = new WaitGroup();
            for (String r : requests) {
              wg.go(() -> handle(r));
            }
            wg.await();
          }
        }
        """;

    // 002: the leaky buffer: get and put never block thanks to otherwise.
    static final String RESOURCE_POOL_WITH_OTHERWISE =
        """
        class ResourcePoolWithOtherwise {
          private static final Chan<StringBuilder> POOL = Chan.make(100);

          static StringBuilder getBuffer() {
            return Select.<StringBuilder>select()
                .recv(POOL, b -> b)
                .otherwise(StringBuilder::new)
                .run();
          }

          static void putBuffer(StringBuilder b) {
            b.setLength(0);
            Select.<Void>select()
                .send(POOL, b, () -> null)
                .otherwise(() -> null)
                .run();
          }
        }
        """;

    // 002/003: the context as the first parameter, passed on.
    static final String CONTEXT_AS_FIRST_PARAMETER =
        """
        class ContextAsFirstParameter {
          String process(Context ctx, String data) {
            return Work.fetch(ctx, data);
          }

          String fetchUser(Context ctx, String id) {
            return Work.fetch(ctx, "https://example.internal/users/" + id);
          }
        }
        """;

    // 002: synchronous API; the caller adds the goroutine and the buffer it needs.
    static final String SYNCHRONOUS_FUNCTION_CALLER_WRAPS =
        """
        class SynchronousFunctionCallerWraps {
          static String fetchData(Context ctx) {
            return Work.fetch(ctx, "data");
          }

          static String caller(Context ctx) {
            Chan<String> result = Chan.make(1);
            Go.go(() -> result.send(fetchData(ctx)));
            return Select.<String>select()
                .recv(result, r -> r)
                .recv(ctx.done(), d -> null)
                .run();
          }
        }
        """;

    // 002: parallel ranges, a slot per goroutine, one receive each.
    static final String PARALLEL_RANGES_WITH_COUNTING_CHANNEL =
        """
        class ParallelRangesWithCountingChannel {
          static void processRange(int[] data, int start, int end) {
            for (int i = start; i < end; i++) {
              data[i] *= 2;
            }
          }

          static void parallel(int[] data) {
            int numCpu = Runtime.getRuntime().availableProcessors();
            Chan<Boolean> c = Chan.make(numCpu);
            for (int i = 0; i < numCpu; i++) {
              int start = i * data.length / numCpu;
              int end = (i + 1) * data.length / numCpu;
              Go.go(() -> {
                processRange(data, start, end);
                c.send(true);
              });
            }
            for (int i = 0; i < numCpu; i++) {
              c.receive();
            }
          }
        }
        """;

    // 003/004: an unbuffered handoff as a completion signal; a buffered queue.
    static final String UNBUFFERED_DONE_SIGNAL =
        """
        class UnbufferedDoneSignal {
          static void main(String[] args) {
            Chan<Void> done = Chan.make();
            Go.go(() -> {
              System.out.println("work complete");
              done.send(null);
            });
            done.receive();
            Chan<String> queue = Chan.make(100);
            queue.send("task-1");
          }
        }
        """;

    // 003/004: receive with a timeout, or with cancellation, on channels owned elsewhere.
    static final String SELECT_WITH_TIMEOUT_OR_CANCELLATION =
        """
        class SelectWithTimeoutOrCancellation {
          static void awaitResult(RecvChan<String> results) {
            Select.<Void>select()
                .recv(results, r -> {
                  System.out.println("got result " + r);
                  return null;
                })
                .recv(Time.after(Duration.ofMillis(200)), t -> {
                  System.out.println("timed out");
                  return null;
                })
                .run();
          }

          static void handleOne(Context ctx, RecvChan<String> incoming) throws ContextException {
            ContextException err = Select.<ContextException>select()
                .recv(incoming, msg -> {
                  Work.process(msg);
                  return null;
                })
                .recv(ctx.done(), d -> ctx.err())
                .run();
            if (err != null) {
              throw err;
            }
          }

          static void poll(RecvChan<String> ch) {
            Select.<Void>select()
                .recv(ch, msg -> {
                  Work.process(msg);
                  return null;
                })
                .otherwise(() -> null)
                .run();
          }
        }
        """;

    // 004: the comma-ok receive; a worker leaving when jobs closes or done fires.
    static final String WORKER_WITH_RECEIVE_OK_AND_DONE =
        """
        class WorkerWithReceiveOkAndDone {
          static void worker(RecvChan<String> jobs, RecvChan<Void> done) {
            while (true) {
              boolean stop = Select.<Boolean>select()
                  .recvOk(jobs, r -> {
                    if (!r.ok()) {
                      return true;
                    }
                    Work.process(r.value());
                    return false;
                  })
                  .recv(done, d -> true)
                  .run();
              if (stop) {
                return;
              }
            }
          }

          static void drain(RecvChan<String> ch) {
            while (true) {
              Received<String> r = ch.receiveOk();
              if (!r.ok()) {
                return;
              }
              Work.process(r.value());
            }
          }

          static void shutdown(RecvChan<String> jobs) {
            Chan<Void> done = Chan.make();
            WaitGroup wg = new WaitGroup();
            for (int i = 0; i < 3; i++) {
              wg.go(() -> worker(jobs, done));
            }
            done.close();
            wg.await();
          }
        }
        """;

    // 004: fetch-all with a buffer as large as the work.
    static final String FETCH_ALL_WITH_FULL_BUFFER =
        """
        class FetchAllWithFullBuffer {
          static List<String> fetchAll(List<String> urls) {
            Chan<String> results = Chan.make(urls.size());
            for (String url : urls) {
              Go.go(() -> {
                String body = Work.get(url);
                if (body == null) {
                  results.send("error: " + url);
                  return;
                }
                results.send(url + " -> " + body.length());
              });
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
              out.add(results.receive());
            }
            return out;
          }
        }
        """;

    // 004: results and a WaitGroup closer; the collector ranges until closed.
    static final String COLLECT_RESULTS_WITH_CLOSER =
        """
        class CollectResultsWithCloser {
          record Result(String item, Exception error) {}

          static List<Result> processAll(List<String> items) {
            Chan<Result> results = Chan.make(items.size());
            WaitGroup wg = new WaitGroup();
            for (String item : items) {
              wg.add(1);
              Go.go(() -> {
                try {
                  Work.process(item);
                  results.send(new Result(item, null));
                } finally {
                  wg.done();
                }
              });
            }
            Go.go(() -> {
              wg.await();
              results.close();
            });
            List<Result> out = new ArrayList<>();
            for (Result r : results) {
              out.add(r);
            }
            return out;
          }
        }
        """;

    // 004: the leak's fix: room for the send, close on the error path, send in a select.
    static final String FETCH_USER_FIXED =
        """
        class FetchUserFixed {
          static RecvChan<String> fetchUser(Context ctx, String id) {
            Chan<String> ch = Chan.make(1);
            Go.go(() -> {
              String user = Work.get(id);
              if (user == null) {
                ch.close();
                return;
              }
              Select.<Void>select()
                  .send(ch, user, () -> null)
                  .recv(ctx.done(), d -> null)
                  .run();
            });
            return ch;
          }
        }
        """;

    // 004: the generic pool: pre-filled jobs, ctx checked per job, a closer goroutine.
    static final String GENERIC_POOL_RUN =
        """
        class GenericPoolRun {
          record Result<T, R>(T input, R output, Exception err) {}

          static <T, R> List<Result<T, R>> run(
              Context ctx, int concurrency, List<T> inputs, BiFunction<Context, T, R> fn) {
            Chan<T> jobs = Chan.make(inputs.size());
            Chan<Result<T, R>> results = Chan.make(inputs.size());
            WaitGroup wg = new WaitGroup();
            for (int w = 0; w < concurrency; w++) {
              wg.add(1);
              Go.go(() -> {
                try {
                  for (T job : jobs) {
                    Result<T, R> r = Select.<Result<T, R>>select()
                        .recv(ctx.done(), d -> new Result<T, R>(job, null, ctx.err()))
                        .otherwise(() -> new Result<T, R>(job, fn.apply(ctx, job), null))
                        .run();
                    results.send(r);
                  }
                } finally {
                  wg.done();
                }
              });
            }
            for (T input : inputs) {
              jobs.send(input);
            }
            jobs.close();
            Go.go(() -> {
              wg.await();
              results.close();
            });
            List<Result<T, R>> out = new ArrayList<>();
            for (Result<T, R> r : results) {
              out.add(r);
            }
            return out;
          }

          static void caller(Context ctx, List<String> userIds) {
            for (Result<String, String> r : run(ctx, 10, userIds, Work::fetch)) {
              if (r.err() != null) {
                System.out.println("failed to fetch user " + r.input());
                continue;
              }
              Work.process(r.output());
            }
          }
        }
        """;

    // 004: a batch under a derived timeout; errors sent without blocking, drained after close.
    static final String PROCESS_BATCH_WITH_TIMEOUT =
        """
        class ProcessBatchWithTimeout {
          Exception processBatch(Context parent, List<String> items) {
            try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(30))) {
              Chan<Exception> errs = Chan.make(items.size());
              WaitGroup wg = new WaitGroup();
              for (String item : items) {
                wg.add(1);
                Go.go(() -> {
                  try {
                    if (Work.fetch(ctx, item) == null) {
                      Select.<Void>select()
                          .send(errs, new Exception(item), () -> null)
                          .otherwise(() -> null)
                          .run();
                    }
                  } finally {
                    wg.done();
                  }
                });
              }
              wg.await();
              errs.close();
              for (Exception err : errs) {
                if (err != null) {
                  return err;
                }
              }
              return null;
            }
          }
        }
        """;

    // Pipeline stages each close their output in finally.
    static final String PIPELINE_STAGES_CLOSE_OUTPUT =
        """
        class PipelineStagesCloseOutput {
          static RecvChan<Integer> generate(int... numbers) {
            Chan<Integer> out = Chan.make();
            Go.go(() -> {
              try {
                for (int n : numbers) {
                  out.send(n);
                }
              } finally {
                out.close();
              }
            });
            return out;
          }

          static RecvChan<Integer> square(RecvChan<Integer> in) {
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

          static void main(String[] args) {
            for (int v : square(generate(1, 2, 3))) {
              System.out.println(v);
            }
          }
        }
        """;

    // "Naked goroutine" fix: errgroup with a context and a limit.
    static final String ERRGROUP_WITH_LIMIT =
        """
        class ErrGroupWithLimit {
          static List<String> fetchAll(Context ctx, List<String> urls) throws Throwable {
            ErrGroup g = ErrGroup.withContext(ctx);
            g.setLimit(4);
            Chan<String> bodies = Chan.make(urls.size());
            for (String url : urls) {
              g.go(() -> {
                String body = Work.fetch(g.context(), url);
                if (body == null) {
                  throw new Exception("fetch " + url);
                }
                bodies.send(body);
              });
            }
            Throwable err = g.await();
            bodies.close();
            if (err != null) {
              throw err;
            }
            List<String> out = new ArrayList<>();
            for (String b : bodies) {
              out.add(b);
            }
            return out;
          }
        }
        """;

    // Generator with a done channel: the consumer closes done when it has had enough.
    static final String GENERATOR_WITH_DONE_CHANNEL =
        """
        class GeneratorWithDoneChannel {
          static RecvChan<Integer> counter(RecvChan<Void> done) {
            Chan<Integer> out = Chan.make();
            Go.go(() -> {
              try {
                for (int i = 0; ; i++) {
                  int n = i;
                  boolean stop = Select.<Boolean>select()
                      .send(out, n, () -> false)
                      .recv(done, d -> true)
                      .run();
                  if (stop) {
                    return;
                  }
                }
              } finally {
                out.close();
              }
            });
            return out;
          }

          static void firstFive() {
            Chan<Void> done = Chan.make();
            RecvChan<Integer> numbers = counter(done);
            for (int i = 0; i < 5; i++) {
              System.out.println(numbers.receive());
            }
            done.close();
          }
        }
        """;

    // Or-done: range over a channel owned elsewhere, stop on done.
    static final String OR_DONE =
        """
        class OrDone {
          static <T> RecvChan<T> orDone(Context ctx, RecvChan<T> in) {
            Chan<T> out = Chan.make();
            Go.go(() -> {
              try {
                while (true) {
                  Received<T> r = Select.<Received<T>>select()
                      .recv(ctx.done(), d -> new Received<T>(null, false))
                      .recvOk(in, v -> v)
                      .run();
                  if (!r.ok()) {
                    return;
                  }
                  boolean stop = Select.<Boolean>select()
                      .send(out, r.value(), () -> false)
                      .recv(ctx.done(), d -> true)
                      .run();
                  if (stop) {
                    return;
                  }
                }
              } finally {
                out.close();
              }
            });
            return out;
          }
        }
        """;

    // Tee: each value to both outputs, both closed by the one sender.
    static final String TEE =
        """
        class Tee {
          static <T> List<RecvChan<T>> tee(RecvChan<T> in) {
            Chan<T> out1 = Chan.make(1);
            Chan<T> out2 = Chan.make(1);
            Go.go(() -> {
              try {
                for (T v : in) {
                  out1.send(v);
                  out2.send(v);
                }
              } finally {
                out1.close();
                out2.close();
              }
            });
            return List.of(out1, out2);
          }
        }
        """;

    // Rate limiting with a ticker that is stopped on every path.
    static final String RATE_LIMIT_WITH_STOPPED_TICKER =
        """
        class RateLimitWithStoppedTicker {
          static void handleAll(Context ctx, List<String> requests) {
            try (Ticker limiter = Time.newTicker(Duration.ofMillis(200))) {
              for (String r : requests) {
                boolean stop = Select.<Boolean>select()
                    .recv(ctx.done(), d -> true)
                    .recv(limiter.c(), t -> false)
                    .run();
                if (stop) {
                  return;
                }
                Work.process(r);
              }
            }
          }

          static void heartbeat(Context ctx) {
            Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
            Go.go(() -> {
              try {
                while (true) {
                  boolean stop = Select.<Boolean>select()
                      .recv(ctx.done(), d -> true)
                      .recv(ticker.c(), t -> false)
                      .run();
                  if (stop) {
                    return;
                  }
                  System.out.println("beat");
                }
              } finally {
                ticker.stop();
              }
            });
          }
        }
        """;

    // A timer either fires (received: nothing to stop) or is stopped on the other path.
    static final String TIMER_FIRED_OR_STOPPED =
        """
        class TimerFiredOrStopped {
          static boolean waitOrCancel(Context ctx, Duration d) {
            Timer t = Time.newTimer(d);
            return Select.<Boolean>select()
                .recv(t.c(), x -> true)
                .recv(ctx.done(), x -> {
                  t.stop();
                  return false;
                })
                .run();
          }

          static void sleepCtx(Context ctx, Duration d) {
            try (Timer t = Time.newTimer(d)) {
              Select.<Void>select()
                  .recv(t.c(), x -> null)
                  .recv(ctx.done(), x -> null)
                  .run();
            }
          }
        }
        """;

    // A server owns the power to cancel its goroutines: a CancelFunc field its close() calls.
    static final String SERVER_OWNS_ITS_CANCEL_FUNC =
        """
        class ServerOwnsItsCancelFunc implements AutoCloseable {
          private final CancelFunc stop;
          private final WaitGroup wg = new WaitGroup();

          ServerOwnsItsCancelFunc(Context parent, RecvChan<String> requests) {
            CancelContext ctx = Context.withCancel(parent);
            this.stop = ctx.cancelFunc();
            wg.go(() -> serve(ctx, requests));
          }

          private static void serve(Context ctx, RecvChan<String> requests) {
            while (true) {
              boolean stop = Select.<Boolean>select()
                  .recv(ctx.done(), d -> true)
                  .recv(requests, r -> {
                    Work.process(r);
                    return false;
                  })
                  .run();
              if (stop) {
                return;
              }
            }
          }

          @Override
          public void close() {
            stop.cancel();
            wg.await();
          }
        }
        """;

    // Fetch-all under a context: the senders observe it, so the counting loop needs not.
    static final String FETCH_ALL_UNDER_CONTEXT =
        """
        class FetchAllUnderContext {
          static List<String> fetchAll(Context ctx, List<String> urls) {
            Chan<String> results = Chan.make(urls.size());
            for (String url : urls) {
              Go.go(() -> results.send(Work.fetch(ctx, url)));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
              out.add(results.receive());
            }
            return out;
          }
        }
        """;

    // A tree walk: each goroutine adds for its own children and awaits them itself.
    static final String NESTED_WAITGROUPS =
        """
        class NestedWaitGroups {
          record Node(String name, List<Node> children) {}

          static void walk(Node root) {
            WaitGroup wg = new WaitGroup();
            for (Node child : root.children()) {
              wg.add(1);
              Go.go(() -> {
                try {
                  WaitGroup inner = new WaitGroup();
                  for (Node grandchild : child.children()) {
                    inner.add(1);
                    Go.go(() -> {
                      try {
                        Work.process(grandchild.name());
                      } finally {
                        inner.done();
                      }
                    });
                  }
                  inner.await();
                } finally {
                  wg.done();
                }
              });
            }
            wg.await();
          }

          static void signalOnly(WaitGroup started) {
            started.add(1);
            Go.go(() -> started.done());
            started.await();
          }
        }
        """;

    // Several leading contexts are fine; a method reference as the goroutine body.
    static final String LEADING_CONTEXTS_AND_METHOD_REFERENCES =
        """
        class LeadingContextsAndMethodReferences {
          private final Chan<String> events = Chan.make(16);

          String merge(Context request, Context server, String key) {
            return Work.fetch(request, key) + Work.fetch(server, key);
          }

          void drainEvents() {
            for (String e : events) {
              Work.process(e);
            }
          }

          void start() {
            Go.go(this::drainEvents);
          }

          void stop() {
            events.close();
          }
        }
        """;

    // A semaphore local to the method, acquired in each goroutine and released in finally.
    static final String LOCAL_SEMAPHORE_IN_GOROUTINES =
        """
        class LocalSemaphoreInGoroutines {
          static void crawl(Context ctx, List<String> urls) {
            Chan<Void> sem = Chan.make(3);
            WaitGroup wg = new WaitGroup();
            for (String url : urls) {
              wg.add(1);
              Go.go(() -> {
                sem.send(null);
                try {
                  Work.fetch(ctx, url);
                } finally {
                  sem.receive();
                  wg.done();
                }
              });
            }
            wg.await();
          }

          static void throttle(Context ctx, List<String> urls) {
            Chan<Void> sem = Chan.make(3);
            WaitGroup wg = new WaitGroup();
            for (String url : urls) {
              sem.send(null);
              wg.add(1);
              Go.go(() -> {
                try {
                  Work.fetch(ctx, url);
                } finally {
                  sem.receive();
                  wg.done();
                }
              });
            }
            wg.await();
          }
        }
        """;

    // A context released in finally, or through its CancelFunc (Go's defer cancel()).
    static final String CANCEL_IN_FINALLY =
        """
        class CancelInFinally {
          static String withFinally(Context parent, String url) {
            CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(5));
            try {
              return Work.fetch(ctx, url);
            } finally {
              ctx.cancel();
            }
          }

          static String withCancelFunc(Context parent, String url) {
            CancelContext ctx = Context.withCancel(parent);
            CancelFunc cancel = ctx.cancelFunc();
            try {
              return Work.fetch(ctx, url);
            } finally {
              cancel.cancel();
            }
          }

          static CancelContext requestContext(Context parent) {
            return Context.withTimeout(parent, Duration.ofSeconds(30));
          }

          static void background(Context parent, String url) {
            CancelContext ctx = Context.withCancel(parent);
            Go.go(() -> {
              try {
                Work.fetch(ctx, url);
              } finally {
                ctx.cancel();
              }
            });
          }
        }
        """;

    // Go by Example's timeouts: a slot for the late result, the sleep is the goroutine's work.
    static final String TIMEOUT_WITH_A_SLOT_FOR_THE_LATE_RESULT =
        """
        class TimeoutWithASlotForTheLateResult {
          static void main(String[] args) {
            Chan<String> c1 = Chan.make(1);
            Go.go(() -> {
              try {
                Thread.sleep(2000);
              } catch (InterruptedException e) {
                return;
              }
              c1.send("result 1");
            });
            String res = Select.<String>select()
                .recv(c1, r -> r)
                .recv(Time.after(Duration.ofSeconds(1)), t -> "timeout 1")
                .run();
            System.out.println(res);
          }
        }
        """;

    // Go by Example's rate limiting: queued requests, one per tick, the ticker closed.
    static final String RATE_LIMITED_QUEUE =
        """
        class RateLimitedQueue {
          static void main(String[] args) {
            Chan<Integer> requests = Chan.make(5);
            for (int i = 1; i <= 5; i++) {
              requests.send(i);
            }
            requests.close();
            try (Ticker limiter = Time.newTicker(Duration.ofMillis(200))) {
              for (int req : requests) {
                limiter.c().receive();
                System.out.println("request " + req);
              }
            }
          }

          static void enqueue(Context ctx) {
            Chan<Integer> jobs = Chan.make(100);
            for (int i = 0; i < 50; i++) {
              jobs.send(i);
            }
            jobs.close();
            for (int job : jobs) {
              Work.process(job);
            }
          }
        }
        """;

    // An endless generator: the goroutine leaves on ctx.done(), the caller takes what it needs.
    static final String ENDLESS_GENERATOR_UNDER_CONTEXT =
        """
        class EndlessGeneratorUnderContext {
          static RecvChan<Integer> naturals(Context ctx) {
            Chan<Integer> out = Chan.make();
            Go.go(() -> {
              for (int i = 0; ; i++) {
                int n = i;
                boolean stop = Select.<Boolean>select()
                    .send(out, n, () -> false)
                    .recv(ctx.done(), d -> true)
                    .run();
                if (stop) {
                  return;
                }
              }
            });
            return out;
          }

          static void main(String[] args) {
            try (CancelContext ctx = Context.withCancel(Context.background())) {
              for (int n : naturals(ctx)) {
                System.out.println(n);
                if (n == 5) {
                  break;
                }
              }
            }
          }
        }
        """;

    // Bridge: a channel of channels flattened into one, closed by its only sender.
    static final String BRIDGE =
        """
        class Bridge {
          static <T> RecvChan<T> bridge(Context ctx, RecvChan<RecvChan<T>> streams) {
            Chan<T> out = Chan.make();
            Go.go(() -> {
              try {
                for (RecvChan<T> stream : streams) {
                  for (T v : stream) {
                    boolean stop = Select.<Boolean>select()
                        .send(out, v, () -> false)
                        .recv(ctx.done(), d -> true)
                        .run();
                    if (stop) {
                      return;
                    }
                  }
                }
              } finally {
                out.close();
              }
            });
            return out;
          }
        }
        """;

    // Tickers and timers handed over: returned, or owned by an object that stops them.
    static final String TICKERS_HANDED_OVER =
        """
        class TickersHandedOver implements AutoCloseable {
          private final Ticker ticker;

          TickersHandedOver(Duration every) {
            this.ticker = Time.newTicker(every);
          }

          static Ticker everySecond() {
            return Time.newTicker(Duration.ofSeconds(1));
          }

          RecvChan<Instant> ticks() {
            return ticker.c();
          }

          @Override
          public void close() {
            ticker.stop();
          }
        }
        """;

    // A daemon goroutine with its ticker in try-with-resources, stopped by the context.
    static final String DAEMON_WITH_TICKER_IN_TRY_WITH_RESOURCES =
        """
        class DaemonWithTickerInTryWithResources {
          static void start(Context ctx) {
            Go.go(() -> {
              try (Ticker t = Time.newTicker(Duration.ofSeconds(1))) {
                while (true) {
                  boolean stop = Select.<Boolean>select()
                      .recv(ctx.done(), d -> true)
                      .recv(t.c(), x -> false)
                      .run();
                  if (stop) {
                    return;
                  }
                  System.out.println("tick");
                }
              }
            });
          }
        }
        """;

    // errgroup's bounded-parallelism pipeline: a walker closes paths, digesters feed c, a
    // closer goroutine closes c after the group, the method ranges over c.
    static final String ERRGROUP_PIPELINE =
        """
        class ErrGroupPipeline {
          record Digest(String path, int sum) {}

          static Map<String, Integer> digestAll(Context parent, List<String> files) throws Throwable {
            ErrGroup g = ErrGroup.withContext(parent);
            Context ctx = g.context();
            Chan<String> paths = Chan.make();
            g.go(() -> {
              try {
                for (String f : files) {
                  boolean stop = Select.<Boolean>select()
                      .send(paths, f, () -> false)
                      .recv(ctx.done(), d -> true)
                      .run();
                  if (stop) {
                    throw ctx.err();
                  }
                }
              } finally {
                paths.close();
              }
            });
            Chan<Digest> c = Chan.make();
            for (int i = 0; i < 20; i++) {
              g.go(() -> {
                for (String path : paths) {
                  Digest d = new Digest(path, path.hashCode());
                  boolean stop = Select.<Boolean>select()
                      .send(c, d, () -> false)
                      .recv(ctx.done(), x -> true)
                      .run();
                  if (stop) {
                    throw ctx.err();
                  }
                }
              });
            }
            Go.go(() -> {
              g.await();
              c.close();
            });
            Map<String, Integer> m = new java.util.HashMap<>();
            for (Digest d : c) {
              m.put(d.path(), d.sum());
            }
            Throwable err = g.await();
            if (err != null) {
              throw err;
            }
            return m;
          }
        }
        """;

    // Java 9 try-with-resources on an existing variable releases contexts and tickers too.
    static final String TRY_WITH_EXISTING_RESOURCES =
        """
        class TryWithExistingResources {
          static String call(Context parent, String url) {
            CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(5));
            try (ctx) {
              return Work.fetch(ctx, url);
            }
          }

          static void beat(int times) {
            Ticker ticker = Time.newTicker(Duration.ofSeconds(1));
            try (ticker) {
              for (int i = 0; i < times; i++) {
                ticker.c().receive();
              }
            }
          }
        }
        """;

    // Goroutines as virtual threads and executor tasks, waited for properly.
    static final String VIRTUAL_THREADS_AND_EXECUTORS =
        """
        class VirtualThreadsAndExecutors {
          static void executor(List<String> items) {
            try (var exec = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
              WaitGroup wg = new WaitGroup();
              for (String item : items) {
                wg.add(1);
                exec.submit(() -> {
                  try {
                    Work.process(item);
                  } finally {
                    wg.done();
                  }
                });
              }
              wg.await();
            }
          }

          static int thread() throws InterruptedException {
            Chan<Integer> result = Chan.make(1);
            Thread t = Thread.ofVirtual().start(() -> result.send(Work.compute()));
            t.join();
            return result.receive();
          }
        }
        """;

    // Closing in one branch and sending in the other; closing as the loop's way out.
    static final String CLOSE_OR_SEND_ON_SEPARATE_PATHS =
        """
        class CloseOrSendOnSeparatePaths {
          static void finish(Chan<String> out, String last, boolean done) {
            if (done) {
              out.close();
            } else {
              out.send(last);
            }
          }

          static void pump(RecvChan<String> in, SendChan<String> out) {
            while (true) {
              Received<String> r = in.receiveOk();
              if (!r.ok()) {
                out.close();
                break;
              }
              out.send(r.value());
            }
          }

          static void stage(Chan<Integer> in, Chan<Integer> out) {
            for (int v : in) {
              out.send(v * 2);
            }
            out.close();
          }
        }
        """;

    // add() for every goroutine at once, before any is started; checking err() in the loop.
    static final String ADD_ALL_THEN_CHECK_ERR =
        """
        class AddAllThenCheckErr {
          static void processAll(Context ctx, List<String> items, SendChan<String> out) {
            WaitGroup wg = new WaitGroup();
            wg.add(items.size());
            for (String item : items) {
              Go.go(() -> {
                try {
                  Work.process(item);
                } finally {
                  wg.done();
                }
              });
            }
            wg.await();
            for (String item : items) {
              if (ctx.err() != null) {
                return;
              }
              out.send(item);
            }
          }
        }
        """;

    // Every goroutine sends a result or an error; the parent collects one of either per URL.
    static final String RESULT_OR_ERROR_PER_GOROUTINE =
        """
        class ResultOrErrorPerGoroutine {
          static List<String> fetchAll(List<String> urls) {
            Chan<String> results = Chan.make();
            Chan<Exception> errs = Chan.make();
            for (String url : urls) {
              Go.go(() -> {
                String body = Work.get(url);
                if (body == null) {
                  errs.send(new Exception(url));
                  return;
                }
                results.send(body);
              });
            }
            List<String> out = new ArrayList<>();
            List<Exception> failures = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
              Select.<Boolean>select()
                  .recv(results, out::add)
                  .recv(errs, failures::add)
                  .run();
            }
            return out;
          }
        }
        """;

    // The parent receives on every branch; or counts its receives in a while loop.
    static final String RECEIVES_ON_EVERY_BRANCH =
        """
        class ReceivesOnEveryBranch {
          static int either(boolean fast) {
            Chan<Integer> r = Chan.make();
            Go.go(() -> r.send(Work.compute()));
            if (fast) {
              return r.receive();
            } else {
              int v = r.receive();
              return v * 2;
            }
          }

          static int sum(int k) {
            Chan<Integer> r = Chan.make();
            for (int i = 0; i < k; i++) {
              Go.go(() -> r.send(Work.compute()));
            }
            int total = 0;
            int n = 0;
            while (n < k) {
              total += r.receive();
              n++;
            }
            return total;
          }
        }
        """;

    // Contexts handed over: kept in a collection the owner cancels, or their CancelFunc returned.
    static final String CONTEXTS_HANDED_OVER =
        """
        class ContextsHandedOver {
          record Handle(CancelFunc cancel, String name) {}

          private final List<CancelContext> live = new ArrayList<>();

          void track(Context parent) {
            CancelContext ctx = Context.withCancel(parent);
            live.add(ctx);
          }

          Handle open(Context parent, String name) {
            CancelContext ctx = Context.withTimeout(parent, Duration.ofMinutes(1));
            return new Handle(ctx.cancelFunc(), name);
          }

          void cancelAll() {
            for (CancelContext c : live) {
              c.cancel();
            }
          }

          static String orBackground(Context ctx, String url) {
            Context c = ctx != null ? ctx : Context.background();
            return Work.fetch(c, url);
          }
        }
        """;

    // A recursive walk on one group: each goroutine adds for its children while its own count
    // is still held (done() comes later, in finally), so await() cannot return early.
    static final String RECURSIVE_WALK_ON_ONE_GROUP =
        """
        class RecursiveWalkOnOneGroup {
          record Node(String name, List<Node> children) {}

          static void walk(Node node, WaitGroup wg) {
            try {
              Work.process(node.name());
              for (Node child : node.children()) {
                wg.add(1);
                Go.go(() -> walk(child, wg));
              }
            } finally {
              wg.done();
            }
          }

          static void walkAll(Node root) {
            WaitGroup wg = new WaitGroup();
            wg.add(1);
            Go.go(() -> walk(root, wg));
            wg.await();
          }

          static void inline(List<Node> roots) {
            WaitGroup wg = new WaitGroup();
            for (Node root : roots) {
              wg.add(1);
              Go.go(() -> {
                try {
                  for (Node child : root.children()) {
                    wg.add(1);
                    Go.go(() -> {
                      try {
                        Work.process(child.name());
                      } finally {
                        wg.done();
                      }
                    });
                  }
                } finally {
                  wg.done();
                }
              });
            }
            wg.await();
          }
        }
        """;

    // Go's http.Server shutdown: wait for ctx.done(), then drain under a fresh deadline.
    static final String SHUTDOWN_AFTER_DONE =
        """
        class ShutdownAfterDone {
          static void drain(Context ctx) {
            System.out.println("draining");
          }

          static void run(Context ctx) {
            ctx.done().receive();
            try (CancelContext shutdown =
                Context.withTimeout(Context.background(), Duration.ofSeconds(5))) {
              drain(shutdown);
            }
          }
        }
        """;

    // An endless counter that leaves when the consumer closes done, without closing out: the
    // consumer stopped receiving before it closed done.
    static final String COUNTER_LEAVES_ON_DONE_CHANNEL =
        """
        class CounterLeavesOnDoneChannel {
          static RecvChan<Integer> counter(RecvChan<Void> done) {
            Chan<Integer> out = Chan.make();
            Go.go(() -> {
              for (int i = 0; ; i++) {
                int n = i;
                boolean stop = Select.<Boolean>select()
                    .send(out, n, () -> false)
                    .recv(done, d -> true)
                    .run();
                if (stop) {
                  return;
                }
              }
            });
            return out;
          }

          static void firstFive() {
            Chan<Void> done = Chan.make();
            RecvChan<Integer> numbers = counter(done);
            for (int i = 0; i < 5; i++) {
              System.out.println(numbers.receive());
            }
            done.close();
          }
        }
        """;

    // A ticker handed to the goroutine that stops it.
    static final String TICKER_HANDED_TO_ITS_STOPPER =
        """
        class TickerHandedToItsStopper {
          static void heartbeat(Context ctx, Ticker ticker) {
            Go.go(() -> {
              try {
                while (true) {
                  boolean stop = Select.<Boolean>select()
                      .recv(ctx.done(), d -> true)
                      .recv(ticker.c(), t -> false)
                      .run();
                  if (stop) {
                    return;
                  }
                }
              } finally {
                ticker.stop();
              }
            });
          }

          static void start(Context ctx) {
            Ticker t = Time.newTicker(Duration.ofSeconds(1));
            heartbeat(ctx, t);
          }
        }
        """;

    // The sender closes on the error path (and rethrows) or after the last send, never both.
    static final String CLOSE_ON_ERROR_OR_AFTER_LAST_SEND =
        """
        class CloseOnErrorOrAfterLastSend {
          static void produce(List<String> xs, SendChan<String> out) {
            try {
              for (String x : xs) {
                out.send(x);
              }
            } catch (RuntimeException e) {
              out.close();
              throw e;
            }
            out.close();
          }

          static void produceUntil(RecvChan<String> in, SendChan<String> out) {
            for (String x : in) {
              if (x.isEmpty()) {
                out.close();
                return;
              }
              out.send(x);
            }
            out.close();
          }
        }
        """;

    // Workers started as lambdas calling methods whose loops leave on interrupt or ctx.err().
    static final String WORKER_METHODS_THAT_LEAVE =
        """
        class WorkerMethodsThatLeave {
          static void untilInterrupted(RecvChan<String> jobs) {
            while (!Thread.currentThread().isInterrupted()) {
              Work.process(jobs.receive());
            }
          }

          static void untilCancelled(Context ctx) {
            for (;;) {
              if (ctx.err() != null) {
                return;
              }
              Work.compute();
            }
          }

          static void start(Context ctx, RecvChan<String> jobs) {
            Go.go(() -> untilInterrupted(jobs));
            Go.go(() -> untilCancelled(ctx));
          }
        }
        """;

    // Graceful shutdown: on ctx.done(), clean up under a fresh, bounded context.
    static final String GRACEFUL_SHUTDOWN =
        """
        class GracefulShutdown {
          static void shutdown(Context ctx) {
            System.out.println("flushing");
          }

          static void serve(Context ctx, RecvChan<String> requests) {
            try {
              while (true) {
                boolean stop = Select.<Boolean>select()
                    .recv(ctx.done(), d -> true)
                    .recv(requests, r -> {
                      Work.process(r);
                      return false;
                    })
                    .run();
                if (stop) {
                  return;
                }
              }
            } finally {
              try (CancelContext cleanup =
                  Context.withTimeout(Context.background(), Duration.ofSeconds(5))) {
                shutdown(cleanup);
              }
            }
          }

          static void detached(Context ctx) {
            Go.go(() -> shutdown(Context.withoutCancel(ctx)));
          }
        }
        """;
  }

  /** The guides' mistakes: each draws exactly the rules marked on its lines. */
  static final class SeedMistakes {
    // 000/001/004: sleeping instead of waiting for the goroutines.
    static final String SLEEP_TO_WAIT =
        """
        class SleepToWait {
          static void sayHello(String name) {
            System.out.println("Hello, " + name);
          }

          static void main(String[] args) throws InterruptedException {
            for (int i = 0; i < 5; i++) {
              int n = i;
              Go.go(() -> System.out.println("goroutine " + n));
            }
            Thread.sleep(100); // expect: SleepInsteadOfSynchronization
          }

          static void once() throws InterruptedException {
            Go.go(() -> sayHello("Async"));
            TimeUnit.MILLISECONDS.sleep(100); // expect: SleepInsteadOfSynchronization
            System.out.println("Done");
          }
        }
        """;

    // 000: the timeout example waits for its worker with a sleep.
    static final String SLEEP_LONGER_THAN_THE_WORKER =
        """
        class SleepLongerThanTheWorker {
          static void performWork(Context ctx, int id) {
            Select.<Void>select()
                .recv(Time.after(Duration.ofSeconds(2)), t -> null)
                .recv(ctx.done(), d -> null)
                .run();
          }

          static void main(String[] args) throws InterruptedException {
            try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(1))) {
              Go.go(() -> performWork(ctx, 1));
              Thread.sleep(3000); // expect: SleepInsteadOfSynchronization
            }
            System.out.println("Main exiting");
          }
        }
        """;

    // 000: letting workers run with a sleep before cancel() is fine; sleeping afterwards to
    // "wait for workers to finish cleanup" is the mistake.
    static final String SLEEP_AFTER_CANCEL_TO_WAIT_FOR_CLEANUP =
        """
        class SleepAfterCancelToWaitForCleanup {
          static void worker(Context ctx, int id) {
            while (true) {
              boolean stop = Select.<Boolean>select()
                  .recv(ctx.done(), d -> true)
                  .otherwise(() -> {
                    Work.pause(500);
                    return false;
                  })
                  .run();
              if (stop) {
                return;
              }
            }
          }

          static void main(String[] args) throws InterruptedException {
            CancelContext ctx = Context.withCancel(Context.background());
            Go.go(() -> worker(ctx, 1));
            Go.go(() -> worker(ctx, 2));
            Go.go(() -> worker(ctx, 3));
            Thread.sleep(2000);
            System.out.println("Cancelling workers...");
            ctx.cancel();
            Thread.sleep(1000); // expect: SleepInsteadOfSynchronization
            System.out.println("Main exiting");
          }
        }
        """;

    // 000: two senders, but the select receives once: the other sender is left blocked.
    static final String SELECT_ABANDONS_A_SENDER =
        """
        class SelectAbandonsASender {
          static void main(String[] args) {
            Chan<String> ch1 = Chan.make();
            Chan<String> ch2 = Chan.make();
            Go.go(() -> {
              Work.pause(100);
              ch1.send("from ch1"); // expect: GoroutineLeak
            });
            Go.go(() -> {
              Work.pause(50);
              ch2.send("from ch2"); // expect: GoroutineLeak
            });
            String msg = Select.<String>select()
                .recv(ch1, m -> m)
                .recv(ch2, m -> m)
                .recv(Time.after(Duration.ofMillis(200)), t -> "timeout")
                .run();
            System.out.println(msg);
          }
        }
        """;

    // 000: forgetting cancel().
    static final String FORGOTTEN_CANCEL =
        """
        class ForgottenCancel {
          String call(Context parent, String url) {
            CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(5)); // expect: LostCancel
            return Work.fetch(ctx, url);
          }
        }
        """;

    // 000: a goroutine that works forever, never looking at its context.
    static final String WORK_FOREVER_IGNORING_CONTEXT =
        """
        class WorkForeverIgnoringContext {
          static void start(Context ctx) {
            Go.go(() -> {
              while (true) { // expect: GoroutineLeak
                Work.compute();
              }
            });
          }
        }
        """;

    // 000: the same worker as a method, started the way Go writes go worker(ctx).
    static final String WORKER_METHOD_IGNORING_CONTEXT =
        """
        class WorkerMethodIgnoringContext {
          static void worker(Context ctx) {
            while (true) { // expect: GoroutineLeak
              Work.compute();
            }
          }

          static void start(Context ctx) {
            Go.go(() -> worker(ctx));
          }
        }
        """;

    // 000/002/003: the context not first.
    static final String CONTEXT_NOT_FIRST =
        """
        class ContextNotFirst {
          String doWork(String data, Context ctx) { // expect: ContextNotFirstParameter
            return Work.fetch(ctx, data);
          }
        }
        """;

    // 000/001/004: an unbuffered result nobody receives.
    static final String UNBUFFERED_RESULT_NOBODY_RECEIVES =
        """
        class UnbufferedResultNobodyReceives {
          static void leaky() {
            Chan<Integer> results = Chan.make();
            Go.go(() -> {
              results.send(Work.compute()); // expect: GoroutineLeak
            });
          }
        }
        """;

    // 002: a context stored in a struct.
    static final String CONTEXT_IN_STRUCT =
        """
        class ContextInStruct {
          private final Context ctx; // expect: ContextInField

          ContextInStruct(Context ctx) {
            this.ctx = ctx;
          }
        }
        """;

    // 002: wg.Add inside the goroutine.
    static final String ADD_INSIDE_GOROUTINE =
        """
        class AddInsideGoroutine {
          static void processAll(List<String> items) {
            WaitGroup wg = new WaitGroup();
            for (String item : items) {
              Go.go(() -> {
                wg.add(1); // expect: WaitGroupAddInGoroutine
                try {
                  Work.process(item);
                } finally {
                  wg.done();
                }
              });
            }
            wg.await();
          }
        }
        """;

    // 001/002: done() not deferred: an exception before it hangs await().
    static final String DONE_NOT_IN_FINALLY =
        """
        class DoneNotInFinally {
          static void processAll(List<String> items) {
            WaitGroup wg = new WaitGroup();
            for (String item : items) {
              wg.add(1);
              Go.go(() -> {
                Work.process(item);
                wg.done(); // expect: WaitGroupDoneNotInFinally
              });
            }
            wg.await();
          }
        }
        """;

    // 002/004: send on a closed channel.
    static final String SEND_AFTER_CLOSE =
        """
        class SendAfterClose {
          static void produce(SendChan<Integer> out) {
            out.send(1);
            out.close();
            out.send(2); // expect: SendOnClosedChannel
          }
        }
        """;

    // 003/004: the receiver closes the channel it ranges over.
    static final String RECEIVER_CLOSES =
        """
        class ReceiverCloses {
          static void consume(Chan<Integer> in) {
            for (int n : in) {
              System.out.println(n);
            }
            in.close(); // expect: ReceiverSideClose
          }
        }
        """;

    // 004: a fourth send into a channel of three, with no receiver anywhere.
    static final String SEND_INTO_FULL_BUFFER =
        """
        class SendIntoFullBuffer {
          static void main(String[] args) {
            Chan<Integer> ch = Chan.make(3);
            ch.send(1);
            ch.send(2);
            ch.send(3);
            ch.send(4); // expect: GoroutineLeak
            System.out.println(ch.receive());
          }
        }
        """;

    // 004: the goroutine feeding a returned channel leaves on error without send or close.
    static final String FETCH_USER_LEAK =
        """
        class FetchUserLeak {
          static RecvChan<String> fetchUser(String id) {
            Chan<String> ch = Chan.make();
            Go.go(() -> {
              String user = Work.get(id);
              if (user == null) { // expect: UnclosedChannel
                return;
              }
              ch.send(user);
            });
            return ch;
          }
        }
        """;

    // 004: a fan-in with no closer: the range never ends.
    static final String FAN_IN_WITHOUT_CLOSER =
        """
        class FanInWithoutCloser {
          static void collect(List<String> items) {
            Chan<String> results = Chan.make(items.size());
            WaitGroup wg = new WaitGroup();
            for (String item : items) {
              wg.go(() -> results.send(item));
            }
            for (String r : results) { // expect: UnclosedChannel
              Work.process(r);
            }
          }
        }
        """;

    // 002: forcing async on callers is a style choice, not a mistake the rules judge: the
    // channel escapes to the caller, so no rule speaks.
    static final String ASYNC_BY_DEFAULT_IS_NOT_JUDGED =
        """
        class AsyncByDefaultIsNotJudged {
          static RecvChan<String> fetchData() {
            Chan<String> ch = Chan.make();
            Go.go(() -> ch.send(Work.get("data")));
            return ch;
          }
        }
        """;

    // A loop blocking on a channel while a context is in scope, never looking at it.
    static final String LOOP_IGNORING_CONTEXT =
        """
        class LoopIgnoringContext {
          static void worker(Context ctx, RecvChan<String> jobs, SendChan<String> results) {
            while (true) { // expect: IgnoredCancellation
              String job = jobs.receive();
              results.send(job.toUpperCase());
            }
          }
        }
        """;

    // Receiving a fixed count from a generator that leaves on ctx.done() without closing:
    // once the parent is cancelled, the next receive waits forever.
    static final String COUNTED_RECEIVES_FROM_A_CANCELLABLE_GENERATOR =
        """
        class CountedReceivesFromACancellableGenerator {
          static RecvChan<Integer> naturals(Context ctx) {
            Chan<Integer> out = Chan.make();
            Go.go(() -> {
              for (int i = 0; ; i++) {
                int n = i;
                boolean stop = Select.<Boolean>select()
                    .send(out, n, () -> false)
                    .recv(ctx.done(), d -> true)
                    .run();
                if (stop) {
                  return;
                }
              }
            });
            return out;
          }

          static void firstTen(Context parent) {
            try (CancelContext ctx = Context.withCancel(parent)) {
              RecvChan<Integer> numbers = naturals(ctx);
              for (int i = 0; i < 10; i++) { // expect: IgnoredCancellation
                System.out.println(numbers.receive());
              }
            }
          }
        }
        """;

    // The catalog's classic: an unbuffered result, the parent gives up on a timeout.
    static final String RESULT_ABANDONED_ON_TIMEOUT =
        """
        class ResultAbandonedOnTimeout {
          static Integer withTimeout() {
            Chan<Integer> result = Chan.make();
            Go.go(() -> result.send(Work.compute())); // expect: GoroutineLeak
            return Select.<Integer>select()
                .recv(result, v -> v)
                .recv(Time.after(Duration.ofSeconds(1)), t -> -1)
                .run();
          }
        }
        """;

    // The producer forgets close(): the range never ends.
    static final String PRODUCER_FORGETS_CLOSE =
        """
        class ProducerForgetsClose {
          static void main(String[] args) {
            Chan<Integer> ch = Chan.make();
            Go.go(() -> {
              for (int i = 0; i < 10; i++) {
                ch.send(i);
              }
            });
            for (int v : ch) { // expect: UnclosedChannel
              System.out.println(v);
            }
          }
        }
        """;

    // A consumer goroutine ranges over its input and then closes it.
    static final String CONSUMER_GOROUTINE_CLOSES_ITS_INPUT =
        """
        class ConsumerGoroutineClosesItsInput {
          static void start(Chan<String> jobs) {
            Go.go(() -> {
              for (String job : jobs) {
                Work.process(job);
              }
              jobs.close(); // expect: ReceiverSideClose
            });
          }
        }
        """;

    // Closing twice panics in Go and throws here.
    static final String SECOND_CLOSE =
        """
        class SecondClose {
          static void finish(Chan<String> out, boolean failed) {
            if (failed) {
              out.close();
            }
            out.close(); // expect: SendOnClosedChannel
          }
        }
        """;

    // A cancel context passed straight into a call: nobody can cancel it.
    static final String CANCEL_CONTEXT_PASSED_STRAIGHT_ON =
        """
        class CancelContextPassedStraightOn {
          static String call(Context parent, String url) {
            return Work.fetch(Context.withTimeout(parent, Duration.ofSeconds(5)), url); // expect: LostCancel
          }
        }
        """;

    // A CancelFunc kept in a field that no method ever calls.
    static final String CANCEL_FUNC_FIELD_NEVER_CALLED =
        """
        class CancelFuncFieldNeverCalled {
          private final CancelFunc stop; // expect: LostCancel

          CancelFuncFieldNeverCalled(Context parent) {
            CancelContext ctx = Context.withCancel(parent);
            this.stop = ctx.cancelFunc();
            Go.go(() -> Work.fetch(ctx, "poll"));
          }
        }
        """;

    // A goroutine started from a request that detaches from the request's context.
    static final String GOROUTINE_DETACHES_FROM_THE_REQUEST =
        """
        class GoroutineDetachesFromTheRequest {
          static void handle(Context ctx, String url) {
            WaitGroup wg = new WaitGroup();
            wg.go(() -> Work.fetch(Context.background(), url)); // expect: BackgroundContextInsteadOfParameter
            wg.await();
          }
        }
        """;

    // The early return leaves the ticker running.
    static final String TICKER_LEFT_ON_EARLY_RETURN =
        """
        class TickerLeftOnEarlyReturn {
          static void beat(int times, boolean quiet) {
            Ticker ticker = Time.newTicker(Duration.ofSeconds(1)); // expect: TickerNotStopped
            if (quiet) {
              return;
            }
            for (int i = 0; i < times; i++) {
              ticker.c().receive();
            }
            ticker.stop();
          }
        }
        """;

    // The parent leaves on ctx.done() before receiving the unbuffered result.
    static final String RESULT_ABANDONED_ON_CANCELLATION =
        """
        class ResultAbandonedOnCancellation {
          static Integer call(Context ctx) {
            Chan<Integer> result = Chan.make();
            Go.go(() -> result.send(Work.compute())); // expect: GoroutineLeak
            return Select.<Integer>select()
                .recv(result, v -> v)
                .recv(ctx.done(), d -> -1)
                .run();
          }
        }
        """;

    // The goroutine feeding a returned channel throws without closing it.
    static final String FEEDER_THROWS_WITHOUT_CLOSE =
        """
        class FeederThrowsWithoutClose {
          static RecvChan<String> lines(List<String> input) {
            Chan<String> out = Chan.make();
            Go.go(() -> {
              for (String line : input) {
                if (line.isEmpty()) {
                  throw new IllegalStateException("empty line"); // expect: UnclosedChannel
                }
                out.send(line);
              }
              out.close();
            });
            return out;
          }
        }
        """;

    // A select send and a trySend after close().
    static final String SEND_CASES_AFTER_CLOSE =
        """
        class SendCasesAfterClose {
          static void finish(Chan<String> out) {
            out.close();
            boolean sent = out.trySend("late"); // expect: SendOnClosedChannel
          }

          static void finishSelect(Chan<String> out) {
            out.close();
            Select.<Void>select()
                .send(out, "late", () -> null) // expect: SendOnClosedChannel
                .otherwise(() -> null)
                .run();
          }
        }
        """;

    // An early return skips the cancel().
    static final String EARLY_RETURN_SKIPS_CANCEL =
        """
        class EarlyReturnSkipsCancel {
          static String call(Context parent, String url) {
            CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(5)); // expect: LostCancel
            if (url.isEmpty()) {
              return null;
            }
            String body = Work.fetch(ctx, url);
            ctx.cancel();
            return body;
          }
        }
        """;

    // Polling with a sleep, or waiting on groups in a loop, while the context is ignored.
    static final String POLLING_IGNORES_CONTEXT =
        """
        class PollingIgnoresContext {
          static void poll(Context ctx, List<String> urls) throws InterruptedException {
            while (true) { // expect: IgnoredCancellation
              Work.process(urls);
              Thread.sleep(1000);
            }
          }

          static void batches(Context ctx, List<List<String>> batches) {
            for (List<String> batch : batches) { // expect: IgnoredCancellation
              WaitGroup wg = new WaitGroup();
              for (String item : batch) {
                wg.go(() -> Work.process(item));
              }
              wg.await();
            }
          }
        }
        """;

    // todo() where the caller's context is in scope; a static context field.
    static final String TODO_AND_STATIC_FIELD =
        """
        class TodoAndStaticField {
          static final Context ROOT = Context.background(); // expect: ContextInField

          static String handle(Context ctx, String url) {
            return Work.fetch(Context.todo(), url); // expect: BackgroundContextInsteadOfParameter
          }
        }
        """;

    // A timer neither received from nor stopped.
    static final String TIMER_NEITHER_FIRED_NOR_STOPPED =
        """
        class TimerNeitherFiredNorStopped {
          static void arm(Duration d, boolean skip) {
            Timer t = Time.newTimer(d); // expect: TickerNotStopped
            if (skip) {
              return;
            }
            t.c().receive();
          }
        }
        """;

    // A fresh background context where the caller's is in scope.
    static final String BACKGROUND_INSTEAD_OF_PARAMETER =
        """
        class BackgroundInsteadOfParameter {
          String handle(Context ctx, String url) {
            return Work.fetch(Context.background(), url); // expect: BackgroundContextInsteadOfParameter
          }
        }
        """;

    // A ticker never stopped, in a loop that also ignores the context in scope.
    static final String TICKER_NOT_STOPPED =
        """
        class TickerNotStoppedMistake {
          static void poll(Context ctx, int times) {
            Ticker ticker = Time.newTicker(Duration.ofSeconds(1)); // expect: TickerNotStopped
            for (int i = 0; i < times; i++) { // expect: IgnoredCancellation
              ticker.c().receive();
              Work.process(i);
            }
          }
        }
        """;
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String className, String text) {
      super(URI.create("string:///" + className + ".java"), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return new String(text.getBytes(UTF_8), UTF_8);
    }
  }
}
