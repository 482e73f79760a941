import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.function.Supplier;

/** Cases in the style of goleak's examples: goroutines that outlive their caller. */
class LeakCases {
  static String slow() {
    return "x";
  }

  String timeoutLeak() {
    Chan<String> ch = Chan.make();
    Go.go(() -> {
      // BUG(GoroutineLeak): after the timeout nobody receives
      ch.send(slow());
    });
    return Select.<String>select().recv(ch, s -> s).recv(Time.after(Duration.ofMillis(10)), t -> "timeout").run();
  }

  String timeoutBuffered() {
    // OK(GoroutineLeak): one slot for the one send
    Chan<String> ch = Chan.make(1);
    Go.go(() -> ch.send(slow()));
    return Select.<String>select().recv(ch, s -> s).recv(Time.after(Duration.ofMillis(10)), t -> "timeout").run();
  }

  String ctxLeak(Context ctx) {
    Chan<String> ch = Chan.make();
    Go.go(() -> {
      // BUG(GoroutineLeak): the ctx.done() return leaves the sender blocked
      ch.send(slow());
    });
    return Select.<String>select().recv(ch, s -> s).recv(ctx.done(), d -> null).run();
  }

  String ctxNoLeak(Context ctx) {
    Chan<String> ch = Chan.make();
    Go.go(() -> {
      // OK(GoroutineLeak): the send is in a select with ctx.done()
      Select.<Void>select().send(ch, slow(), () -> null).recv(ctx.done(), d -> null).run();
    });
    return Select.<String>select().recv(ch, s -> s).recv(ctx.done(), d -> null).run();
  }

  void sendWithNoReceiver() {
    Chan<Integer> ch = Chan.make();
    // BUG(GoroutineLeak): no goroutine exists that could receive; this send blocks forever
    ch.send(42);
  }

  void sendIntoRoom() {
    // OK(GoroutineLeak): the buffer has room for the send
    Chan<Integer> ch = Chan.make(1);
    ch.send(42);
    ch.receive();
  }

  void spinner(Supplier<Boolean> poll) {
    Go.go(() -> {
      // BUG(GoroutineLeak): an infinite loop with no way out and no cancellation
      while (true) {
        poll.get();
      }
    });
  }

  void tickerDaemon(Runnable beat) {
    Go.go(() -> {
      // OK(TickerNotStopped): an infinite loop follows: no exit to judge
      Ticker t = Time.newTicker(Duration.ofSeconds(1));
      // BUG(GoroutineLeak): loops forever over a ticker with no exit
      for (;;) {
        t.c().receive();
        beat.run();
      }
    });
  }

  void tickerWithDone(Runnable beat, RecvChan<Void> done) {
    Go.go(() -> {
      // OK(TickerNotStopped): try-with-resources
      try (Ticker t = Time.newTicker(Duration.ofSeconds(1))) {
        // OK(GoroutineLeak): the done channel's receive case is the way out
        while (true) {
          boolean more = Select.<Boolean>select().recv(t.c(), x -> true).recv(done, d -> false).run();
          if (!more) {
            return;
          }
          beat.run();
        }
      }
    });
  }

  RecvChan<String> escapes() {
    Chan<String> ch = Chan.make();
    // OK(GoroutineLeak): the channel is returned; its receiver is not in this method
    Go.go(() -> ch.send(slow()));
    return ch;
  }

  String receivesOnEveryPath() {
    Chan<String> ch = Chan.make();
    // OK(GoroutineLeak): the parent always receives
    Go.go(() -> ch.send(slow()));
    return ch.receive();
  }

  String earlyReturn(boolean cached) {
    Chan<String> ch = Chan.make();
    Go.go(() -> {
      // BUG(GoroutineLeak): the cached return leaves before the receive
      ch.send(slow());
    });
    if (cached) {
      return "cached";
    }
    return ch.receive();
  }
}
