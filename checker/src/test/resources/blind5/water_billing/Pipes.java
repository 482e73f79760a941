import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.SendChan;
import dev.goconc.Select;
import java.util.List;
import java.util.function.Function;

/** Small generic channel helpers used by the billing run. */
interface Pipes {
  /** Emits the items, closing the channel when done or cancelled. */
  static <T> RecvChan<T> emit(Context ctx, List<T> items) {
    Chan<T> out = Chan.make();
    Go.go(() -> pump(ctx, items, out));
    return out;
  }

  /** Sends every item then closes: the callee owns the close. */
  private static <T> void pump(Context ctx, List<T> items, SendChan<T> out) {
    try {
      for (T t : items) {
        if (!Select.<Boolean>select().send(out, t, () -> true).recv(ctx.done(), d -> false).run()) {
          return;
        }
      }
    } finally {
      // OK(ReceiverSideClose): pump is the sender
      out.close();
    }
  }

  /** Applies f on {@code n} workers; the output closes after the last worker. */
  static <A, B> RecvChan<B> parallelMap(Context ctx, RecvChan<A> in, int n, Function<A, B> f) {
    Chan<B> out = Chan.make(n);
    dev.goconc.WaitGroup wg = new dev.goconc.WaitGroup();
    for (int i = 0; i < n; i++) {
      wg.go(() -> {
        for (A a : in) {
          B b = f.apply(a);
          if (!Select.<Boolean>select().send(out, b, () -> true).recv(ctx.done(), d -> false).run()) {
            return;
          }
        }
      });
    }
    // OK(UnclosedChannel): closer after all workers
    Go.go(() -> {
      wg.await();
      out.close();
    });
    return out;
  }
}
