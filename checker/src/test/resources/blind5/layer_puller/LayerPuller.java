import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A container image layer puller: fetches layers in parallel, verifies digests. */
public final class LayerPuller {
  public record Layer(String digest, long size) {}

  public record Pulled(Layer layer, byte[] blob, boolean verified) {}

  public interface Registry {
    byte[] blob(Context ctx, String digest);
  }

  private final Registry registry;
  private final int maxParallel;

  public LayerPuller(Registry registry, int maxParallel) {
    this.registry = Objects.requireNonNull(registry);
    this.maxParallel = maxParallel;
  }

  public List<Pulled> pull(Context parent, List<Layer> manifest) {
    // OK(LostCancel): try-with-resources cancels the pull's deadline
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMinutes(5))) {
      Chan<Boolean> slots = Chan.make(maxParallel);
      Chan<Pulled> done = Chan.make();
      WaitGroup wg = new WaitGroup();
      for (Layer layer : manifest) {
        // OK(WaitGroupAddInGoroutine): add happens before the launch
        wg.add(1);
        Go.go(() -> {
          // OK(WaitGroupDoneNotInFinally): done in finally
          try {
            // OK(GoroutineLeak): a semaphore slot, given back in finally by each puller
            slots.send(Boolean.TRUE);
            try {
              byte[] blob = registry.blob(ctx, layer.digest());
              Pulled p = new Pulled(layer, blob, verify(layer, blob));
              // OK(GoroutineLeak): the puller leaves when the pull is cancelled
              Select.<Void>select().send(done, p, () -> null).recv(ctx.done(), d -> null).run();
            } finally {
              slots.receive();
            }
          } finally {
            wg.done();
          }
        });
      }
      // OK(UnclosedChannel): the closer goroutine waits for every puller
      Go.go(() -> {
        wg.await();
        done.close();
      });
      List<Pulled> out = new ArrayList<>();
      for (Pulled p : done) {
        out.add(p);
      }
      return out;
    }
  }

  static boolean verify(Layer layer, byte[] blob) {
    if (blob.length != layer.size()) {
      return false;
    }
    int h = 17;
    for (byte b : blob) {
      h = h * 31 + b;
    }
    return layer.digest().endsWith(HexFormat.of().toHexDigits(h));
  }
}
