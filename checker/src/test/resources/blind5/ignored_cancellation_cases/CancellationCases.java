import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.List;

/** Cases for loops that block with a Context in scope. */
class CancellationCases {
  int receiveLoop(Context ctx, RecvChan<Integer> in, int n) {
    int sum = 0;
    // BUG(IgnoredCancellation): blocks on receive n times, never looks at ctx
    for (int i = 0; i < n; i++) {
      sum += in.receive();
    }
    return sum;
  }

  void sendLoop(Context ctx, Chan<String> out, List<String> items) {
    // BUG(IgnoredCancellation): each send can block; ctx is never consulted
    for (String s : items) {
      out.send(s);
    }
  }

  void pollingLoop(Context ctx, Runnable poll) {
    // BUG(IgnoredCancellation): sleeps on Time.after forever-ish with ctx in scope, never checks it
    while (true) {
      Time.after(Duration.ofSeconds(1)).receive();
      poll.run();
    }
  }

  void sleepLoop(Context ctx, Runnable poll, int times) throws InterruptedException {
    // BUG(IgnoredCancellation): Thread.sleep blocks, ctx never observed
    for (int i = 0; i < times; i++) {
      poll.run();
      Thread.sleep(1000);
    }
  }

  void awaitLoop(Context ctx, List<List<Runnable>> waves) {
    // BUG(IgnoredCancellation): WaitGroup.await per wave, ctx never observed
    for (List<Runnable> wave : waves) {
      WaitGroup wg = new WaitGroup();
      wave.forEach(wg::go);
      wg.await();
    }
  }

  int receiveLoopWithDone(Context ctx, RecvChan<Integer> in, int n) {
    int sum = 0;
    // OK(IgnoredCancellation): select with ctx.done()
    for (int i = 0; i < n; i++) {
      Integer v = Select.<Integer>select().recv(in, x -> x).recv(ctx.done(), d -> null).run();
      if (v == null) {
        break;
      }
      sum += v;
    }
    return sum;
  }

  void sendLoopChecksErr(Context ctx, Chan<String> out, List<String> items) {
    // OK(IgnoredCancellation): checks ctx.err() each iteration
    for (String s : items) {
      if (ctx.err() != null) {
        return;
      }
      out.send(s);
    }
  }

  void localBufferCoversSends(Context ctx, List<String> items) {
    Chan<String> local = Chan.make(items.size());
    // OK(IgnoredCancellation): the local channel's capacity covers every send, nothing blocks
    for (String s : items) {
      local.send(s);
    }
    local.close();
  }

  int rangeOverChannel(Context ctx, List<Integer> values) {
    Chan<Integer> in = Chan.make();
    Go.go(() -> {
      try {
        values.forEach(in::send);
      } finally {
        in.close();
      }
    });
    int sum = 0;
    // OK(IgnoredCancellation): a loop that ends when the channel closes is UnclosedChannel's domain
    for (Integer v : in) {
      sum += v;
    }
    return sum;
  }

  void derivedContext(Context ctx, RecvChan<String> in, int n) {
    ErrGroup g = ErrGroup.withContext(ctx);
    Context gctx = g.context();
    // OK(IgnoredCancellation): observes the group's derived context
    for (int i = 0; i < n; i++) {
      String s = Select.<String>select().recv(in, x -> x).recv(gctx.done(), d -> null).run();
      if (s == null) {
        return;
      }
    }
  }

  void nonBlocking(Context ctx, Chan<String> out, List<String> items) {
    // OK(IgnoredCancellation): trySend and otherwise never block
    for (String s : items) {
      if (!out.trySend(s)) {
        Select.<Void>select().send(out, s, () -> null).otherwise(() -> null).run();
      }
    }
  }
}
