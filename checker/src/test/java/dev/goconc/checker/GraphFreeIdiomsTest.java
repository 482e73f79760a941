package dev.goconc.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goconc.checker.AllRulesCompilation.Result;
import dev.goconc.checker.AllRulesCompilation.Source;
import dev.goconc.checker.flow.FinallyGuard;
import dev.goconc.checker.flow.NextStatementUse;
import dev.goconc.checker.flow.ReceiveAhead;
import dev.goconc.checker.flow.SourceOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idioms whose all-paths answer the rules read from the source ({@link FinallyGuard},
 * {@link NextStatementUse}, {@link SourceOrder}, {@link ReceiveAhead}) cost no control-flow graph and get no finding; the shapes next to them
 * that break the shortcut's premise are still walked on the graph and still reported.
 */
final class GraphFreeIdiomsTest {
  @TempDir Path classes;

  private static final Source IDIOMS =
      new Source(
          "Idioms.java",
          """
          package idioms;

          import dev.goconc.CancelContext;
          import dev.goconc.CancelFunc;
          import dev.goconc.Chan;
          import dev.goconc.Context;
          import dev.goconc.Go;
          import dev.goconc.RecvChan;
          import dev.goconc.Ticker;
          import dev.goconc.Time;
          import java.time.Duration;

          class Idioms {
            int ticks(int rounds) {
              Ticker ticker = Time.newTicker(Duration.ofMillis(5));
              try {
                int n = 0;
                for (int i = 0; i < rounds; i++) {
                  n++;
                }
                if (n > 2) {
                  return n;
                }
                return 0;
              } finally {
                ticker.stop();
              }
            }

            void cancels(Context parent) {
              CancelContext ctx = Context.withCancel(parent);
              try {
                if (parent.err() != null) {
                  return;
                }
                work(ctx);
              } finally {
                ctx.cancel();
              }
            }

            RecvChan<Integer> produce(int n) {
              Chan<Integer> out = Chan.make(1);
              Go.go(() -> {
                try {
                  for (int i = 0; i < n; i++) {
                    out.send(i);
                  }
                } finally {
                  out.close();
                }
              });
              return out;
            }

            long produceConsume(int n) {
              Chan<Integer> ch = Chan.make(4);
              Go.go(() -> {
                try {
                  for (int i = 0; i < n; i++) {
                    ch.send(i);
                  }
                } finally {
                  ch.close();
                }
              });
              long total = 0;
              for (int value : ch) {
                total += value;
              }
              return total;
            }

            private CancelFunc stop;

            void keeps(Context parent) {
              CancelContext ctx = Context.withCancel(parent);
              this.stop = ctx.cancelFunc();
              work(ctx);
            }

            void close() {
              stop.cancel();
            }

            static void work(Context ctx) {}
          }
          """);

  private static final Source NEAR_MISSES =
      new Source(
          "NearMisses.java",
          """
          package idioms;

          import dev.goconc.Chan;
          import dev.goconc.Go;
          import dev.goconc.RecvChan;
          import dev.goconc.Ticker;
          import dev.goconc.Time;
          import java.time.Duration;

          class NearMisses {
            private dev.goconc.CancelFunc stop;

            void keepsTooLate(dev.goconc.Context parent, boolean quick) {
              dev.goconc.CancelContext ctx = dev.goconc.Context.withCancel(parent);
              if (quick) {
                return;
              }
              this.stop = ctx.cancelFunc();
            }

            int returnsBeforeTheTry(boolean quick) {
              Ticker ticker = Time.newTicker(Duration.ofMillis(5));
              if (quick) {
                return 0;
              }
              try {
                return 1;
              } finally {
                ticker.stop();
              }
            }

            RecvChan<Integer> leavesBeforeTheTry(boolean skip) {
              Chan<Integer> out = Chan.make(1);
              Go.go(() -> {
                if (skip) {
                  return;
                }
                try {
                  out.send(1);
                } finally {
                  out.close();
                }
              });
              return out;
            }

            long returnsBeforeRanging(int n, boolean quick) {
              Chan<Integer> ch = Chan.make(4);
              Go.go(() -> {
                for (int i = 0; i < n; i++) {
                  ch.send(i);
                }
                ch.close();
              });
              if (quick) {
                return 0;
              }
              long total = 0;
              for (int value : ch) {
                total += value;
              }
              return total;
            }

            void closesInsideTheLoop() {
              Chan<Integer> ch = Chan.make(10);
              for (int i = 0; i < 3; i++) {
                ch.send(i);
                ch.close();
              }
            }
          }
          """);

  @Test
  void theFinallyIdiomsACloseAfterTheLastSendAndRangingOverTheResultsCostNoGraph() throws Exception {
    Result result = AllRulesCompilation.compile(List.of(IDIOMS), classes);

    assertEquals(List.of(), result.diagnostics());
    assertEquals(0, result.graphsBuilt(), "control-flow graphs built for the finally idioms");
  }

  @Test
  void aReturnBeforeTheTryOrTheRangeLoopOrACloseInALoopIsStillWalkedAndReported() throws Exception {
    Result result = AllRulesCompilation.compile(List.of(NEAR_MISSES), classes);

    assertNotEquals(0, result.graphsBuilt());
    String all = String.join("\n", result.diagnostics());
    assertTrue(all.contains("[LostCancel] the return on line 16 may be reached without"
        + " cancelling 'ctx'"), all);
    assertTrue(all.contains("NearMisses.java:22:") && all.contains("[TickerNotStopped]"), all);
    assertTrue(all.contains("[UnclosedChannel]") && all.contains("can leave after line 36"), all);
    assertTrue(all.contains("[SendOnClosedChannel]") && all.contains("'ch' is sent on at line 69"),
        all);
    assertTrue(all.contains("[GoroutineLeak] goroutine sending on 'ch' (line 52) blocks forever:"
        + " the method can leave at line 57"), all);
  }
}
