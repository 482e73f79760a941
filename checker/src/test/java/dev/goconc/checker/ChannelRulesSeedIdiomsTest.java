package dev.goconc.checker;

import com.google.errorprone.bugpatterns.BugChecker;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The correct idioms of the Go concurrency guides the project was seeded from, written with
 * goconc: every channel rule must stay quiet on all of them.
 */
final class ChannelRulesSeedIdiomsTest {
  private static final List<Class<? extends BugChecker>> RULES =
      List.of(
          GoroutineLeak.class,
          UnclosedChannel.class,
          ReceiverSideClose.class,
          SendOnClosedChannel.class);

  private static final String IDIOMS =
      """
      import dev.goconc.*;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.BiFunction;

      class Idioms {
        record Result<T, R>(T input, R output, Exception err) {}

        static String get(String url) {
          return url;
        }

        // Fetch-all: a buffer as large as the work, received once per URL.
        List<String> fetchAll(List<String> urls) {
          Chan<String> results = Chan.make(urls.size());
          for (String url : urls) {
            Go.go(() -> {
              String body = get(url);
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

        // Worker selecting on its jobs and a done channel.
        void worker(RecvChan<String> jobs, RecvChan<Void> done) {
          while (true) {
            boolean stop = Select.<Boolean>select()
                .recvOk(jobs, r -> {
                  if (!r.ok()) {
                    return true;
                  }
                  System.out.println(r.value());
                  return false;
                })
                .recv(done, d -> true)
                .run();
            if (stop) {
              return;
            }
          }
        }

        void startWorkers(RecvChan<String> jobs) {
          Chan<Void> done = Chan.make();
          for (int i = 0; i < 3; i++) {
            Go.go(() -> worker(jobs, done));
          }
          done.close();
        }

        // Fan-in of results with a WaitGroup closer.
        List<String> processAll(List<String> items) {
          Chan<String> results = Chan.make(items.size());
          WaitGroup wg = new WaitGroup();
          for (String item : items) {
            wg.add(1);
            Go.go(() -> {
              try {
                results.send(get(item));
              } finally {
                wg.done();
              }
            });
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

        // Generic worker pool with a context.
        <T, R> List<Result<T, R>> run(
            Context ctx, int concurrency, List<T> inputs, BiFunction<Context, T, R> fn) {
          Chan<T> jobs = Chan.make(inputs.size());
          Chan<Result<T, R>> results = Chan.make(inputs.size());
          WaitGroup wg = new WaitGroup();
          for (int w = 0; w < concurrency; w++) {
            wg.go(() -> {
              for (T job : jobs) {
                Result<T, R> r = Select.<Result<T, R>>select()
                    .recv(ctx.done(), d -> new Result<T, R>(job, null, ctx.err()))
                    .otherwise(() -> new Result<T, R>(job, fn.apply(ctx, job), null))
                    .run();
                results.send(r);
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

        // Pipeline: generator and square stages close their output.
        RecvChan<Integer> generate(int... numbers) {
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

        void pipeline() {
          for (int v : square(generate(1, 2, 3))) {
            System.out.println(v);
          }
        }

        // Producer closes, consumer ranges.
        void producerConsumer() {
          Chan<Integer> ch = Chan.make(5);
          Go.go(() -> {
            for (int i = 0; i < 5; i++) {
              ch.send(i);
            }
            ch.close();
          });
          for (int v : ch) {
            System.out.println(v);
          }
        }

        // Unbuffered synchronisation point.
        void syncPoint() {
          Chan<Void> done = Chan.make();
          Go.go(() -> {
            System.out.println("work");
            done.send(null);
          });
          done.receive();
        }

        // Semaphore from a buffered channel.
        private static final Chan<Void> SEM = Chan.make(4);

        void limited(Runnable work) {
          SEM.send(null);
          try {
            work.run();
          } finally {
            SEM.receive();
          }
        }

        // Resource pool with select/otherwise.
        private final Chan<StringBuilder> pool = Chan.make(100);

        StringBuilder borrow() {
          return Select.<StringBuilder>select()
              .recv(pool, b -> b)
              .otherwise(StringBuilder::new)
              .run();
        }

        void giveBack(StringBuilder b) {
          b.setLength(0);
          boolean unused = Select.<Boolean>select()
              .send(pool, b, () -> true)
              .otherwise(() -> false)
              .run();
        }

        // errgroup with a context: the first error cancels the rest.
        List<String> fetchGroup(Context ctx, List<String> urls) throws Exception {
          ErrGroup g = ErrGroup.withContext(ctx);
          Chan<String> bodies = Chan.make(urls.size());
          for (String url : urls) {
            g.go(() -> {
              if (g.context().err() != null) {
                return;
              }
              bodies.send(get(url));
            });
          }
          g.await();
          bodies.close();
          List<String> out = new ArrayList<>();
          for (String b : bodies) {
            out.add(b);
          }
          return out;
        }

        // A worker selecting on ctx.done() with a ticker.
        void heartbeat(Context ctx, Ticker ticker) {
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

        // The leak's fix from the guides: room for the one send, close on the error path.
        RecvChan<String> fetchUser(String id) {
          Chan<String> ch = Chan.make(1);
          Go.go(() -> {
            String user = get(id);
            if (user == null) {
              ch.close();
              return;
            }
            ch.send(user);
          });
          return ch;
        }
      }
      """;

  @Test
  void quietOnEveryIdiom() {
    for (Class<? extends BugChecker> rule : RULES) {
      StrictRules.compilation(rule, getClass())
          .addSourceLines("Idioms.java", IDIOMS)
          .doTest();
    }
  }
}
