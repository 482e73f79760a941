// Program: small cases of loops that block with a context in scope but never look at it.
import dev.goconc.*;
import java.time.Duration;
import java.util.List;

final class IgnoredCancel {
  static void forward(Context ctx, List<String> items, SendChan<String> out) {
    // BUG(IgnoredCancellation): each send can block; ctx is never consulted
    for (String s : items) {
      out.send(s);
    }
  }

  static void batchesOfGroups(Context ctx, List<List<Runnable>> batches) {
    // BUG(IgnoredCancellation): await blocks per batch and ctx is never checked
    for (List<Runnable> batch : batches) {
      WaitGroup wg = new WaitGroup();
      batch.forEach(wg::go);
      wg.await();
    }
  }

  static int pollEvery(Context ctx, java.util.function.BooleanSupplier ready) {
    int polls = 0;
    // BUG(IgnoredCancellation): waits on Time.after each round without ctx
    while (!ready.getAsBoolean()) {
      Time.after(Duration.ofMillis(100)).receive();
      polls++;
    }
    return polls;
  }

  static void forwardChecked(Context ctx, List<String> items, SendChan<String> out) {
    // OK(IgnoredCancellation): checks ctx.err() every round
    for (String s : items) {
      if (ctx.err() != null) {
        return;
      }
      out.send(s);
    }
  }

  static void roomyLocal(Context ctx, List<String> items) {
    Chan<String> buf = Chan.make(items.size());
    // OK(IgnoredCancellation): the local channel has room for every send, nothing blocks
    for (String s : items) {
      buf.send(s);
    }
    buf.close();
  }

  static void rangeOverChannel(Context ctx, RecvChan<String> in) {
    // OK(IgnoredCancellation): a loop that ends when the channel closes is UnclosedChannel's domain
    for (String s : in) {
      System.out.println(s);
    }
  }

  static void derived(Context ctx, List<Runnable> jobs, Chan<Runnable> queue) {
    ErrGroup g = ErrGroup.withContext(ctx);
    Context gctx = g.context();
    // OK(IgnoredCancellation): observes the group's derived context
    for (Runnable j : jobs) {
      Select.<Void>select().send(queue, j, () -> null).recv(gctx.done(), d -> null).run();
    }
    g.await();
  }
}
