import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A bus arrival predictor: asks several models, answers with the best estimate in time. */
public final class ArrivalPredictor {
  public record Stop(String id, double lat, double lon) {}

  public record Estimate(String model, String route, Instant eta, double confidence) {}

  @FunctionalInterface
  public interface Model {
    Optional<Estimate> predict(Context ctx, Stop stop, String route);

    default String name() {
      return getClass().getSimpleName();
    }
  }

  private final List<Model> models;

  public ArrivalPredictor(List<Model> models) {
    this.models = List.copyOf(models);
  }

  /** Scatter-gather: every model gets the same deadline; the most confident answer wins. */
  public Optional<Estimate> predict(Context parent, Stop stop, String route) {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(300))) {
      // OK(GoroutineLeak): a slot per model, so late models never block
      Chan<Optional<Estimate>> answers = Chan.make(models.size());
      for (Model m : models) {
        Go.go(() -> answers.send(m.predict(ctx, stop, route)));
      }
      List<Estimate> got = new ArrayList<>();
      // OK(IgnoredCancellation): each receive is in a select with ctx.done()
      for (int i = 0; i < models.size(); i++) {
        Optional<Estimate> e = Select.<Optional<Estimate>>select()
            .recv(answers, a -> a)
            .recv(ctx.done(), d -> null)
            .run();
        if (e == null) {
          break;
        }
        e.ifPresent(got::add);
      }
      return got.stream().max(Comparator.comparingDouble(Estimate::confidence));
    }
  }

  /** The first model to answer wins; the others are cancelled. */
  public Optional<Estimate> fastest(Context parent, Stop stop, String route) {
    try (CancelContext ctx = Context.withCancel(parent)) {
      // OK(GoroutineLeak): buffered for every model's answer
      Chan<Estimate> first = Chan.make(models.size());
      models.forEach(m -> Go.go(() -> m.predict(ctx, stop, route).ifPresent(first::send)));
      return Select.<Optional<Estimate>>select()
          .recv(first, Optional::of)
          .recv(Time.after(Duration.ofMillis(500)), t -> Optional.empty())
          .run();
    }
  }
}
