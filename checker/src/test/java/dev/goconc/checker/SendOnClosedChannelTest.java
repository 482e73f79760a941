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

  /** A channel named through a final field of a variable that never changes is one channel. */
  @Test
  void channelsReachedThroughFinalFields() {
    helper
        .addSourceLines(
            "Hub.java",
            """
            import dev.goconc.Chan;
            import java.util.List;

            class Hub {
              static final class Session {
                final Chan<String> outbox = Chan.make(8);
                Chan<String> replaceable = Chan.make(8);
              }

              // The goodbye goes first, then the close.
              void kick(Session s, String reason) {
                s.outbox.send("bye: " + reason);
                s.outbox.close();
              }

              // Each round closes another session's outbox.
              void closeAll(List<Session> sessions) {
                for (Session s : sessions) {
                  s.outbox.send("shutting down");
                  s.outbox.close();
                }
              }

              // Two sessions, two channels.
              void handOver(Session from, Session to) {
                from.outbox.close();
                to.outbox.send("welcome");
              }

              // A field that can be given a new channel is not followed.
              void renew(Session s) {
                s.replaceable.close();
                s.replaceable = Chan.make(8);
                s.replaceable.send("again");
              }
            }
            """)
        .addSourceLines(
            "HubBugs.java",
            """
            import dev.goconc.Chan;

            class HubBugs {
              static final class Car {
                final Chan<Object> commands = Chan.make(4);
              }

              sealed interface Command permits Shutdown, Call {}
              record Shutdown() implements Command {}
              record Call(int floor) implements Command {}

              void send(Car car, Command c) {
                switch (c) {
                  case Shutdown s -> {
                    car.commands.close();
                    // BUG: Diagnostic contains: 'car.commands' is sent on at line 17 on a path after close() at line 15
                    car.commands.send(s);
                  }
                  case Call call -> car.commands.send(call);
                }
              }

              void kick(Car car) {
                car.commands.close();
                // BUG: Diagnostic contains: 'car.commands' is closed again
                car.commands.close();
              }
            }
            """)
        .doTest();
  }

  /**
   * A goroutine that closes a channel field it never sends on, before waiting for anything, may
   * close it as soon as it starts: a send that runs after its launch may find it closed. Correct
   * look-alikes first: a done channel nobody sends on, the goroutine as the only sender, a close
   * after a wait (the senders' handshake), a field handed out, a goroutine that calls code of the
   * unit (which might send), sends before the launch.
   */
  @Test
  void closedByAGoroutineThatNeverSends() {
    helper
        .addSourceLines(
            "Watchers.java",
            """
            import dev.goconc.*;

            final class Watchers {
              // The watcher signals its end on a done channel of its own; the manager's send
              // selects on it too, and nobody closes the channel it sends on.
              static final class DoneChannel {
                final Chan<Boolean> dests;
                final Chan<Void> done = Chan.make();

                DoneChannel(Chan<Boolean> dests) {
                  this.dests = dests;
                }

                void run() {
                  done.close();
                }

                static void update() {
                  DoneChannel w = new DoneChannel(Chan.make());
                  Go.go(w::run);
                  Select.<Void>select()
                      .send(w.dests, true, () -> null)
                      .recv(w.done, v -> null)
                      .run();
                }
              }

              // The goroutine is the only sender: it closes after its last send.
              static final class OnlySender {
                private final Chan<Integer> out = Chan.make(4);

                void produce() {
                  for (int i = 0; i < 4; i++) {
                    out.send(i);
                  }
                  out.close();
                }

                static int first() {
                  OnlySender s = new OnlySender();
                  Go.go(s::produce);
                  return s.out.receive();
                }
              }

              // The closer waits until the senders are done: the wait is the handshake.
              static final class JoinedFirst {
                private final Chan<Integer> out = Chan.make(8);
                private final WaitGroup senders = new WaitGroup();

                void start() {
                  senders.add(1);
                  Go.go(() -> {
                    senders.await();
                    out.close();
                  });
                }

                void put(int v) {
                  start();
                  out.send(v);
                  senders.done();
                }
              }

              // The closer waits for the sender's signal that it has sent its last value.
              static final class Handshake {
                final Chan<Integer> out = Chan.make(1);
                final Chan<Void> sent = Chan.make();

                void finish() {
                  sent.receive();
                  this.out.close();
                }

                static void use() {
                  Handshake h = new Handshake();
                  Go.go(h::finish);
                  h.out.send(1);
                  h.sent.close();
                }
              }

              // The channel is handed out: code elsewhere may order the close.
              static final class HandedOut {
                private final Chan<Integer> out = Chan.make(1);

                Chan<Integer> out() {
                  return out;
                }

                void stop() {
                  out.close();
                }

                void begin() {
                  Go.go(this::stop);
                  out.send(1);
                }
              }

              // The goroutine calls code of the unit before closing: that code may be its sends.
              static final class CallsUnitCode {
                private final Chan<Integer> out = Chan.make(1);

                private void emit() {
                  out.send(1);
                }

                void run() {
                  emit();
                  out.close();
                }

                void begin() {
                  Go.go(this::run);
                  out.trySend(2);
                }
              }

              // The only send runs before the goroutine that closes is started.
              static final class SentBeforeLaunch {
                final Chan<Integer> out;

                SentBeforeLaunch(Chan<Integer> out) {
                  this.out = out;
                }

                void close() {
                  out.close();
                }

                static void use() {
                  SentBeforeLaunch s = new SentBeforeLaunch(Chan.make(1));
                  s.out.send(1);
                  Go.go(s::close);
                }
              }

              // The kernel's shape: the watcher, given the channel by its constructor, closes it
              // when it ends; the manager sends on it after the call that starts the watcher.
              static final class Watcher {
                final Chan<Boolean> destsCh;

                Watcher(Chan<Boolean> destsCh) {
                  this.destsCh = destsCh;
                }

                void run() {
                  System.out.println("watcher done");
                  destsCh.close();
                }

                static Watcher start() {
                  Chan<Boolean> destsCh = Chan.make();
                  Watcher w = new Watcher(destsCh);
                  Go.go(w::run);
                  return w;
                }

                static void updated() {
                  Watcher w = start();
                  // BUG: Diagnostic contains: 'destsCh' is sent on at line 164 after line 162 starts a goroutine that closes it at line 151, which never sends on it and waits for nothing first
                  w.destsCh.send(true);
                }

                // A done case beside the send does not help: a send case on a closed channel
                // throws when the select picks it.
                static void updatedOrCancelled(Context ctx) {
                  Watcher w = start();
                  Select.<Void>select()
                      // BUG: Diagnostic contains: 'destsCh' is sent on
                      .send(w.destsCh, false, () -> null)
                      .recv(ctx.done(), v -> null)
                      .run();
                }
              }

              // A goroutine lambda of the class closes its own field; the send follows the launch.
              static final class Stream {
                private final Chan<String> lines = Chan.make(16);

                void open() {
                  Go.go(() -> this.lines.close());
                  // BUG: Diagnostic contains: 'lines' is sent on
                  lines.trySend("header");
                }

                // Not placed against the launch (it may run before open()): not reported.
                void write(String line) {
                  lines.send(line);
                }

                static void use() {
                  Stream s = new Stream();
                  s.open();
                }

                void reopen() {
                  open();
                  // BUG: Diagnostic contains: 'lines' is sent on
                  this.lines.send("again");
                }
              }
            }
            """)
        .doTest();
  }
}
