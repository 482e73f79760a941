import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Select;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** extract -> transform -> load, three stages in an errgroup: the first error cancels the rest. */
final class Etl {
  record Raw(String line) {}

  record Clean(String key, long amount) {}

  static long run(Context parent, List<String> lines) throws Throwable {
    ErrGroup g = ErrGroup.withContext(parent);
    Context ctx = g.context();
    Chan<Raw> raw = Chan.make(16);
    Chan<Clean> clean = Chan.make(16);
    AtomicLong loaded = new AtomicLong();
    g.go(
        () -> {
          try {
            for (String l : lines) {
              if (!sendOrDone(ctx, raw, new Raw(l))) {
                return;
              }
            }
          } finally {
            raw.close();
          }
        });
    g.go(
        () -> {
          try {
            for (Raw r : raw) {
              String[] kv = r.line().split("=");
              if (kv.length != 2) {
                throw new IllegalArgumentException("bad record " + r.line());
              }
              if (!sendOrDone(ctx, clean, new Clean(kv[0], Long.parseLong(kv[1])))) {
                return;
              }
            }
          } finally {
            // OK(UnclosedChannel): closed in finally, also on the throw
            clean.close();
          }
        });
    g.go(
        () -> {
          for (Clean c : clean) {
            loaded.addAndGet(c.amount());
          }
        });
    Throwable err = g.await();
    if (err != null) {
      throw err;
    }
    return loaded.get();
  }

  private static <T> boolean sendOrDone(Context ctx, Chan<T> out, T v) {
    return Select.<Boolean>select().send(out, v, () -> true).recv(ctx.done(), d -> false).run();
  }
}
