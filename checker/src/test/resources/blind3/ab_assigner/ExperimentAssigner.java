import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Assigns users to experiment arms; the arm weights are reloaded periodically. */
final class ExperimentAssigner implements AutoCloseable {
  enum Arm {
    CONTROL, TREATMENT;

    static Arm pick(String userId, String experiment, double treatmentShare) {
      int bucket = Math.floorMod((userId + ":" + experiment).hashCode(), 10_000);
      return bucket < treatmentShare * 10_000 ? TREATMENT : CONTROL;
    }
  }

  interface WeightStore {
    Map<String, Double> load();
  }

  private final Map<String, Double> shares = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();
  // OK(PeriodicTaskNeverCancelled): kept, and cancelled in close()
  private final ScheduledFuture<?> reload;

  ExperimentAssigner(WeightStore store) {
    shares.putAll(store.load());
    reload = reloader.scheduleWithFixedDelay(() -> shares.putAll(store.load()), 30, 30, TimeUnit.SECONDS);
  }

  CompletableFuture<Arm> assign(String userId, String experiment) {
    CompletableFuture<Arm> arm = new CompletableFuture<>();
    lookups.execute(() -> {
      try {
        Double share = shares.get(experiment);
        if (share == null) {
          arm.complete(Arm.CONTROL);
          return;
        }
        arm.complete(Arm.pick(userId, experiment, share));
      } catch (RuntimeException e) {
        // OK(FutureNotCompletedOnAllPaths): the exceptional path completes the future too
        arm.completeExceptionally(e);
      }
    });
    return arm;
  }

  @Override
  public void close() {
    reload.cancel(false);
    reloader.shutdown();
    // OK(ExecutorNotShutDown): both executors are fields shut down here
    lookups.shutdown();
  }
}
