// Program: small cases of the abandoned sender: unbuffered result channels and parents that may leave without receiving.
import dev.goconc.*;
import java.time.Duration;
import java.util.function.Supplier;

final class AbandonedSender {
  static String withTimeout(Supplier<String> work) {
    Chan<String> result = Chan.make();
    // BUG(GoroutineLeak): on timeout nobody receives and the send blocks forever
    Go.go(() -> result.send(work.get()));
    return Select.<String>select()
        .recv(result, r -> r)
        .recv(Time.after(Duration.ofSeconds(1)), t -> "timeout")
        .run();
  }

  static String withContext(Context ctx, Supplier<String> work) {
    Chan<String> result = Chan.make();
    // BUG(GoroutineLeak): the ctx.done() case leaves without receiving
    Go.go(() -> result.send(work.get()));
    return Select.<String>select()
        .recv(result, r -> r)
        .recv(ctx.done(), d -> "cancelled")
        .run();
  }

  static String throwsFirst(Supplier<String> work, boolean valid) {
    Chan<String> result = Chan.make();
    // BUG(GoroutineLeak): the throw leaves before the receive
    Go.go(() -> result.send(work.get()));
    if (!valid) {
      throw new IllegalArgumentException("invalid");
    }
    return result.receive();
  }

  static String buffered(Supplier<String> work) {
    // OK(GoroutineLeak): one slot, the send never blocks
    Chan<String> result = Chan.make(1);
    Go.go(() -> result.send(work.get()));
    return Select.<String>select()
        .recv(result, r -> r)
        .recv(Time.after(Duration.ofSeconds(1)), t -> "timeout")
        .run();
  }

  static RecvChan<String> escapes(Supplier<String> work) {
    Chan<String> result = Chan.make();
    // OK(GoroutineLeak): the channel is returned; its receiver is elsewhere
    Go.go(() -> result.send(work.get()));
    return result;
  }

  static String alwaysReceives(Supplier<String> work) {
    Chan<String> result = Chan.make();
    // OK(GoroutineLeak): the parent receives on every path
    Go.go(() -> result.send(work.get()));
    return result.receive();
  }
}
