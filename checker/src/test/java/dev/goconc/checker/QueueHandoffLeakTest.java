package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class QueueHandoffLeakTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(QueueHandoffLeak.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(QueueHandoffLeak.class, getClass());

  @Test
  void quietOnHandoffsThatEnd() {
    helper
        .addSourceLines(
            "Handoffs.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Optional;
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.TimeUnit;

            class Handoffs {
              static final String POISON = "";

              static String fetch(String url) {
                return url;
              }

              // One put per producer, one take per producer.
              int takesEveryPut(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                for (String url : urls) {
                  pool.submit(() -> {
                    q.put(fetch(url));
                    return null;
                  });
                }
                int total = 0;
                for (int i = 0; i < urls.size(); i++) {
                  total += q.take().length();
                }
                return total;
              }

              // An unbounded queue never blocks a put.
              String unbounded(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                for (String url : urls) {
                  pool.submit(() -> {
                    q.put(fetch(url));
                    return null;
                  });
                }
                return q.take();
              }

              // A poison pill ends the consumer loop after the last put.
              List<String> poisonPill(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(4);
                pool.submit(() -> {
                  for (String url : urls) {
                    q.put(fetch(url));
                  }
                  q.put(POISON);
                  return null;
                });
                List<String> out = new ArrayList<>();
                while (true) {
                  String s = q.take();
                  if (s == POISON) {
                    break;
                  }
                  out.add(s);
                }
                return out;
              }

              // The consumer leaves early but interrupts the producers first.
              String stopsProducers(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(2);
                pool.submit(() -> {
                  for (String url : urls) {
                    q.put(fetch(url));
                  }
                  return null;
                });
                while (true) {
                  String s = q.take();
                  if (s.startsWith("error")) {
                    pool.shutdownNow();
                    return s;
                  }
                }
              }

              // The bound holds every put.
              String roomForAll(ExecutorService pool) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(3);
                pool.submit(() -> { q.put("a"); return null; });
                pool.submit(() -> { q.put("b"); return null; });
                pool.submit(() -> { q.put("c"); return null; });
                return q.take();
              }

              // Handed to another owner.
              void handedOver(ExecutorService pool) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                pool.execute(new Producer(q));
                q.take();
              }

              // offer with a timeout gives up: it never waits for ever.
              String offers(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                for (String url : urls) {
                  pool.submit(() -> q.offer(fetch(url), 1, TimeUnit.SECONDS));
                }
                return q.take();
              }

              // drainTo is another way to take: not counted, quiet.
              List<String> drains(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                pool.submit(() -> {
                  for (String url : urls) {
                    q.put(url);
                  }
                  return null;
                });
                List<String> out = new ArrayList<>();
                q.drainTo(out);
                return out;
              }

              // Returned: the caller takes.
              BlockingQueue<String> returned(ExecutorService pool, List<String> urls) {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                pool.submit(() -> {
                  for (String url : urls) {
                    q.put(url);
                  }
                  return null;
                });
                return q;
              }

              // A consumer task takes too.
              void consumerTask(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                pool.submit(() -> {
                  for (String url : urls) {
                    q.put(url);
                  }
                  return null;
                });
                pool.submit(() -> {
                  while (true) {
                    System.out.println(q.take());
                  }
                });
              }

              // The producer's last put, in finally, is the end marker the loop waits for.
              int finallyMarker(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<Optional<String>> q = new ArrayBlockingQueue<>(2);
                pool.submit(() -> {
                  try {
                    for (String url : urls) {
                      q.put(Optional.of(url));
                    }
                  } finally {
                    q.put(Optional.empty());
                  }
                  return null;
                });
                int n = 0;
                while (true) {
                  Optional<String> next = q.take();
                  if (next.isEmpty()) {
                    return n;
                  }
                  n++;
                }
              }

              // A timed poll in a loop is taken to take everything.
              int pollsInALoop(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                pool.submit(() -> {
                  for (String url : urls) {
                    q.put(url);
                  }
                  return null;
                });
                int n = 0;
                while (q.poll(1, TimeUnit.SECONDS) != null) {
                  n++;
                }
                return n;
              }

              // The early return passes a finally that interrupts the producers.
              String stopsInFinally(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(2);
                try {
                  pool.submit(() -> {
                    for (String url : urls) {
                      q.put(url);
                    }
                    return null;
                  });
                  while (true) {
                    String s = q.take();
                    if (s.isEmpty()) {
                      return s;
                    }
                  }
                } finally {
                  pool.shutdownNow();
                }
              }

              // Two puts, room for two: leaving after the first take strands nobody.
              String roomAfterLeavingEarly(ExecutorService pool) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(2);
                pool.submit(() -> {
                  q.put(fetch("a"));
                  q.put(fetch("b"));
                  return null;
                });
                for (int i = 0; i < 2; i++) {
                  String s = q.take();
                  if (s.isEmpty()) {
                    return s;
                  }
                }
                return "both";
              }

              static final class Producer implements Runnable {
                private final BlockingQueue<String> q;

                Producer(BlockingQueue<String> q) {
                  this.q = q;
                }

                @Override
                public void run() {
                  try {
                    q.put("x");
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsProducersLeftBlocked() {
    helper
        .addSourceLines(
            "Leaks.java",
            """
            import java.util.List;
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.SynchronousQueue;
            import java.util.concurrent.TimeUnit;

            class Leaks {
              static String fetch(String url) {
                return url;
              }

              // The first failure returns; the producer still has urls to put.
              String earlyReturn(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(2);
                pool.submit(() -> {
                  for (String url : urls) {
                    // BUG: Diagnostic contains: from inside the loop that takes from 'q'
                    q.put(fetch(url));
                  }
                  return null;
                });
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < urls.size(); i++) {
                  String page = q.take();
                  if (page.isEmpty()) {
                    return null;
                  }
                  all.append(page);
                }
                return all.toString();
              }

              // A throw from inside the loop.
              int throwsOut(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new LinkedBlockingQueue<>(4);
                pool.submit(() -> {
                  for (String url : urls) {
                    // BUG: Diagnostic contains: producer task putting on 'q'
                    q.put(url);
                  }
                  return null;
                });
                int n = 0;
                for (int i = 0; i < urls.size(); i++) {
                  if (q.take().contains("bad")) {
                    throw new IllegalStateException("bad page");
                  }
                  n++;
                }
                return n;
              }

              // break, then return without taking the rest.
              int breaksOut(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                pool.submit(() -> {
                  for (String url : urls) {
                    // BUG: Diagnostic contains: blocks for ever
                    q.put(url);
                  }
                  return null;
                });
                int n = 0;
                for (int i = 0; i < urls.size(); i++) {
                  String s = q.take();
                  if (s.equals("stop")) {
                    break;
                  }
                  n++;
                }
                return n;
              }

              // Three producers, one slot, one take.
              String counted(ExecutorService pool) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                // BUG: Diagnostic contains: holds 1 of 3 puts
                pool.submit(() -> { q.put(fetch("a")); return null; });
                pool.submit(() -> { q.put(fetch("b")); return null; });
                pool.submit(() -> { q.put(fetch("c")); return null; });
                return q.take();
              }

              // First answer wins: the other producers block.
              String firstWins(ExecutorService pool, List<String> mirrors) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                for (String mirror : mirrors) {
                  pool.submit(() -> {
                    // BUG: Diagnostic contains: unboundedly many puts
                    q.put(fetch(mirror));
                    return null;
                  });
                }
                return q.take();
              }

              // A SynchronousQueue holds none, and one path does not take.
              String synchronous(ExecutorService pool, boolean skip) throws Exception {
                BlockingQueue<String> q = new SynchronousQueue<>();
                pool.submit(() -> {
                  // BUG: Diagnostic contains: without taking
                  q.put(fetch("only"));
                  return null;
                });
                if (skip) {
                  return "skipped";
                }
                return q.take();
              }

              // An anonymous Callable producer.
              String anonymous(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                pool.submit(new Callable<Void>() {
                  @Override
                  public Void call() throws Exception {
                    for (String url : urls) {
                      // BUG: Diagnostic contains: putting on 'q'
                      q.put(url);
                    }
                    return null;
                  }
                });
                return q.take();
              }

              // A virtual thread producer.
              String virtualThread(List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                Thread.startVirtualThread(() -> {
                  try {
                    for (String url : urls) {
                      // BUG: Diagnostic contains: putting on 'q'
                      q.put(url);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                return q.take();
              }

              // A task local producer; the consumer polls once.
              String taskLocal(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(2);
                Runnable producer = () -> {
                  try {
                    for (String url : urls) {
                      // BUG: Diagnostic contains: putting on 'q'
                      q.put(url);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                };
                pool.execute(producer);
                return q.poll(1, TimeUnit.SECONDS);
              }

              // A while (true) consumer that returns on an error value.
              int whileTrue(ExecutorService pool, List<String> urls) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(8);
                pool.submit(() -> {
                  for (String url : urls) {
                    // BUG: Diagnostic contains: from inside the loop
                    q.put(url);
                  }
                  return null;
                });
                int n = 0;
                while (true) {
                  String s = q.take();
                  if (s.startsWith("error")) {
                    return -n;
                  }
                  n++;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnConsumersThatEnd() {
    helper
        .addSourceLines(
            "Consumers.java",
            """
            import java.util.List;
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.Future;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.TimeUnit;

            class Consumers {
              static final String POISON = "";
              private volatile boolean running = true;

              // A poison pill ends the consumer.
              void poisonPill(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread.startVirtualThread(() -> {
                  try {
                    while (true) {
                      String line = q.take();
                      if (line == POISON) {
                        return;
                      }
                      System.out.println(line);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
                q.put(POISON);
              }

              // A timed poll gives up.
              void timedPoll(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread.startVirtualThread(() -> {
                  try {
                    while (true) {
                      String line = q.poll(1, TimeUnit.SECONDS);
                      if (line != null) {
                        System.out.println(line);
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
              }

              // The Future is kept and cancelled.
              void cancelled(ExecutorService pool, List<String> lines) throws Exception {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Future<?> consumer = pool.submit(() -> {
                  while (true) {
                    System.out.println(q.take());
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
                consumer.cancel(true);
              }

              // A pool from elsewhere: its owner stops it with shutdownNow().
              void serviceWorker(ExecutorService pool, List<String> lines) throws Exception {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                pool.execute(() -> {
                  try {
                    while (true) {
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
              }

              // The method's own pool, stopped with shutdownNow().
              void shutdownNow(List<String> lines) throws Exception {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                ExecutorService pool = Executors.newSingleThreadExecutor();
                pool.execute(() -> {
                  try {
                    while (true) {
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
                pool.shutdownNow();
              }

              // A producer that never ends: a pipeline by design.
              void endlessProducer() {
                BlockingQueue<Long> q = new ArrayBlockingQueue<>(16);
                Thread.startVirtualThread(() -> {
                  try {
                    while (true) {
                      q.put(System.nanoTime());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                Thread.startVirtualThread(() -> {
                  try {
                    while (true) {
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
              }

              // A running flag the owner clears.
              void runningFlag(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread.startVirtualThread(() -> {
                  try {
                    while (running) {
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
              }

              // The thread is kept: its owner can interrupt it.
              Thread keptThread(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread consumer = Thread.ofVirtual().start(() -> {
                  try {
                    while (true) {
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
                return consumer;
              }

              // The queue is handed over: whoever gets it may stop the consumer.
              void handedOver(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread.startVirtualThread(() -> {
                  try {
                    while (true) {
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                register(q);
              }

              static void register(BlockingQueue<String> q) {}

              // main: the process ends with it.
              public static void main(String[] args) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread.startVirtualThread(() -> {
                  try {
                    while (true) {
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String arg : args) {
                  q.put(arg);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsConsumersThatNeverEnd() {
    helper
        .addSourceLines(
            "Forever.java",
            """
            import java.util.List;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.LinkedBlockingQueue;

            class Forever {
              // A virtual thread whose loop has no way out.
              void virtualThread(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread.startVirtualThread(() -> {
                  try {
                    while (true) {
                      // BUG: Diagnostic contains: consumer task taking from 'q'
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
              }

              // The method's pool, shut down with shutdown(): its worker waits for ever.
              void ownPool(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                ExecutorService pool = Executors.newSingleThreadExecutor();
                pool.submit(() -> {
                  for (;;) {
                    // BUG: Diagnostic contains: never ends
                    System.out.println(q.take());
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
                pool.shutdown();
              }

              // A producer task that ends, and an anonymous consumer.
              void producerTask(List<String> lines) {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                ExecutorService pool = Executors.newFixedThreadPool(2);
                pool.submit(() -> {
                  for (String line : lines) {
                    q.put(line);
                  }
                  return null;
                });
                pool.execute(new Runnable() {
                  @Override
                  public void run() {
                    while (true) {
                      try {
                        // BUG: Diagnostic contains: nothing can interrupt it
                        System.out.println(q.take());
                      } catch (InterruptedException e) {
                        System.err.println("interrupted");
                      }
                    }
                  }
                });
                pool.shutdown();
              }

              // A builder's start, the Thread dropped.
              void builder(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Thread.ofPlatform().start(() -> {
                  try {
                    do {
                      // BUG: Diagnostic contains: waits in take() for ever
                      System.out.println(q.take());
                    } while (true);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                for (String line : lines) {
                  q.put(line);
                }
              }

              // A task local on a pool the method closes: close() waits for it for ever.
              void closes(List<String> lines) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                Runnable printer = () -> {
                  try {
                    while (true) {
                      // BUG: Diagnostic contains: consumer task
                      System.out.println(q.take());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                };
                try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
                  pool.execute(printer);
                  for (String line : lines) {
                    q.put(line);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnTimedPollsThatCannotStrandTheProducer() {
    helper
        .addSourceLines(
            "Deadlines.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Future;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.SynchronousQueue;
            import java.util.concurrent.TimeUnit;

            class Deadlines {
              static String slow() {
                return "v";
              }

              // The producer offers: it never waits for a taker.
              String offers(ExecutorService pool) throws InterruptedException {
                SynchronousQueue<String> q = new SynchronousQueue<>();
                pool.execute(() -> q.offer(slow()));
                return q.poll(1, TimeUnit.SECONDS);
              }

              // On a timeout the method falls back to waiting for the value.
              String fallsBackToTake(ExecutorService pool) throws InterruptedException {
                BlockingQueue<String> q = new SynchronousQueue<>();
                pool.execute(() -> {
                  try {
                    q.put(slow());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                String v = q.poll(100, TimeUnit.MILLISECONDS);
                if (v == null) {
                  System.err.println("slow answer");
                  v = q.take();
                }
                return v;
              }

              // On a timeout the method cancels the producer, which leaves its put.
              String cancelsOnTimeout(ExecutorService pool) throws Exception {
                SynchronousQueue<String> q = new SynchronousQueue<>();
                Future<?> producer = pool.submit(() -> {
                  q.put(slow());
                  return null;
                });
                String v = q.poll(1, TimeUnit.SECONDS);
                if (v == null) {
                  producer.cancel(true);
                }
                return v;
              }

              // Polled in a loop until the value comes.
              String pollsUntilItComes() throws InterruptedException {
                SynchronousQueue<String> q = new SynchronousQueue<>();
                Thread.startVirtualThread(() -> {
                  try {
                    q.put(slow());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                String v;
                while ((v = q.poll(1, TimeUnit.SECONDS)) == null) {
                  System.err.println("still waiting");
                }
                return v;
              }

              // The queue has room for the one put: the producer never waits.
              String roomForThePut() throws InterruptedException {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                CompletableFuture.runAsync(() -> {
                  try {
                    q.put(slow());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                return q.poll(1, TimeUnit.SECONDS);
              }

              // An unbounded queue: the put never waits.
              String unbounded(ExecutorService pool) throws InterruptedException {
                BlockingQueue<String> q = new LinkedBlockingQueue<>();
                pool.execute(() -> {
                  try {
                    q.put(slow());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                return q.poll(1, TimeUnit.SECONDS);
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsAProducerStrandedByATimedPoll() {
    helper
        .addSourceLines(
            "Stranded.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.SynchronousQueue;
            import java.util.concurrent.TimeUnit;

            class Stranded {
              static double price(String symbol) {
                return 1.0;
              }

              private final ExecutorService pool;

              Stranded(ExecutorService pool) {
                this.pool = pool;
              }

              // A pool task hands its answer over; the caller gives up after 200 ms.
              double quote(String symbol) throws InterruptedException {
                SynchronousQueue<Double> answer = new SynchronousQueue<>();
                pool.execute(() -> {
                  double p = price(symbol);
                  try {
                    // BUG: Diagnostic contains: producer task putting on 'answer'
                    answer.put(p);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                Double p = answer.poll(200, TimeUnit.MILLISECONDS);
                return p != null ? p : Double.NaN;
              }

              // A thread of its own, an anonymous task, two puts for a queue of one.
              String twoParts() throws InterruptedException {
                BlockingQueue<String> parts = new ArrayBlockingQueue<>(1);
                new Thread(new Runnable() {
                  @Override
                  public void run() {
                    try {
                      // BUG: Diagnostic contains: producer task putting on 'parts'
                      parts.put("head");
                      parts.put("tail");
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                }).start();
                return parts.poll(5, TimeUnit.SECONDS);
              }

              // A virtual thread, the poll's result returned as is.
              String virtual() throws InterruptedException {
                BlockingQueue<String> q = new SynchronousQueue<>();
                Thread.ofVirtual().start(() -> {
                  try {
                    // BUG: Diagnostic contains: putting on 'q'
                    q.put(String.valueOf(price("x")));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
                return q.poll(1, TimeUnit.SECONDS);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixGivesTheQueueRoomForEveryPut() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Fix {
              String first(ExecutorService pool) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                pool.submit(() -> { q.put("a"); return null; });
                pool.submit(() -> { q.put("b"); return null; });
                pool.submit(() -> { q.put("c"); return null; });
                return q.take();
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class Fix {
              String first(ExecutorService pool) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(3);
                pool.submit(() -> { q.put("a"); return null; });
                pool.submit(() -> { q.put("b"); return null; });
                pool.submit(() -> { q.put("c"); return null; });
                return q.take();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhenThePutsAreNotCounted() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import java.util.List;
            import java.util.concurrent.ArrayBlockingQueue;
            import java.util.concurrent.BlockingQueue;
            import java.util.concurrent.ExecutorService;

            class NoFix {
              String first(ExecutorService pool, List<String> mirrors) throws Exception {
                BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
                for (String mirror : mirrors) {
                  pool.submit(() -> { q.put(mirror); return null; });
                }
                return q.take();
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
