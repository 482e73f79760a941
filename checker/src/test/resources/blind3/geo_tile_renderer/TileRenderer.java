import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Renders the map tiles of a bounding box at one zoom level with a bounded number of renderers. */
final class TileRenderer {
  record Tile(int z, int x, int y) {}

  record Png(Tile tile, byte[] bytes) {}

  interface Style {
    byte[] render(Context ctx, Tile t);
  }

  static List<Tile> tiles(int z, int x0, int x1, int y0, int y1) {
    return IntStream.rangeClosed(x0, x1)
        .boxed()
        .flatMap(x -> IntStream.rangeClosed(y0, y1).mapToObj(y -> new Tile(z, x, y)))
        .toList();
  }

  static List<Png> renderAll(Context ctx, Style style, List<Tile> tiles, int renderers) {
    // OK(GoroutineLeak): as many slots as tiles, so no renderer blocks even if we stop early
    Chan<Png> out = Chan.make(tiles.size());
    ErrGroup g = ErrGroup.withContext(ctx);
    g.setLimit(renderers);
    for (Tile t : tiles) {
      g.go(() -> out.send(new Png(t, style.render(g.context(), t))));
    }
    Throwable err = g.await();
    if (err != null) {
      throw new IllegalStateException("render failed", err);
    }
    // every renderer has finished, so every rendered tile is already buffered: take them without blocking
    List<Png> pngs = new ArrayList<>(tiles.size());
    for (var r = out.tryReceive(); r.isPresent(); r = out.tryReceive()) {
      pngs.add(r.get().value());
    }
    return pngs;
  }
}
