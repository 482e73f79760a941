package dev.goconc.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class SendOnClosedChannelTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(SendOnClosedChannel.class, getClass());

  /**
   * A method of the unit that closes (or sends on) the channel it is given does so at the call:
   * closing through a helper and sending afterwards throws as a direct close would.
   */
  @Test
  void helpersOfTheUnitAreSummarised() {
    helper
        .addSourceLines(
            "Helpers.java",
            """
            import dev.goconc.*;

            class Helpers {
              private static void finish(Chan<Integer> out) {
                out.close();
              }

              private static void emit(Chan<Integer> out, int value) {
                out.send(value);
              }

              private static void maybeFinish(Chan<Integer> out, boolean last) {
                if (last) {
                  out.close();
                }
              }

              // Send, then close through the helper.
              void sendThenFinish(Chan<Integer> out) {
                emit(out, 1);
                finish(out);
              }

              // The helper closes on some paths only: not summarised.
              void sometimes(Chan<Integer> out, boolean last) {
                maybeFinish(out, last);
                out.send(2);
              }

              // Each round's channel is closed once.
              void eachOnce(java.util.List<Chan<Integer>> outs) {
                for (Chan<Integer> out : outs) {
                  finish(out);
                }
              }

              void closedThenSent(Chan<Integer> out) {
                finish(out);
                // BUG: Diagnostic contains: 'out' is sent on at line 40 on a path after close() at line 38 (in finish())
                out.send(2);
              }

              void closedThenSentThroughTheHelper(Chan<Integer> out) {
                out.close();
                // BUG: Diagnostic contains: 'out' is sent on at line 46 on a path after close() at line 44
                emit(out, 3);
              }

              void finishedTwice(Chan<Integer> out) {
                finish(out);
                // BUG: Diagnostic contains: 'out' is closed again at line 52 on a path after close() at line 50 (in finish())
                finish(out);
              }
            }
            """)
        .doTest();
  }

  /**
   * A close guarded by the last round of a counted loop ends the loop: the graph's way round, from
   * the close back to the loop's sends, is a path no run takes. Anything the same round does after
   * the close, a later loop, or a loop whose bound or counter the body changes is still judged.
   */
  @Test
  void aCloseInTheLastRoundEndsTheLoop() {
    helper
        .addSourceLines(
            "LastRound.java",
            """
            import dev.goconc.*;

            class LastRound {
              private final int size = 4;

              void lastIndex(Chan<Integer> c, int n) {
                for (int i = 0; i < n; i++) {
                  c.send(i);
                  if (i == n - 1) {
                    c.close();
                  }
                }
              }

              void mirrored(Chan<Integer> c, int n) {
                for (int i = 0; i < n; ++i) {
                  c.send(i);
                  if (n - 1 == i) c.close();
                }
              }

              void plusOne(Chan<Integer> c, int[] items) {
                for (int i = 0; i < items.length; i += 1) {
                  c.send(items[i]);
                  if (i + 1 == items.length) {
                    c.close();
                  }
                }
              }

              void atLeast(Chan<Integer> c) {
                for (int i = 0; i < this.size; i++) {
                  c.send(i);
                  if (i >= this.size - 1) {
                    c.close();
                  }
                }
              }

              void inclusive(Chan<Integer> c, int last) {
                for (int i = 1; i <= last; i++) {
                  c.send(i);
                  if (i == last) {
                    c.close();
                  }
                }
              }

              void constantBound(Chan<Integer> c) {
                for (int i = 0; i < 3; i++) {
                  c.send(i);
                  if (i == 2) {
                    c.close();
                  }
                }
              }

              void notTheLastRound(Chan<Integer> c, int n) {
                for (int i = 0; i < n; i++) {
                  // BUG: Diagnostic contains: 'c' is sent on at line 61 on a path after close() at line 63
                  c.send(i);
                  if (i == n - 2) {
                    c.close();
                  }
                }
              }

              void sameRoundAfterTheClose(Chan<Integer> c, int n) {
                for (int i = 0; i < n; i++) {
                  if (i == n - 1) {
                    c.close();
                  }
                  // BUG: Diagnostic contains: 'c' is sent on at line 74 on a path after close() at line 71
                  c.send(i);
                }
              }

              void afterTheLoop(Chan<Integer> c, int n) {
                for (int i = 0; i < n; i++) {
                  if (i == n - 1) {
                    c.close();
                  }
                }
                // BUG: Diagnostic contains: 'c' is sent on at line 85 on a path after close() at line 81
                c.send(-1);
              }

              void boundChangesInTheLoop(Chan<Integer> c, int n) {
                for (int i = 0; i < n; i++) {
                  // BUG: Diagnostic contains: 'c' is sent on at line 91 on a path after close() at line 93
                  c.send(i);
                  if (i == n - 1) {
                    c.close();
                    n++;
                  }
                }
              }

              void loopRunsAgain(Chan<Integer> c, int n, int times) {
                for (int t = 0; t < times; t++) {
                  for (int i = 0; i < n; i++) {
                    // BUG: Diagnostic contains: 'c' is sent on at line 103 on a path after close() at line 105
                    c.send(i);
                    if (i == n - 1) {
                      c.close();
                    }
                  }
                }
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
            import java.util.concurrent.atomic.AtomicBoolean;

            class Quiet {
              // Pipeline stage: close in finally after the last send.
              void stage(RecvChan<Integer> in, Chan<Integer> out) {
                Go.go(() -> {
                  try {
                    for (int n : in) {
                      out.send(n * n);
                    }
                  } finally {
                    out.close();
                  }
                });
              }

              // The producer sends, then closes.
              void produce(SendChan<Integer> out, List<Integer> items) {
                for (int i : items) {
                  out.send(i);
                }
                out.close();
              }

              // Close on one branch, send on the other.
              void eitherOr(SendChan<Integer> out, boolean stop) {
                if (stop) {
                  out.close();
                } else {
                  out.send(1);
                }
              }

              // Close, then leave.
              void closeAndReturn(SendChan<Integer> out, boolean failed) {
                if (failed) {
                  out.close();
                  return;
                }
                out.send(1);
                out.close();
              }

              // A fresh channel each iteration.
              void freshEachTime(int n) {
                for (int i = 0; i < n; i++) {
                  Chan<Integer> c = Chan.make(1);
                  c.send(i);
                  c.close();
                }
              }

              // Reassigned after the close.
              void reassigned() {
                Chan<Integer> c = Chan.make(1);
                c.close();
                c = Chan.make(1);
                c.send(2);
              }

              // Close in one goroutine and send in another are out of reach.
              void otherGoroutine(Chan<Integer> c) {
                Go.go(() -> c.close());
                c.send(1);
              }

              // A once-guard: a flag set next to the close.
              void onceWithFlag(SendChan<Integer> out, List<Integer> items) {
                boolean closed = false;
                for (int i : items) {
                  if (i < 0 && !closed) {
                    out.close();
                    closed = true;
                  }
                }
              }

              // A once-guard: compareAndSet.
              void onceWithCas(SendChan<Integer> out, AtomicBoolean once) {
                for (int i = 0; i < 3; i++) {
                  if (once.compareAndSet(false, true)) {
                    out.close();
                  }
                }
              }

              // Close then throw: nothing after it runs.
              void closeAndThrow(SendChan<Integer> out, boolean bad) {
                if (bad) {
                  out.close();
                  throw new IllegalStateException("bad");
                }
                out.send(3);
              }

              // Different channels.
              void different(SendChan<Integer> a, SendChan<Integer> b) {
                a.close();
                b.send(1);
              }

              // Break out of the loop before closing.
              void breakThenClose(SendChan<Integer> out, List<Integer> items) {
                for (int i : items) {
                  if (i < 0) {
                    break;
                  }
                  out.send(i);
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
              private final Chan<String> queue = Chan.make(4);

              void sendAfterClose(SendChan<Integer> out) {
                out.close();
                // BUG: Diagnostic contains: 'out' is sent on at line 9 on a path after close() at line 7
                out.send(1);
              }

              void closeTwice(SendChan<Integer> out) {
                out.close();
                // BUG: Diagnostic contains: 'out' is closed again at line 15 on a path after close() at line 13
                out.close();
              }

              void closeInLoop(SendChan<Integer> out, int n) {
                for (int i = 0; i < n; i++) {
                  // BUG: Diagnostic contains: 'out' is closed again at line 21
                  out.close();
                }
              }

              void sendAndCloseInLoop(SendChan<Integer> out, int n) {
                for (int i = 0; i < n; i++) {
                  // BUG: Diagnostic contains: 'out' is sent on at line 28
                  out.send(i);
                  out.close();
                }
              }

              void conditionalClose(SendChan<Integer> out, boolean stop) {
                if (stop) {
                  out.close();
                }
                // BUG: Diagnostic contains: 'out' is sent on
                out.send(1);
              }

              void trySendAfterClose(SendChan<Integer> out) {
                out.close();
                // BUG: Diagnostic contains: 'out' is sent on
                boolean sent = out.trySend(1);
              }

              void selectSendAfterClose(SendChan<Integer> out, Context ctx) {
                out.close();
                // BUG: Diagnostic contains: 'out' is sent on
                Select.<Void>select().send(out, 1, () -> null).recv(ctx.done(), d -> null).run();
              }

              void inGoroutine() {
                Chan<Integer> ch = Chan.make(1);
                Go.go(() -> {
                  ch.close();
                  // BUG: Diagnostic contains: 'ch' is sent on
                  ch.send(1);
                });
              }

              void finallyCloseInLoop(SendChan<Integer> out, int n) {
                for (int i = 0; i < n; i++) {
                  try {
                    // BUG: Diagnostic contains: 'out' is sent on
                    out.send(i);
                  } finally {
                    out.close();
                  }
                }
              }

              void closeInCatch(SendChan<Integer> out, Runnable work) {
                try {
                  work.run();
                } catch (RuntimeException e) {
                  out.close();
                }
                // BUG: Diagnostic contains: 'out' is sent on
                out.send(1);
              }

              void fieldChannel() {
                queue.close();
                // BUG: Diagnostic contains: 'queue' is sent on
                queue.send("late");
              }

              void switchFallsThrough(SendChan<Integer> out, int mode) {
                switch (mode) {
                  case 0:
                    out.close();
                  case 1:
                    // BUG: Diagnostic contains: 'out' is sent on
                    out.send(mode);
                    break;
                  default:
                    break;
                }
              }
            }
            """)
        .doTest();
  }
}
