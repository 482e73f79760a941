package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class FutureNotCompletedOnAllPathsTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(FutureNotCompletedOnAllPaths.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(FutureNotCompletedOnAllPaths.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import java.util.List;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.TimeUnit;
            import java.util.function.Supplier;

            class Idioms {
              Executor executor;
              ExecutorService pool;
              CompletableFuture<String> pending;

              static String compute() {
                return "v";
              }

              // 1. The task completes exceptionally in a catch (Throwable).
              CompletableFuture<String> catchThrowable() {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  try {
                    f.complete(compute());
                  } catch (Throwable t) {
                    f.completeExceptionally(t);
                  }
                });
                return f;
              }

              // 2. A catch (Exception) that completes exceptionally: an Error is not judged.
              CompletableFuture<String> catchException() {
                CompletableFuture<String> f = new CompletableFuture<>();
                pool.submit(() -> {
                  try {
                    String v = compute();
                    f.complete(v);
                  } catch (Exception e) {
                    f.completeExceptionally(e);
                  }
                });
                return f;
              }

              // 3. Completed in a finally.
              CompletableFuture<String> inFinally() {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  String v = null;
                  try {
                    v = compute();
                  } finally {
                    f.complete(v);
                  }
                });
                return f;
              }

              // 4. supplyAsync completes its own future.
              CompletableFuture<String> supplyAsync() {
                return CompletableFuture.supplyAsync(Idioms::compute, executor);
              }

              // 5. Handed over: stored in a field.
              CompletableFuture<String> stored() {
                CompletableFuture<String> f = new CompletableFuture<>();
                pending = f;
                return f;
              }

              // 6. Handed over: passed where a CompletableFuture is expected.
              CompletableFuture<String> passed() {
                CompletableFuture<String> f = new CompletableFuture<>();
                register(f);
                return f;
              }

              static void register(CompletableFuture<String> completer) {}

              // 7. Nobody waits on it.
              void unused() {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> f.complete(compute()));
              }

              // 8. whenComplete completes it on both outcomes.
              CompletableFuture<String> relay(CompletableFuture<String> source) {
                CompletableFuture<String> f = new CompletableFuture<>();
                source.whenComplete((v, e) -> {
                  if (e != null) {
                    f.completeExceptionally(e);
                  } else {
                    f.complete(v);
                  }
                });
                return f;
              }

              // 9. Completed in place, on every path of the method.
              CompletableFuture<String> inPlace(boolean ok) {
                CompletableFuture<String> f = new CompletableFuture<>();
                try {
                  f.complete(compute());
                } catch (RuntimeException e) {
                  f.completeExceptionally(e);
                }
                return f;
              }

              // 10. orTimeout completes it by itself.
              CompletableFuture<String> withTimeout() {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> f.complete(compute()));
                return f.orTimeout(1, TimeUnit.SECONDS);
              }

              // 11. Completed at two places: a task and a failure callback.
              CompletableFuture<String> twoPlaces(CompletableFuture<String> source) {
                CompletableFuture<String> f = new CompletableFuture<>();
                source.thenAccept(f::complete);
                source.exceptionally(e -> {
                  f.completeExceptionally(e);
                  return null;
                });
                return f;
              }

              // 12. Added to a list: handed over.
              CompletableFuture<String> listed(List<CompletableFuture<String>> all) {
                CompletableFuture<String> f = new CompletableFuture<>();
                all.add(f);
                return f;
              }

              // 13. An anonymous task that completes exceptionally.
              CompletableFuture<String> anonymous() {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(new Runnable() {
                  @Override
                  public void run() {
                    try {
                      f.complete(compute());
                    } catch (Throwable t) {
                      f.completeExceptionally(t);
                    }
                  }
                });
                return f;
              }

              // 14. A task that only completes: nothing before it can throw.
              CompletableFuture<String> onlyCompletes(String v) {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> f.complete(v));
                return f;
              }

              // 15. A success callback after exceptionally: runs on both outcomes.
              CompletableFuture<String> recovered(CompletableFuture<String> source) {
                CompletableFuture<String> f = new CompletableFuture<>();
                source.exceptionally(e -> "fallback").thenAccept(f::complete);
                return f;
              }

              // 17. The only wait is timed: it gives up by itself.
              boolean timedWaitOnly() throws Exception {
                CompletableFuture<Boolean> done = new CompletableFuture<>();
                executor.execute(() -> done.complete(compute().isEmpty()));
                try {
                  return done.get(17, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                  return false;
                }
              }

              // 18. The catch logs before it completes exceptionally; isDone() is no failure.
              CompletableFuture<String> logsFirst() {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  if (f.isDone()) {
                    return;
                  }
                  try {
                    f.complete(compute());
                  } catch (RuntimeException e) {
                    System.err.println("failed: " + e.getMessage());
                    f.completeExceptionally(e);
                  }
                });
                return f;
              }

              // 16. completeAsync: completes with the supplier's result or its failure.
              CompletableFuture<String> completeAsync(Supplier<String> s) {
                CompletableFuture<String> f = new CompletableFuture<>();
                f.completeAsync(s, executor);
                return f;
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsFuturesLeftUncompleted() {
    helper
        .addSourceLines(
            "Bugs.java",
            """
            import java.io.IOException;
            import java.util.concurrent.Callable;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;
            import java.util.concurrent.ExecutorService;

            class Bugs {
              Executor executor;
              ExecutorService pool;

              static String compute() {
                return "v";
              }

              static String read() throws IOException {
                return "r";
              }

              // 1. The typical bug: compute() throws, f never completes.
              CompletableFuture<String> typical() {
                // BUG: Diagnostic contains: the task on line 23 can end without completing 'f'
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  String v = compute();
                  f.complete(v);
                });
                return f;
              }

              // 2. A catch that logs and does not complete.
              CompletableFuture<String> catchLogs() {
                // BUG: Diagnostic contains: every caller waiting on the returned future waits forever
                CompletableFuture<String> f = new CompletableFuture<>();
                pool.submit(() -> {
                  try {
                    f.complete(read());
                  } catch (IOException e) {
                    System.err.println(e);
                  }
                });
                return f;
              }

              // 3. An early return in the method before the launch.
              CompletableFuture<String> earlyReturn(boolean skip) {
                // BUG: Diagnostic contains: the return at line 49 may be reached without completing 'f'
                CompletableFuture<String> f = new CompletableFuture<>();
                if (skip) {
                  return f;
                }
                executor.execute(() -> {
                  try {
                    f.complete(compute());
                  } catch (Throwable t) {
                    f.completeExceptionally(t);
                  }
                });
                return f;
              }

              // 4. A catch in the method's own code that swallows.
              String ownCatch() throws Exception {
                // BUG: Diagnostic contains: the join() on line 70 waits forever
                CompletableFuture<String> f = new CompletableFuture<>();
                try {
                  f.complete(read());
                } catch (IOException e) {
                  System.err.println("failed");
                }
                return f.join();
              }

              // 5. A task with an early return.
              CompletableFuture<String> taskEarlyReturn(String key) {
                // BUG: Diagnostic contains: the task on line 77 can end without completing 'f'
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  if (key.isEmpty()) {
                    return;
                  }
                  f.complete(key);
                });
                return f;
              }

              // 6. Completed only when the source succeeds.
              CompletableFuture<String> successOnly(CompletableFuture<String> source) {
                // BUG: Diagnostic contains: is completed only in the thenAccept(...) callback
                CompletableFuture<String> f = new CompletableFuture<>();
                source.thenAccept(f::complete);
                return f;
              }

              // 7. whenComplete that completes only on success.
              CompletableFuture<String> whenCompleteSuccess(CompletableFuture<String> source) {
                // BUG: Diagnostic contains: the whenComplete callback on line 98 can end without completing 'f'
                CompletableFuture<String> f = new CompletableFuture<>();
                source.whenComplete((v, e) -> {
                  if (e == null) {
                    f.complete(v);
                  }
                });
                return f;
              }

              // 8. An anonymous Runnable task.
              CompletableFuture<String> anonymous() {
                // BUG: Diagnostic contains: the task on line 110 can end without completing 'f'
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(new Runnable() {
                  @Override
                  public void run() {
                    f.complete(compute());
                  }
                });
                return f;
              }

              // 9. A task held in a local, then launched; chained by the caller.
              CompletableFuture<Integer> chained() {
                // BUG: Diagnostic contains: the stage chained on line 128 never runs
                CompletableFuture<String> f = new CompletableFuture<>();
                Runnable task = () -> {
                  String v = compute();
                  f.complete(v);
                };
                executor.execute(task);
                return f.thenApply(String::length);
              }

              // 10. A virtual thread, assigned to a declared local; get() in the method.
              String virtualThread() throws Exception {
                CompletableFuture<String> f;
                // BUG: Diagnostic contains: the get() on line 137 waits forever
                f = new CompletableFuture<>();
                Thread.startVirtualThread(() -> f.complete(compute().trim()));
                return f.get();
              }

              // 11. Inside a lambda that owns it: a missed path in its own code.
              Callable<CompletableFuture<String>> inLambda(boolean ready) {
                return () -> {
                  // BUG: Diagnostic contains: the return
                  CompletableFuture<String> f = new CompletableFuture<>();
                  if (ready) {
                    f.complete("ready");
                  }
                  return f;
                };
              }

              // 12. A runAsync task that throws explicitly.
              CompletableFuture<String> explicitThrow(String input) {
                // BUG: Diagnostic contains: the throw
                CompletableFuture<String> f = new CompletableFuture<>();
                CompletableFuture.runAsync(() -> {
                  if (input == null) {
                    throw new IllegalArgumentException("no input");
                  }
                  f.complete(input);
                });
                return f;
              }
            }
            """)
        .doTest();
  }

  @Test
  void judgesEveryKindOfBodyAlike() {
    helper
        .addSourceLines(
            "S.java",
            """
            import java.util.concurrent.*;

            class S {
              static Executor executor;
              static String compute() { return "v"; }
              static CompletableFuture<String> kept;

              // anonymous task in a local
              CompletableFuture<String> anonLocal() {
                // BUG: Diagnostic contains: the task on line
                var f = new CompletableFuture<String>();
                Runnable task = new Runnable() {
                  public void run() { f.complete(compute()); }
                };
                executor.execute(task);
                return f;
              }

              // constructor owner
              S() {
                // BUG: Diagnostic contains: the join() on line
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> f.complete(compute()));
                System.out.println(f.join());
              }

              // static initializer
              static {
                // BUG: Diagnostic contains: can end without completing
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> f.complete(compute()));
                kept = f.thenApply(String::trim);
              }

              // switch arm, returned
              CompletableFuture<String> inSwitch(int k) {
                switch (k) {
                  case 0 -> {
                    // BUG: Diagnostic contains: the task on line
                    CompletableFuture<String> f = new CompletableFuture<>();
                    executor.execute(() -> { f.complete(compute()); });
                    return f;
                  }
                  default -> { return null; }
                }
              }

              // wrapped in catch
              CompletableFuture<String> inCatch() {
                try { throw new IllegalStateException(); } catch (IllegalStateException c) {
                  // BUG: Diagnostic contains: the task on line
                  CompletableFuture<String> f = new CompletableFuture<>();
                  executor.execute(() -> { String v = compute(); f.complete(v); });
                  return f;
                }
              }

              // a catch that does not complete: its own calls are judged as usual
              CompletableFuture<String> catchWithoutCompletion() {
                // BUG: Diagnostic contains: the task on line
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  try {
                    f.complete(compute());
                  } catch (RuntimeException e) {
                    System.err.println(e);
                  }
                });
                return f;
              }

              // quiet: task body calls a helper that completes it
              CompletableFuture<String> helper() {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> work(f));
                return f;
              }
              static void work(CompletableFuture<String> f) { f.complete("x"); }

              // quiet: the task completes in a loop and breaks with try/catch Throwable
              CompletableFuture<String> loop() {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  try {
                    while (true) {
                      String v = compute();
                      if (v != null) { f.complete(v); break; }
                    }
                  } catch (Throwable t) {
                    f.completeExceptionally(t);
                  }
                });
                return f;
              }

              // quiet: completeExceptionally via handle after a stage
              CompletableFuture<String> handled(CompletableFuture<String> src) {
                CompletableFuture<String> f = new CompletableFuture<>();
                src.handle((v, e) -> e == null ? f.complete(v) : f.completeExceptionally(e));
                return f;
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnCallbackAdaptersThatCompleteOnEveryOutcome() {
    helper
        .addSourceLines(
            "Adapters.java",
            """
            import java.util.concurrent.CompletableFuture;
            import java.util.function.BiConsumer;
            import java.util.function.Consumer;

            class Adapters {
              interface Client {
                void get(String key, BiConsumer<String, Throwable> callback);
              }

              interface Bus {
                void subscribe(Consumer<String> listener);
              }

              interface Store {
                void load(String key, Callback callback);
              }

              interface Callback {
                void done(String value, Exception failure);
              }

              Client client;
              Bus bus;
              Store store;

              static void finish(CompletableFuture<String> f, String v, Throwable e) {}

              // Each outcome completes it, the failure first with an early return.
              CompletableFuture<String> earlyReturnAfterCompleting(String key) {
                CompletableFuture<String> result = new CompletableFuture<>();
                client.get(key, (value, error) -> {
                  if (error != null) {
                    result.completeExceptionally(error);
                    return;
                  }
                  result.complete(value);
                });
                return result;
              }

              // A conditional expression picks how, both complete.
              CompletableFuture<String> bothBranches(String key) {
                CompletableFuture<String> f = new CompletableFuture<>();
                store.load(key, (v, e) -> {
                  boolean ok = e == null
                      ? f.complete(v)
                      : f.completeExceptionally(e);
                });
                return f;
              }

              // Completed in a finally, whatever the callback does first.
              CompletableFuture<String> inFinally(String key) {
                CompletableFuture<String> f = new CompletableFuture<>();
                client.get(key, (v, e) -> {
                  try {
                    System.out.println(v);
                  } finally {
                    f.complete(v);
                  }
                });
                return f;
              }

              // A listener told values only may run many times: one run that does not complete
              // is no miss.
              CompletableFuture<String> firstLastEvent() {
                CompletableFuture<String> f = new CompletableFuture<>();
                bus.subscribe(event -> {
                  if (event.startsWith("last:")) {
                    f.complete(event);
                  }
                });
                return f;
              }

              // Handed to a method that can complete it.
              CompletableFuture<String> handedOn(String key) {
                CompletableFuture<String> f = new CompletableFuture<>();
                client.get(key, (v, e) -> finish(f, v, e));
                return f;
              }

              // An expression lambda that completes it.
              CompletableFuture<String> expressionBody(String key) {
                CompletableFuture<String> f = new CompletableFuture<>();
                client.get(key, (v, e) -> f.complete(v == null ? "" : v));
                return f;
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsCallbackAdaptersThatDropAnOutcome() {
    helper
        .addSourceLines(
            "Dropping.java",
            """
            import java.util.concurrent.CompletableFuture;
            import java.util.function.BiConsumer;

            class Dropping {
              interface Client {
                void get(String key, BiConsumer<String, Throwable> callback);
              }

              interface Store {
                void load(String key, Callback callback);
              }

              interface Callback {
                void done(String value, Exception failure);
              }

              Client client;
              Store store;

              CompletableFuture<String> tombstone(String key) {
                // BUG: Diagnostic contains: the get callback on line
                CompletableFuture<String> result = new CompletableFuture<>();
                client.get(key, (value, error) -> {
                  if (error != null) {
                    result.completeExceptionally(error);
                    return;
                  }
                  if (value.startsWith("tombstone:")) {
                    System.err.println("deleted key " + key);
                    return;
                  }
                  result.complete(value);
                });
                return result;
              }

              String errorDropped(String key) {
                // BUG: Diagnostic contains: can end without completing 'f'
                CompletableFuture<String> f = new CompletableFuture<>();
                store.load(key, (v, e) -> {
                  if (e == null) {
                    f.complete(v);
                  }
                });
                return f.join();
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietWhereOnlyTheJdksInMemoryCodeRunsOutsideTheGuardedWork() {
    helper
        .addSourceLines(
            "InMemory.java",
            """
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.Executor;
            import java.util.concurrent.ExecutorService;

            class InMemory {
              interface Remote {
                long balance(String id) throws Exception;
              }

              Executor io;
              ExecutorService pool;
              Remote remote;
              Map<String, Long> cache = new ConcurrentHashMap<>();
              ConcurrentHashMap<String, Long> byId = new ConcurrentHashMap<>();

              // A cache read before the guarded remote call: a map's get is no failure of the work.
              CompletableFuture<Long> cachedThenRemote(String id) {
                CompletableFuture<Long> result = new CompletableFuture<>();
                io.execute(() -> {
                  Long cached = cache.get(id);
                  if (cached != null) {
                    result.complete(cached);
                    return;
                  }
                  try {
                    long b = remote.balance(id);
                    cache.put(id, b);
                    result.complete(b);
                  } catch (Exception e) {
                    result.completeExceptionally(e);
                  }
                });
                return result;
              }

              // A string check, and a JDK exception made for the failure (an anonymous task).
              CompletableFuture<String> validated(String s) {
                CompletableFuture<String> f = new CompletableFuture<>();
                io.execute(new Runnable() {
                  @Override
                  public void run() {
                    if (s.isEmpty()) {
                      f.completeExceptionally(new IllegalArgumentException("empty " + s.length()));
                      return;
                    }
                    f.complete(s.trim().toUpperCase());
                  }
                });
                return f;
              }

              // Lists, Optional, Math, boxing and a StringBuilder computing the value.
              CompletableFuture<Integer> computed(List<String> parts, Optional<Integer> floor) {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                pool.submit(() -> {
                  StringBuilder joined = new StringBuilder();
                  for (String p : parts) {
                    joined.append(p.strip());
                  }
                  int least = floor.orElse(0);
                  f.complete(Math.max(Integer.valueOf(joined.length()), least) + parts.get(0).length());
                });
                return f;
              }

              // A concurrent map read through this., then the guarded work.
              CompletableFuture<Long> concurrentMap(String id) {
                CompletableFuture<Long> result = new CompletableFuture<>();
                io.execute(() -> {
                  if (this.byId.containsKey(id)) {
                    result.complete(this.byId.getOrDefault(id, 0L));
                    return;
                  }
                  try {
                    result.complete(remote.balance(id));
                  } catch (Throwable t) {
                    result.completeExceptionally(t);
                  }
                });
                return result;
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsWorkThatMayFailOutsideTheCatch() {
    helper
        .addSourceLines(
            "Outside.java",
            """
            import java.util.Map;
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.Executor;

            class Outside {
              interface Remote {
                long balance(String id);
              }

              Executor io;
              Remote remote;
              Map<String, Long> cache = new ConcurrentHashMap<>();

              // The remote call itself outside the try.
              CompletableFuture<Long> remoteFirst(String id) {
                // BUG: Diagnostic contains: an exception from a call
                CompletableFuture<Long> result = new CompletableFuture<>();
                io.execute(() -> {
                  long b = remote.balance(id);
                  try {
                    cache.put(id, b);
                    result.complete(b);
                  } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                  }
                });
                return result;
              }

              // parseInt declares its NumberFormatException: bad input is the work failing.
              CompletableFuture<Integer> parsed(String text) {
                // BUG: Diagnostic contains: the task on line
                CompletableFuture<Integer> f = new CompletableFuture<>();
                io.execute(() -> f.complete(Integer.parseInt(text.trim())));
                return f;
              }

              // computeIfAbsent runs the loader, which is anyone's code.
              CompletableFuture<Long> loaded(String id) {
                // BUG: Diagnostic contains: can end without completing 'result'
                CompletableFuture<Long> result = new CompletableFuture<>();
                io.execute(() -> {
                  Long b = cache.computeIfAbsent(id, remote::balance);
                  result.complete(b);
                });
                return result;
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnCallbackObjectsThatCompleteOnFailure() {
    helper
        .addSourceLines(
            "Objects.java",
            """
            import java.util.concurrent.CompletableFuture;

            class Objects {
              interface Callback {
                void onReply(String reply);

                void onError(Exception e);
              }

              interface Listener {
                void onValue(String value);

                void onClose();
              }

              interface Observer {
                void onNext(String value);

                void onError(Throwable t);

                void onCompleted();
              }

              interface Transport {
                void send(String payload, Callback cb);

                void watch(Listener listener);

                void stream(String payload, Observer observer);
              }

              Transport transport;

              // Each outcome completes it.
              CompletableFuture<String> bothOutcomes(String payload) {
                CompletableFuture<String> result = new CompletableFuture<>();
                transport.send(payload, new Callback() {
                  @Override
                  public void onReply(String reply) {
                    result.complete(reply);
                  }

                  @Override
                  public void onError(Exception e) {
                    System.err.println("failed: " + e);
                    result.completeExceptionally(e);
                  }
                });
                return result;
              }

              // A retry hands the object on: what happens next is not this method's own code.
              CompletableFuture<String> retried(String payload) {
                CompletableFuture<String> result = new CompletableFuture<>();
                transport.send(payload, new Callback() {
                  int attempts;

                  @Override
                  public void onReply(String reply) {
                    result.complete(reply);
                  }

                  @Override
                  public void onError(Exception e) {
                    if (attempts++ < 3) {
                      transport.send(payload, this);
                    }
                  }
                });
                return result;
              }

              // The failure method defers to a helper of the object that completes.
              CompletableFuture<String> helperOfTheObject(String payload) {
                CompletableFuture<String> result = new CompletableFuture<>();
                transport.send(payload, new Callback() {
                  @Override
                  public void onReply(String reply) {
                    result.complete(reply);
                  }

                  @Override
                  public void onError(Exception e) {
                    fail(e);
                  }

                  void fail(Exception e) {
                    result.completeExceptionally(e);
                  }
                });
                return result;
              }

              // A listener told values only: no method is told a failure.
              CompletableFuture<String> listener() {
                CompletableFuture<String> first = new CompletableFuture<>();
                transport.watch(new Listener() {
                  @Override
                  public void onValue(String value) {
                    first.complete(value);
                  }

                  @Override
                  public void onClose() {}
                });
                return first;
              }

              // A stream observer: the failure completes it, the first value too.
              CompletableFuture<String> observer(String payload) {
                CompletableFuture<String> first = new CompletableFuture<>();
                transport.stream(payload, new Observer() {
                  @Override
                  public void onNext(String value) {
                    first.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    first.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {
                    first.complete(null);
                  }
                });
                return first;
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsCallbackObjectsWhoseFailureMethodDropsIt() {
    helper
        .addSourceLines(
            "Dropped.java",
            """
            import java.util.concurrent.CompletableFuture;

            class Dropped {
              interface Callback {
                void onReply(String reply);

                void onError(Exception e);
              }

              interface Observer {
                void onNext(String value);

                void onError(Throwable t);

                void onCompleted();
              }

              interface Transport {
                void send(String payload, Callback cb);

                void stream(String payload, Observer observer);
              }

              Transport transport;

              CompletableFuture<String> logsOnly(String payload) {
                // BUG: Diagnostic contains: the onError method of the callback object on line 29 can end without completing 'result'
                CompletableFuture<String> result = new CompletableFuture<>();
                transport.send(payload, new Callback() {
                  @Override
                  public void onReply(String reply) {
                    result.complete(reply);
                  }

                  @Override
                  public void onError(Exception e) {
                    System.err.println("failed: " + e);
                  }
                });
                return result;
              }

              String someErrorsOnly(String payload) {
                // BUG: Diagnostic contains: told the call's failure
                CompletableFuture<String> first = new CompletableFuture<>();
                transport.stream(payload, new Observer() {
                  @Override
                  public void onNext(String value) {
                    first.complete(value);
                  }

                  @Override
                  public void onError(Throwable t) {
                    if (t instanceof IllegalStateException) {
                      first.completeExceptionally(t);
                    }
                  }

                  @Override
                  public void onCompleted() {}
                });
                return first.join();
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixCompletesExceptionallyOnFailure() {
    refactoring
        .addInputLines(
            "Fix.java",
            """
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;

            class Fix {
              static String compute() {
                return "v";
              }

              CompletableFuture<String> start(Executor executor) {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  String v = compute();
                  f.complete(v);
                });
                return f;
              }

              CompletableFuture<String> named(Executor executor, String t) {
                CompletableFuture<String> g = new CompletableFuture<>();
                executor.execute(() -> {
                  g.complete(compute() + t);
                });
                return g;
              }
            }
            """)
        .addOutputLines(
            "Fix.java",
            """
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.Executor;

            class Fix {
              static String compute() {
                return "v";
              }

              CompletableFuture<String> start(Executor executor) {
                CompletableFuture<String> f = new CompletableFuture<>();
                executor.execute(() -> {
                  try {
                    String v = compute();
                    f.complete(v);
                  } catch (Throwable t) {
                    f.completeExceptionally(t);
                  }
                });
                return f;
              }

              CompletableFuture<String> named(Executor executor, String t) {
                CompletableFuture<String> g = new CompletableFuture<>();
                executor.execute(() -> {
                  try {
                    g.complete(compute() + t);
                  } catch (Throwable e) {
                    g.completeExceptionally(e);
                  }
                });
                return g;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhereTheTaskReturnsAValueOrTheMethodMissesAPath() {
    refactoring
        .addInputLines(
            "NoFix.java",
            """
            import java.util.concurrent.CompletableFuture;
            import java.util.concurrent.ExecutorService;

            class NoFix {
              static String compute() {
                return "v";
              }

              CompletableFuture<String> callable(ExecutorService pool) {
                CompletableFuture<String> f = new CompletableFuture<>();
                pool.submit(() -> {
                  String v = compute();
                  f.complete(v);
                  return v;
                });
                return f;
              }

              CompletableFuture<String> early(boolean skip) {
                CompletableFuture<String> g = new CompletableFuture<>();
                if (skip) {
                  return g;
                }
                g.complete("x");
                return g;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
