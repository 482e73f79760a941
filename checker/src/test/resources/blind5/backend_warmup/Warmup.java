import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A load-balancer backend warm-up: new backends get synthetic traffic before they join the pool. */
public class Warmup {
  public record Backend(String host, int port) {}

  public interface Prober {
    boolean hit(Context ctx, Backend b, String path);
  }

  private final Prober prober;
  private final List<String> paths;

  public Warmup(Prober prober, List<String> paths) {
    this.prober = prober;
    this.paths = List.copyOf(paths);
  }

  /** Warms each backend; those that fail the first probe are skipped. */
  public List<Backend> warm(Context parent, List<Backend> backends) {
    List<Backend> ready = new ArrayList<>();
    for (Backend b : backends) {
      // BUG(LostCancel): the continue below skips the cancel for backends failing the health check
      CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(10));
      if (!prober.hit(ctx, b, "/healthz")) {
        continue;
      }
      paths.forEach(p -> prober.hit(ctx, b, p));
      ready.add(b);
      ctx.cancel();
    }
    return ready;
  }

  /** The fixed warm-up: the context is scoped to the iteration. */
  public List<Backend> warmFixed(Context parent, List<Backend> backends) {
    List<Backend> ready = new ArrayList<>();
    for (Backend b : backends) {
      // OK(LostCancel): try-with-resources per iteration, the continue included
      try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(10))) {
        if (!prober.hit(ctx, b, "/healthz")) {
          continue;
        }
        paths.forEach(p -> prober.hit(ctx, b, p));
        ready.add(b);
      }
    }
    return ready;
  }

  /** Warms in parallel in the background; the request that triggered it returns at once. */
  public void warmAsync(Context requestCtx, List<Backend> backends) {
    Go.go(() -> {
      // BUG(BackgroundContextInsteadOfParameter): the goroutine sees requestCtx but starts from background
      ErrGroup g = ErrGroup.withContext(Context.background());
      for (Backend b : backends) {
        g.go(() -> paths.forEach(p -> prober.hit(g.context(), b, p)));
      }
      g.await();
    });
  }

  /** Detached on purpose: the warm-up must outlive the request, keeping its values. */
  public void warmDetached(Context requestCtx, List<Backend> backends) {
    // OK(BackgroundContextInsteadOfParameter): withoutCancel is the documented detachment
    Context detached = Context.withoutCancel(requestCtx);
    Go.go(() -> {
      ErrGroup g = ErrGroup.withContext(detached);
      for (Backend b : backends) {
        g.go(() -> paths.forEach(p -> prober.hit(g.context(), b, p)));
      }
      g.await();
    });
  }
}
