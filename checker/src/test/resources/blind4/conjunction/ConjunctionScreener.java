import dev.goconc.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Screens a satellite catalog for close approaches: pairs split into bands, screened by an ErrGroup. */
public class ConjunctionScreener {
  public record StateVector(String noradId, double x, double y, double z, double vx, double vy, double vz) {}
  public record Conjunction(String a, String b, double missKm, double tcaSeconds) {}

  private final double thresholdKm;
  private final double horizonSeconds;

  public ConjunctionScreener(double thresholdKm, double horizonSeconds) {
    this.thresholdKm = thresholdKm;
    this.horizonSeconds = horizonSeconds;
  }

  public List<Conjunction> screen(Context ctx, List<StateVector> catalog, int bands) {
    List<Conjunction> found = Collections.synchronizedList(new ArrayList<>());
    ErrGroup g = ErrGroup.withContext(ctx);
    g.setLimit(Math.max(1, Runtime.getRuntime().availableProcessors()));
    for (int band = 0; band < bands; band++) {
      int b = band;
      g.go(() -> {
        for (int i = b; i < catalog.size(); i += bands) {
          if (g.context().err() != null) {
            return;
          }
          for (int j = i + 1; j < catalog.size(); j++) {
            closest(catalog.get(i), catalog.get(j)).ifPresent(found::add);
          }
        }
      });
    }
    Throwable err = g.await();
    if (err != null) {
      throw new IllegalStateException(err);
    }
    found.sort((p, q) -> Double.compare(p.missKm(), q.missKm()));
    return found;
  }

  java.util.Optional<Conjunction> closest(StateVector a, StateVector b) {
    double rx = b.x() - a.x(), ry = b.y() - a.y(), rz = b.z() - a.z();
    double vx = b.vx() - a.vx(), vy = b.vy() - a.vy(), vz = b.vz() - a.vz();
    double vv = vx * vx + vy * vy + vz * vz;
    double t = vv == 0 ? 0 : Math.max(0, Math.min(horizonSeconds, -(rx * vx + ry * vy + rz * vz) / vv));
    double dx = rx + vx * t, dy = ry + vy * t, dz = rz + vz * t;
    double miss = Math.sqrt(dx * dx + dy * dy + dz * dz);
    return miss < thresholdKm
        ? java.util.Optional.of(new Conjunction(a.noradId(), b.noradId(), miss, t))
        : java.util.Optional.empty();
  }

  /** Screens one new object against the catalog with a wait group; results gathered under a lock. */
  public List<Conjunction> screenOne(StateVector fresh, List<StateVector> catalog) {
    List<Conjunction> out = new ArrayList<>();
    WaitGroup wg = new WaitGroup();
    for (StateVector other : catalog) {
      wg.add(1);
      Go.go(() -> {
        try {
          closest(fresh, other).ifPresent(c -> {
            synchronized (out) {
              out.add(c);
            }
          });
        } finally {
          // OK(WaitGroupDoneNotInFinally): done in finally
          wg.done();
        }
      });
    }
    // OK(WaitGroupAwaitHoldingLock): out's monitor is only taken inside the goroutines, not around this await
    wg.await();
    return out;
  }
}
