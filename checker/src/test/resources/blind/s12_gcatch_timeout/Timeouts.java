import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.function.Supplier;

class Timeouts {
  static String withTimeout(Supplier<String> slow) {
    Chan<String> ch = Chan.make();
    Go.go(
        () -> {
          // BUG(GoroutineLeak): unbuffered; after the timeout nobody receives
          ch.send(slow.get());
        });
    return Select.<String>select().recv(ch, v -> v).recv(Time.after(Duration.ofSeconds(1)), t -> "timeout").run();
  }

  static String withCtx(Context ctx, Supplier<String> slow) {
    Chan<String> ch = Chan.make();
    Go.go(
        () -> {
          String v = slow.get();
          // BUG(GoroutineLeak): the parent can leave on ctx.done() without receiving
          ch.send(v);
        });
    return Select.<String>select().recv(ch, v -> v).recv(ctx.done(), d -> "cancelled").run();
  }

  static String buffered(Supplier<String> slow) {
    Chan<String> ch = Chan.make(1);
    // OK(GoroutineLeak): room for the one send
    Go.go(() -> ch.send(slow.get()));
    return Select.<String>select().recv(ch, v -> v).recv(Time.after(Duration.ofSeconds(1)), t -> "timeout").run();
  }

  static String selectWithDone(Context ctx, Supplier<String> slow) {
    Chan<String> ch = Chan.make();
    Go.go(
        () -> {
          String v = slow.get();
          // OK(GoroutineLeak): the send selects on ctx.done()
          Select.<Void>select().send(ch, v, () -> null).recv(ctx.done(), d -> null).run();
        });
    return Select.<String>select().recv(ch, v -> v).recv(ctx.done(), d -> "cancelled").run();
  }

  static RecvChan<String> escapes(Supplier<String> slow) {
    Chan<String> ch = Chan.make();
    // OK(GoroutineLeak): the channel escapes to the caller
    Go.go(() -> ch.send(slow.get()));
    return ch;
  }

  static String alwaysReceives(Supplier<String> slow) {
    Chan<String> ch = Chan.make();
    // OK(GoroutineLeak): the parent receives on every path
    Go.go(() -> ch.send(slow.get()));
    return ch.receive();
  }

  static void selfDeadlock() {
    Chan<Integer> ch = Chan.make();
    // BUG(GoroutineLeak): no goroutine exists that could receive: the send blocks forever
    ch.send(42);
    System.out.println(ch.receive());
  }
}
