package dev.goconc.checker;

import com.google.errorprone.bugpatterns.BugChecker;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The channel rules on correct code written in unusual shapes: no finding and, above all, no
 * crash (an exception in a check would fail the compilation).
 */
final class ChannelRulesOddCodeTest {
  private static final List<Class<? extends BugChecker>> RULES =
      List.of(
          GoroutineLeak.class,
          UnclosedChannel.class,
          ReceiverSideClose.class,
          SendOnClosedChannel.class);

  private static final String ODD =
      """
      import dev.goconc.*;
      import java.util.List;
      import java.util.concurrent.Executors;
      import java.util.function.Function;
      import java.util.function.Supplier;

      class Odd {
        // A goroutine launched from a field initializer and from a static initializer.
        private final Chan<Integer> ticks = Chan.make(1);
        private final Runnable starter = () -> Go.go(() -> ticks.trySend(1));

        static {
          Chan<String> boot = Chan.make(1);
          Go.go(() -> boot.send("up"));
          System.out.println(boot.receive());
        }

        record Pair(Chan<Integer> in, Chan<Integer> out) {}

        interface Stage {
          default void run(RecvChan<Integer> in, SendChan<Integer> out) {
            try {
              for (var v : in) {
                out.send(v);
              }
            } finally {
              out.close();
            }
          }
        }

        Odd() {
          Chan<Integer> c = Chan.make();
          Go.go(new Runnable() {
            @Override
            public void run() {
              c.send(1);
            }
          });
          System.out.println(c.receive());
        }

        int switches(Pair p, int mode) {
          return switch (mode) {
            case 0 -> {
              Chan<Integer> local = Chan.make(1);
              local.send(mode);
              yield local.receive();
            }
            case 1 -> p.in().receive();
            default -> 0;
          };
        }

        void labelled(Context ctx, List<Chan<Integer>> chans) {
          outer:
          for (Chan<Integer> ch : chans) {
            while (true) {
              Received<Integer> r = ch.receiveOk();
              if (!r.ok()) {
                continue outer;
              }
              if (ctx.err() != null) {
                break outer;
              }
            }
          }
        }

        void executors() throws Exception {
          var pool = Executors.newVirtualThreadPerTaskExecutor();
          Chan<String> out = Chan.make(1);
          var future = pool.submit(() -> out.send("x"));
          future.get();
          System.out.println(out.receive());
          pool.shutdown();
        }

        void arraysAndGenerics() {
          @SuppressWarnings("unchecked")
          Chan<Integer>[] many = new Chan[] {Chan.make(1), Chan.make(1)};
          many[0].send(1);
          many[0].close();
          Function<Chan<Integer>, Integer> take = RecvChan::receive;
          Supplier<Chan<Integer>> make = Chan::make;
          System.out.println(take.apply(many[0]) + make.get().cap());
        }

        void nested() {
          Chan<Integer> c = Chan.make();
          Go.go(() -> Go.go(() -> c.send(1)));
          System.out.println(c.receive());
          Thread.startVirtualThread(this::spinOnce);
        }

        private void spinOnce() {
          for (int i = 0; ; i++) {
            if (i > 3) {
              return;
            }
          }
        }

        void selectThroughVariables(Chan<Integer> a, Context ctx) {
          Select<Integer> s = Select.select();
          s = s.recv(a, v -> v);
          s = s.recv(ctx.done(), d -> -1);
          System.out.println(s.run());
        }

        abstract static class Base {
          abstract void consume(Chan<Integer> c);
        }
      }
      """;

  @Test
  void quietAndNoCrashOnOddCode() {
    for (Class<? extends BugChecker> rule : RULES) {
      StrictRules.compilation(rule, getClass()).addSourceLines("Odd.java", ODD).doTest();
    }
  }

  @Test
  void quietWithoutTheRuntime() {
    for (Class<? extends BugChecker> rule : RULES) {
      StrictRules.compilation(rule, getClass())
          .addSourceLines(
              "Plain.java",
              """
              import java.util.concurrent.BlockingQueue;
              import java.util.concurrent.LinkedBlockingQueue;

              class Plain {
                void run() throws InterruptedException {
                  BlockingQueue<Integer> q = new LinkedBlockingQueue<>();
                  Thread.startVirtualThread(() -> {
                    while (true) {
                      q.offer(1);
                    }
                  });
                  q.take();
                }
              }
              """)
          .doTest();
    }
  }
}
