import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Renders map tiles for a zoom level: a generic pipeline of stages over channels. */
public class TileRenderer {
  public record TileId(int z, int x, int y) {}
  public record Vector(TileId id, List<String> features) {}
  public record Raster(TileId id, byte[] png) {}

  /** Generic source: emits every item, then closes. */
  static <T> RecvChan<T> source(Context ctx, List<T> items) {
    Chan<T> out = Chan.make();
    Go.go(() -> {
      try {
        for (T t : items) {
          boolean stop = Select.<Boolean>select().send(out, t, () -> false).recv(ctx.done(), d -> true).run();
          if (stop) {
            return;
          }
        }
      } finally {
        // OK(UnclosedChannel): closed in finally
        out.close();
      }
    });
    return out;
  }

  /** Generic parallel stage: n workers, the output closed once all of them are done. */
  static <A, B> RecvChan<B> parallel(Context ctx, RecvChan<A> in, int n, Function<A, B> f) {
    Chan<B> out = Chan.make(n);
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < n; i++) {
      wg.go(() -> {
        for (A a : in) {
          B b = f.apply(a);
          boolean stop = Select.<Boolean>select().send(out, b, () -> false).recv(ctx.done(), d -> true).run();
          if (stop) {
            return;
          }
        }
      });
    }
    Go.go(() -> {
      wg.await();
      out.close();
    });
    return out;
  }

  /** The first version of the stage: workers forgot nothing, but the closer was left out. */
  static <A, B> RecvChan<B> parallelBroken(RecvChan<A> in, int n, Function<A, B> f) {
    Chan<B> out = Chan.make(n);
    // BUG(UnclosedChannel): n forwarders and no closer: out is never closed, so downstream ranges never end
    for (int i = 0; i < n; i++) {
      Go.go(() -> {
        for (A a : in) {
          out.send(f.apply(a));
        }
      });
    }
    return out;
  }

  public static List<Raster> render(Context ctx, int zoom) {
    List<TileId> ids = new ArrayList<>();
    int side = 1 << zoom;
    for (int x = 0; x < side; x++) {
      for (int y = 0; y < side; y++) {
        ids.add(new TileId(zoom, x, y));
      }
    }
    RecvChan<Vector> vectors = parallel(ctx, source(ctx, ids), 4, id -> new Vector(id, List.of("water")));
    RecvChan<Raster> rasters = parallel(ctx, vectors, 4, v -> new Raster(v.id(), new byte[64]));
    List<Raster> out = new ArrayList<>();
    // OK(UnclosedChannel): parallel() closes its output after its wait group
    for (Raster r : rasters) {
      out.add(r);
    }
    return out;
  }

  public static List<Raster> renderBroken(List<TileId> ids) {
    Chan<TileId> in = Chan.make(ids.size());
    ids.forEach(in::send);
    in.close();
    List<Raster> out = new ArrayList<>();
    for (Raster r : parallelBroken(in, 4, id -> new Raster(id, new byte[64]))) {
      out.add(r);
    }
    return out;
  }
}
