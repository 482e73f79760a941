import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Assigns incoming pallets to storage slots with a pool of slotting workers, started and stopped with the shift. */
class SlottingService {
  record Pallet(String sku, int weightKg) {}

  interface Planner {
    String slotFor(Context ctx, Pallet p);
  }

  private final Planner planner;
  private final Map<String, String> placed = new ConcurrentHashMap<>();
  private Chan<Pallet> inbound;
  private WaitGroup workers;
  // BUG(LostCancel): start() stores it, but neither stop() nor any other method ever calls it
  private CancelFunc cancelShift;

  SlottingService(Planner planner) {
    this.planner = planner;
  }

  void start(Context parent, int n) {
    CancelContext shift = Context.withCancel(parent);
    cancelShift = shift.cancelFunc();
    inbound = Chan.make(100);
    workers = new WaitGroup();
    Chan<Pallet> in = inbound;
    for (int i = 0; i < n; i++) {
      workers.go(() -> {
        // BUG(UnclosedChannel): stop() never closes inbound, so the workers' loops never end and stop() waits for ever
        for (Pallet p : in) {
          placed.put(p.sku(), planner.slotFor(shift, p));
        }
      });
    }
  }

  boolean receive(Pallet p) {
    return inbound.trySend(p);
  }

  void stop() {
    workers.await();
  }

  /** The same service with a stop() that ends the shift. */
  static final class Fixed {
    private final Planner planner;
    private final Map<String, String> placed = new ConcurrentHashMap<>();
    private Chan<Pallet> inbound;
    private WaitGroup workers;
    // OK(LostCancel): stop() calls it
    private CancelFunc cancelShift;

    Fixed(Planner planner) {
      this.planner = planner;
    }

    void start(Context parent, int n) {
      CancelContext shift = Context.withCancel(parent);
      cancelShift = shift.cancelFunc();
      inbound = Chan.make(100);
      workers = new WaitGroup();
      Chan<Pallet> in = inbound;
      for (int i = 0; i < n; i++) {
        workers.go(() -> {
          // OK(UnclosedChannel): stop() closes inbound
          for (Pallet p : in) {
            placed.put(p.sku(), planner.slotFor(shift, p));
          }
        });
      }
    }

    boolean receive(Pallet p) {
      return inbound.trySend(p);
    }

    void stop() {
      inbound.close();
      workers.await();
      cancelShift.cancel();
    }
  }
}
