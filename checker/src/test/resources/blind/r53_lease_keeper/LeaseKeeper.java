import dev.goconc.CancelContext;
import dev.goconc.Context;
import java.time.Duration;

/** Renews a distributed lock lease; each renewal must finish within a second. */
public final class LeaseKeeper {
  public interface Coordinator {
    boolean renew(Context ctx, String lease);

    void release(Context ctx, String lease);
  }

  private final Coordinator coordinator;
  private final String lease;

  public LeaseKeeper(Coordinator coordinator, String lease) {
    this.coordinator = coordinator;
    this.lease = lease;
  }

  public boolean renewOnce(Context ctx) {
    // BUG(LostCancel): the timeout context goes straight into the call; nobody can cancel it and its timer lives until it fires
    return coordinator.renew(Context.withTimeout(ctx, Duration.ofSeconds(1)), lease);
  }

  public void release(Context ctx) {
    // OK(LostCancel): try-with-resources
    try (CancelContext c = Context.withTimeout(ctx, Duration.ofSeconds(1))) {
      coordinator.release(c, lease);
    }
  }

  public boolean renewGuarded(Context ctx) {
    CancelContext c = Context.withTimeout(ctx, Duration.ofSeconds(1));
    if (ctx.err() != null) {
      // BUG(LostCancel): this early return leaves c uncancelled
      return false;
    }
    boolean ok = coordinator.renew(c, lease);
    c.cancel();
    return ok;
  }
}
