package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class ReceiverSideCloseTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(ReceiverSideClose.class, getClass());

  @Test
  void identification() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;
            import java.util.List;

            class Quiet {
              // Pipeline stage: the goroutine receives from in, sends on out, closes out.
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

              // Worker pool: the closer goroutine only waits and closes.
              void workerPool(Chan<Integer> jobs, List<Integer> work) {
                Chan<Integer> results = Chan.make(work.size());
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
                for (int j : work) {
                  jobs.send(j);
                }
                jobs.close();
                for (int r : results) {
                  System.out.println(r);
                }
              }

              // Fetch-all: the owner closes after every sender is done, then drains.
              void fetchAll(List<String> urls) {
                Chan<String> results = Chan.make(urls.size());
                WaitGroup wg = new WaitGroup();
                for (String url : urls) {
                  wg.go(() -> results.send(url));
                }
                wg.await();
                results.close();
                for (String r : results) {
                  System.out.println(r);
                }
              }

              // Done channel: nobody sends on it; closing it is the owner's signal.
              void doneWorker() {
                Chan<Void> done = Chan.make();
                Go.go(() -> {
                  done.receive();
                  System.out.println("stopped");
                });
                done.close();
              }

              // A done channel the owner waits on and then closes: still nobody sends.
              void quitSignal() {
                Chan<Void> quit = Chan.make();
                Go.go(() -> quit.close());
                quit.receive();
              }

              // A goroutine that checks a done channel and then closes it: nobody sends on it.
              void closeOnce() {
                Chan<Void> done = Chan.make();
                Go.go(() -> {
                  if (done.tryReceive().isEmpty()) {
                    done.close();
                  }
                });
                done.receive();
              }

              // The same with the done channel a private field of the object.
              private final Chan<Void> stopped = Chan.make();

              void stopOnce() {
                Go.go(() -> {
                  stopped.tryReceive();
                  stopped.close();
                });
              }

              // The sole sender closes its output.
              void produce(SendChan<Integer> out) {
                out.send(1);
                out.send(2);
                out.close();
              }

              // A receive-only parameter, never closed.
              void consume(RecvChan<Integer> in) {
                for (int v : in) {
                  System.out.println(v);
                }
              }

              // A goroutine ranging over jobs closes another channel it only signals on.
              void signalWhenDone(Chan<Integer> jobs) {
                Chan<Void> finished = Chan.make();
                Go.go(() -> {
                  for (int j : jobs) {
                    System.out.println(j);
                  }
                  finished.close();
                });
                finished.receive();
              }

              // errgroup: close after await.
              void errGroup(Context ctx) throws Exception {
                Chan<Integer> out = Chan.make(10);
                ErrGroup g = ErrGroup.withContext(ctx);
                g.go(() -> out.send(1));
                g.await();
                out.close();
                System.out.println(out.receive());
              }

              // A sender selecting on ctx.done() closes what it sends on.
              void selectSender(Context ctx, Chan<Integer> out, Chan<Integer> in) {
                for (int v : in) {
                  Select.<Void>select()
                      .send(out, v, () -> null)
                      .recv(ctx.done(), d -> null)
                      .run();
                }
                out.close();
              }
            }
            """)
        .addSourceLines(
            "Bad.java",
            """
            import dev.goconc.*;

            class Bad {
              private final Chan<String> queue = Chan.make(8);

              void offer(String s) {
                queue.send(s);
              }

              void drainAndStop() {
                System.out.println(queue.receive());
                // BUG: Diagnostic contains: 'queue' is closed on line 13 by code that only receives
                queue.close();
              }

              void consumer(Chan<Integer> jobs) {
                for (int j : jobs) {
                  System.out.println(j);
                }
                // BUG: Diagnostic contains: 'jobs' is closed on line 21 by code that only receives
                jobs.close();
              }

              void receiveOkLoop(Chan<Integer> in) {
                while (true) {
                  Received<Integer> r = in.receiveOk();
                  if (!r.ok()) {
                    break;
                  }
                }
                // BUG: Diagnostic contains: declare the parameter as RecvChan
                in.close();
              }

              void goroutineRangesAndCloses() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  for (int v : ch) {
                    System.out.println(v);
                  }
                  // BUG: Diagnostic contains: 'ch' is closed on line 42
                  ch.close();
                });
                ch.send(1);
              }

              void methodRangesWhileGoroutineSends() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> ch.send(1));
                for (int v : ch) {
                  System.out.println(v);
                  break;
                }
                // BUG: Diagnostic contains: 'ch' is closed
                ch.close();
              }

              String firstResult() {
                Chan<String> results = Chan.make();
                for (int i = 0; i < 3; i++) {
                  Go.go(() -> results.send("r"));
                }
                String r = results.receive();
                // BUG: Diagnostic contains: 'results' is closed
                results.close();
                return r;
              }

              void selectThenClose(Chan<Integer> a, Context ctx) {
                Select.<Void>select().recv(a, v -> null).recv(ctx.done(), d -> null).run();
                // BUG: Diagnostic contains: 'a' is closed
                a.close();
              }

              void tryReceiveThenClose(Chan<Integer> a) {
                if (a.tryReceive().isPresent()) {
                  // BUG: Diagnostic contains: 'a' is closed
                  a.close();
                }
              }

              void closeInsideLoop() {
                Chan<Integer> ch = Chan.make();
                Go.go(() -> {
                  ch.send(1);
                  ch.send(0);
                });
                for (int v : ch) {
                  if (v == 0) {
                    // BUG: Diagnostic contains: 'ch' is closed
                    ch.close();
                  }
                }
              }

              void goroutineClosesCapturedParameter(Chan<Integer> in) {
                Go.go(() -> {
                  System.out.println(in.receive());
                  // BUG: Diagnostic contains: 'in' is closed
                  in.close();
                });
              }
            }
            """)
        .doTest();
  }

  /**
   * A goroutine body is judged on its own, and an alias it captures from the code around it ({@code
   * var c = in}, a {@code recvOnly()} or {@code sendOnly()} local) is the channel it names: a
   * parameter's or a local's, with their senders elsewhere.
   */
  @Test
  void capturedAliasesAreTheChannelTheyName() {
    helper
        .addSourceLines(
            "Quiet.java",
            """
            import dev.goconc.*;

            class Quiet {
              // The goroutine sends on what it closes, through the alias.
              void producer(Chan<Integer> out) {
                var sink = out;
                Go.go(() -> {
                  sink.send(1);
                  sink.close();
                });
              }

              // The goroutine closes through the alias before it receives: the owner's close.
              void closesFirst(Chan<Integer> results) {
                SendChan<Integer> closer = results.sendOnly();
                RecvChan<Integer> reader = results.recvOnly();
                Go.go(() -> {
                  closer.close();
                  System.out.println(reader.receive());
                });
              }

              // The owner closes after the goroutine that received has been waited for.
              void ownerCloses(Chan<Integer> jobs) {
                var in = jobs;
                WaitGroup wg = new WaitGroup();
                wg.go(() -> System.out.println(in.receive()));
                wg.await();
                jobs.close();
              }
            }
            """)
        .addSourceLines(
            "Bad.java",
            """
            import dev.goconc.*;

            class Bad {
              void aliasOfAParameter(Chan<Integer> in) {
                var c = in;
                Go.go(() -> {
                  System.out.println(c.receive());
                  // BUG: Diagnostic contains: 'in' is closed
                  c.close();
                });
              }

              void narrowedLocals() {
                Chan<Integer> ch = Chan.make();
                var received = ch.recvOnly();
                var sent = ch.sendOnly();
                Go.go(() -> {
                  for (int v : received) {
                    System.out.println(v);
                  }
                  // BUG: Diagnostic contains: 'ch' is closed
                  sent.close();
                });
                sent.send(1);
              }
            }
            """)
        .doTest();
  }

  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(ReceiverSideClose.class, getClass());

  @Test
  void replacementNarrowsReceiveOnlyParameter() {
    refactoring
        .addInputLines(
            "Consumer.java",
            """
            import dev.goconc.Chan;

            final class Consumer {
              void consume(Chan<Integer> jobs) {
                for (int j : jobs) {
                  System.out.println(j + jobs.len());
                }
                jobs.close();
              }

              void caller() {
                Chan<Integer> ch = Chan.make(1);
                ch.send(7);
                consume(ch);
              }
            }
            """)
        .addOutputLines(
            "Consumer.java",
            """
            import dev.goconc.Chan;
            import dev.goconc.RecvChan;

            final class Consumer {
              void consume(RecvChan<Integer> jobs) {
                for (int j : jobs) {
                  System.out.println(j + jobs.len());
                }
              }

              void caller() {
                Chan<Integer> ch = Chan.make(1);
                ch.send(7);
                consume(ch);
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixWhereSubclassesMayOverride() {
    refactoring
        .addInputLines(
            "Consumer.java",
            """
            import dev.goconc.Chan;

            class Consumer {
              void consume(Chan<Integer> jobs) {
                System.out.println(jobs.receive());
                jobs.close();
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }
}
