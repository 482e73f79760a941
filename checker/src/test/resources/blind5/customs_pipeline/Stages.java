import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.util.function.Function;
import java.util.function.Predicate;

/** Generic pipeline stages: every stage owns its output and closes it. */
final class Stages {
  private Stages() {}

  static <T> RecvChan<T> source(Context ctx, Iterable<T> items) {
    Chan<T> out = Chan.make();
    Go.go(() -> {
      try {
        for (T item : items) {
          if (!offer(ctx, out, item)) {
            return;
          }
        }
      } finally {
        // OK(UnclosedChannel): closed in finally, also on the cancelled return
        out.close();
      }
    });
    return out;
  }

  static <A, B> RecvChan<B> map(Context ctx, RecvChan<A> in, Function<? super A, ? extends B> f) {
    Chan<B> out = Chan.make();
    Go.go(() -> {
      try {
        for (A a : in) {
          if (!offer(ctx, out, f.apply(a))) {
            return;
          }
        }
      } finally {
        out.close();
      }
    });
    return out;
  }

  static <T> RecvChan<T> filter(Context ctx, RecvChan<T> in, Predicate<? super T> keep) {
    Chan<T> out = Chan.make();
    Go.go(() -> {
      try {
        for (T t : in) {
          if (keep.test(t) && !offer(ctx, out, t)) {
            return;
          }
        }
      } finally {
        out.close();
      }
    });
    return out;
  }

  /** Sends unless the pipeline is cancelled first. */
  static <T> boolean offer(Context ctx, Chan<T> out, T value) {
    // OK(GoroutineLeak): send in a select with ctx.done()
    return Select.<Boolean>select().send(out, value, () -> true).recv(ctx.done(), d -> false).run();
  }
}
