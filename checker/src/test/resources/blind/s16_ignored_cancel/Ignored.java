import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.SendChan;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.List;

class Ignored {
  static void forward(Context ctx, List<String> xs, SendChan<String> out) {
    // BUG(IgnoredCancellation): each send can block but the loop never watches ctx
    for (String x : xs) {
      out.send(x);
    }
  }

  static void pollSlowly(Context ctx, List<Runnable> steps) {
    // BUG(IgnoredCancellation): waits on Time.after each step with ctx in scope but never observed
    for (Runnable s : steps) {
      s.run();
      Time.after(Duration.ofMillis(100)).receive();
    }
  }

  static void forwardOrStop(Context ctx, List<String> xs, SendChan<String> out) {
    // OK(IgnoredCancellation): the select includes ctx.done()
    for (String x : xs) {
      boolean ok = Select.<Boolean>select().send(out, x, () -> true).recv(ctx.done(), d -> false).run();
      if (!ok) {
        return;
      }
    }
  }

  static int roomForEverySend(Context ctx, List<Integer> xs) {
    Chan<Integer> local = Chan.make(xs.size());
    // OK(IgnoredCancellation): the local channel has room for every send; nothing blocks
    for (int x : xs) {
      local.send(x * 2);
    }
    return local.len();
  }

  static void derived(Context ctx, List<String> xs, SendChan<String> out) throws Throwable {
    ErrGroup g = ErrGroup.withContext(ctx);
    Context gctx = g.context();
    g.go(
        () -> {
          // OK(IgnoredCancellation): observes the group's context, derived from ctx
          for (String x : xs) {
            if (gctx.err() != null) {
              return;
            }
            out.send(x);
          }
        });
    g.await();
  }

  static int noBlocking(Context ctx, List<String> xs) {
    int n = 0;
    // OK(IgnoredCancellation): nothing in the loop can block
    for (String x : xs) {
      n += x.length();
    }
    return n;
  }
}
