import dev.goconc.*;
import java.time.Duration;
import java.util.List;

/** Small cases: loops that block with a context in scope. */
public class IgnoredCases {
  static int receiveLoop(Context ctx, RecvChan<Integer> in) {
    int s = 0;
    // BUG(IgnoredCancellation): blocks on receive every round, never looks at ctx
    for (int i = 0; i < 1000; i++) {
      s += in.receive();
    }
    return s;
  }

  static void awaitLoop(Context ctx, List<List<Runnable>> waves) {
    // BUG(IgnoredCancellation): each wave's await blocks; the loop never observes ctx
    for (List<Runnable> wave : waves) {
      WaitGroup wg = new WaitGroup();
      wave.forEach(wg::go);
      // OK(WaitGroupAwaitInLaunchLoop): a fresh group per wave, awaited after its own launches
      wg.await();
    }
  }

  static void pollEvery(Context ctx, Runnable poll) {
    // BUG(IgnoredCancellation): Time.after blocks each round and ctx is never checked
    while (true) {
      poll.run();
      Time.after(Duration.ofSeconds(5)).receive();
    }
  }

  static void lambdaSeesContext(Context ctx, Chan<String> out, List<String> items) {
    Go.go(() -> {
      // BUG(IgnoredCancellation): the goroutine captured ctx and blocks on sends without observing it
      for (String s : items) {
        out.send(s);
      }
    });
  }

  static int receiveLoopOk(Context ctx, RecvChan<Integer> in) {
    int s = 0;
    // OK(IgnoredCancellation): each receive selects on ctx.done()
    for (int i = 0; i < 1000; i++) {
      Integer x = Select.<Integer>select().recv(in, v -> v).recv(ctx.done(), d -> null).run();
      if (x == null) {
        break;
      }
      s += x;
    }
    return s;
  }

  static void derived(Context ctx, Runnable poll) {
    try (CancelContext child = Context.withTimeout(ctx, Duration.ofMinutes(1))) {
      // OK(IgnoredCancellation): observes a context derived from the one in scope
      while (child.err() == null) {
        poll.run();
        Select.<Void>select().recv(Time.after(Duration.ofSeconds(5)), t -> null).recv(child.done(), d -> null).run();
      }
    }
  }

  static int rangeLoop(Context ctx, RecvChan<Integer> in) {
    int s = 0;
    // OK(IgnoredCancellation): a loop that ends when the channel closes is UnclosedChannel's domain
    for (int x : in) {
      s += x;
    }
    return s;
  }

  static void roomyLocal(Context ctx, List<String> items) {
    Chan<String> buf = Chan.make(items.size());
    // OK(IgnoredCancellation): sends into a local channel with room for every send cannot block
    for (String s : items) {
      buf.send(s);
    }
    buf.close();
  }

  static void nonBlocking(Context ctx, RecvChan<String> in) {
    // OK(IgnoredCancellation): a select with otherwise never blocks, and the loop is bounded
    for (int i = 0; i < 10; i++) {
      Select.<Void>select().recv(in, s -> null).otherwise(() -> null).run();
    }
  }
}
