import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.List;

/** Loops that block with a context in scope. */
class CancellationShapes {
  static void sleepyPoll(Context ctx, Runnable poll) throws InterruptedException {
    // BUG(IgnoredCancellation): Thread.sleep in a loop, ctx never consulted
    for (int i = 0; i < 100; i++) {
      poll.run();
      Thread.sleep(1000);
    }
  }

  static int receiveN(Context ctx, Chan<Integer> in, int n) {
    int sum = 0;
    int i = 0;
    // BUG(IgnoredCancellation): a do/while of blocking receives
    do {
      sum += in.receive();
      i++;
    } while (i < n);
    return sum;
  }

  static void waitRounds(Context ctx, List<List<Runnable>> rounds) {
    // BUG(IgnoredCancellation): WaitGroup.await blocks each round; ctx is never looked at
    for (List<Runnable> round : rounds) {
      WaitGroup wg = new WaitGroup();
      round.forEach(wg::go);
      wg.await();
    }
  }

  static int receiveNObserved(Context ctx, Chan<Integer> in, int n) {
    int sum = 0;
    // OK(IgnoredCancellation): checks ctx.err() every iteration
    for (int i = 0; i < n && ctx.err() == null; i++) {
      sum += in.receive();
    }
    return sum;
  }

  static void ticksUntilDone(Context ctx, Runnable tick) {
    // OK(IgnoredCancellation): selects on ctx.done()
    while (Select.<Boolean>select()
        .recv(Time.after(Duration.ofSeconds(1)), t -> true)
        .recv(ctx.done(), x -> false)
        .run()) {
      tick.run();
    }
  }

  static Throwable groupRounds(Context ctx, List<List<ErrGroup.Task>> rounds) {
    ErrGroup outer = ErrGroup.withContext(ctx);
    Context derived = outer.context();
    // OK(IgnoredCancellation): observes the group's context, derived from ctx
    for (List<ErrGroup.Task> round : rounds) {
      if (derived.err() != null) {
        return derived.err();
      }
      WaitGroup wg = new WaitGroup();
      round.forEach(t -> wg.go(() -> {
        try {
          t.run();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
      wg.await();
    }
    return outer.await();
  }

  static void nonBlocking(Context ctx, Chan<Integer> out, List<Integer> xs) {
    // OK(IgnoredCancellation): trySend never blocks
    for (int x : xs) {
      if (!out.trySend(x)) {
        break;
      }
    }
  }
}
