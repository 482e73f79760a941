import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A package dependency resolver: walks the dependency graph, fetching manifests in parallel. */
public final class Resolver {
  public record Coordinate(String name, String version) {
    @Override
    public String toString() {
      return name + "@" + version;
    }
  }

  public interface Index {
    List<Coordinate> dependenciesOf(Context ctx, Coordinate c);
  }

  private final Index index;
  private final Set<Coordinate> seen = ConcurrentHashMap.newKeySet();
  private final Map<Coordinate, List<Coordinate>> graph = new ConcurrentHashMap<>();
  private final Chan<Boolean> tokens;

  public Resolver(Index index, int maxInFlight) {
    this.index = index;
    this.tokens = Chan.make(maxInFlight);
  }

  /** Resolves the closure of the roots. */
  public Map<Coordinate, List<Coordinate>> resolve(Context ctx, List<Coordinate> roots) {
    WaitGroup wg = new WaitGroup();
    for (Coordinate root : roots) {
      visit(ctx, root, wg);
    }
    // OK(WaitGroupAddInGoroutine): every add happens in visit before its launch, also from inside a walker
    wg.await();
    return Map.copyOf(graph);
  }

  private void visit(Context ctx, Coordinate c, WaitGroup wg) {
    if (!seen.add(c) || ctx.err() != null) {
      return;
    }
    // OK(WaitGroupAddInGoroutine): add before the launch, in the launching code
    wg.add(1);
    dev.goconc.Go.go(() -> {
      try {
        if (!acquire(ctx)) {
          return;
        }
        List<Coordinate> deps;
        try {
          deps = index.dependenciesOf(ctx, c);
        } finally {
          tokens.receive();
        }
        graph.put(c, deps);
        deps.forEach(d -> visit(ctx, d, wg));
      } finally {
        // OK(WaitGroupDoneNotInFinally): done in finally
        wg.done();
      }
    });
  }

  private boolean acquire(Context ctx) {
    // OK(GoroutineLeak): the semaphore send watches ctx.done()
    return Select.<Boolean>select().send(tokens, Boolean.TRUE, () -> true).recv(ctx.done(), d -> false).run();
  }
}
