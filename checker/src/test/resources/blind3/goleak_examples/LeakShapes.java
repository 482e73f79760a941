import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;

/** The leaks goleak reports at run time, in shapes visible at compile time. */
class LeakShapes {
  static int sendWithoutReceiver() {
    Chan<Integer> ch = Chan.make();
    // BUG(GoroutineLeak): unbuffered send and no goroutine that could receive it: blocks for ever
    ch.send(42);
    return ch.receive();
  }

  static int sendIntoRoom() {
    Chan<Integer> ch = Chan.make(1);
    // OK(GoroutineLeak): one slot for the one send
    ch.send(42);
    return ch.receive();
  }

  static int abandonedOnCancel(Context ctx) {
    Chan<Integer> result = Chan.make();
    Go.go(() -> {
      // BUG(GoroutineLeak): the parent may leave on ctx.done() and nobody receives this
      result.send(compute());
    });
    return Select.<Integer>select()
        .recv(result, v -> v)
        .recv(ctx.done(), x -> -1)
        .run();
  }

  static int receivedOnEveryPath() {
    Chan<Integer> result = Chan.make();
    Go.go(() -> {
      // OK(GoroutineLeak): the parent receives on its only path
      result.send(compute());
    });
    return result.receive();
  }

  static RecvChan<Integer> escaped() {
    Chan<Integer> result = Chan.make();
    Go.go(() -> {
      // OK(GoroutineLeak): the channel is returned: its receiver is the caller's business
      result.send(compute());
    });
    return result;
  }

  static void spinner() {
    Go.go(() -> {
      long n = 0;
      // BUG(GoroutineLeak): a background loop with no way out and no done channel
      while (true) {
        n += compute();
        Time.after(Duration.ofMillis(10)).receive();
      }
    });
  }

  static void spinnerWithDone(RecvChan<Void> done) {
    Go.go(() -> {
      long n = 0;
      // OK(GoroutineLeak): the loop observes a done channel
      while (true) {
        boolean stop = Select.<Boolean>select()
            .recv(done, x -> true)
            .recv(Time.after(Duration.ofMillis(10)), t -> false)
            .run();
        if (stop) {
          return;
        }
        n += compute();
      }
    });
  }

  static int compute() {
    return 7;
  }
}
