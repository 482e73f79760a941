import dev.goconc.*;
import java.time.Duration;
import java.util.List;

/** Small cases in the style of goleak's examples: goroutines left behind by the function that started them. */
public class LeakCases {
  interface Api {
    String call(String q);
    boolean valid(String q);
  }

  /** The classic: validation fails after the request goroutine started, and nobody receives. */
  static String leakyOnError(Api api, String q) {
    Chan<String> resp = Chan.make();
    Go.go(() -> {
      String r = api.call(q);
      // BUG(GoroutineLeak): the invalid-query return below leaves this send without a receiver
      resp.send(r);
    });
    if (!api.valid(q)) {
      return "invalid";
    }
    return resp.receive();
  }

  static String receivesOnEveryPath(Api api, String q) {
    // OK(GoroutineLeak): both paths receive before returning
    Chan<String> resp = Chan.make();
    Go.go(() -> resp.send(api.call(q)));
    String r = resp.receive();
    return api.valid(q) ? r : "invalid";
  }

  /** A throw is an exit like a return: the sender stays blocked. */
  static String leakyOnThrow(Api api, List<String> qs) {
    Chan<String> out = Chan.make();
    for (String q : qs) {
      // BUG(GoroutineLeak): the throw below leaves the remaining senders blocked forever
      Go.go(() -> out.send(api.call(q)));
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < qs.size(); i++) {
      String r = out.receive();
      if (r.isEmpty()) {
        throw new IllegalStateException("empty answer");
      }
      b.append(r);
    }
    return b.toString();
  }

  /** The send sits in a private helper the goroutine calls. */
  static String leakyViaHelper(Api api, String q) {
    Chan<String> resp = Chan.make();
    Go.go(() -> deliver(resp, api.call(q)));
    return Select.<String>select()
        .recv(resp, r -> r)
        .recv(Time.after(Duration.ofMillis(200)), t -> "timeout")
        .run();
  }

  private static void deliver(SendChan<String> to, String value) {
    // BUG(GoroutineLeak): after leakyViaHelper's timeout nobody receives this send
    to.send(value);
  }

  /** A send on a local unbuffered channel with no goroutine that could receive it. */
  static int noReceiver(List<Integer> xs) {
    Chan<Integer> sum = Chan.make();
    int s = xs.stream().mapToInt(Integer::intValue).sum();
    // BUG(GoroutineLeak): unbuffered, and no goroutine exists to receive: this blocks forever
    sum.send(s);
    return sum.receive();
  }

  static int bufferedSelf(List<Integer> xs) {
    // OK(GoroutineLeak): one slot: the send completes without a receiver
    Chan<Integer> sum = Chan.make(1);
    sum.send(xs.stream().mapToInt(Integer::intValue).sum());
    return sum.receive();
  }

  /** The channel escapes to the caller: not judged. */
  static RecvChan<String> escapes(Api api, String q) {
    // OK(GoroutineLeak): returned: the caller is the receiver
    Chan<String> resp = Chan.make();
    Go.go(() -> resp.send(api.call(q)));
    return resp;
  }

  static String withDone(Context ctx, Api api, String q) {
    Chan<String> resp = Chan.make();
    // OK(GoroutineLeak): the send selects on ctx.done()
    Go.go(() -> Select.<Void>select().send(resp, api.call(q), () -> null).recv(ctx.done(), d -> null).run());
    return Select.<String>select().recv(resp, r -> r).recv(ctx.done(), d -> "cancelled").run();
  }

  /** A worker with a done channel, and one without. */
  static void workers(Chan<Void> quit, Api api) {
    Go.go(() -> {
      // OK(GoroutineLeak): the loop returns once quit is closed
      while (true) {
        if (quit.tryReceive().isPresent()) {
          return;
        }
        api.call("heartbeat");
      }
    });
    Go.go(() -> {
      // BUG(GoroutineLeak): heartbeats forever: no return, no break, no done channel
      while (true) {
        api.call("heartbeat");
        Time.after(Duration.ofSeconds(1)).receive();
      }
    });
  }
}
