import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Scatter-gather with a deadline; every goroutine can always finish. */
final class Scatter {
  record Hit(String backend, String doc) {}

  private final List<String> backends;
  private final BiFunction<Context, String, String> call;

  Scatter(List<String> backends, BiFunction<Context, String, String> call) {
    this.backends = backends;
    this.call = call;
  }

  List<Hit> gather(Context parent, Duration timeout) {
    try (CancelContext ctx = Context.withTimeout(parent, timeout)) {
      Chan<Hit> hits = Chan.make(backends.size());
      for (String b : backends) {
        Go.go(
            () -> {
              String doc = call.apply(ctx, b);
              // OK(GoroutineLeak): the channel has a slot for every backend, so the send never blocks
              hits.send(new Hit(b, doc));
            });
      }
      List<Hit> out = new ArrayList<>();
      for (int i = 0; i < backends.size(); i++) {
        Hit h = Select.<Hit>select().recv(hits, x -> x).recv(ctx.done(), d -> null).run();
        if (h == null) {
          break;
        }
        out.add(h);
      }
      return out;
    }
  }

  /** Variant with an unbuffered channel: the sender selects on the context. */
  List<Hit> gatherUnbuffered(Context parent, Duration timeout) {
    try (var ctx = Context.withTimeout(parent, timeout)) {
      Chan<Hit> hits = Chan.make();
      backends.forEach(
          b ->
              Go.go(
                  () -> {
                    Hit h = new Hit(b, call.apply(ctx, b));
                    // OK(GoroutineLeak): the send races ctx.done(), which the deferred cancel closes
                    Select.<Boolean>select()
                        .send(hits, h, () -> true)
                        .recv(ctx.done(), d -> false)
                        .run();
                  }));
      List<Hit> out = new ArrayList<>();
      while (out.size() < backends.size()) {
        Hit h = Select.<Hit>select().recv(hits, x -> x).recv(ctx.done(), d -> null).run();
        if (h == null) {
          return out;
        }
        out.add(h);
      }
      return out;
    }
  }
}
