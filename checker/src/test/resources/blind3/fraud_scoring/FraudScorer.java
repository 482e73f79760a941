import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/** Scores a card transaction with several models and combines what arrives within the budget. */
final class FraudScorer {
  record Txn(String id, String card, long cents, String merchantCategory) {}

  record Score(String model, double value) {}

  interface Model {
    String name();

    double score(Context ctx, Txn t);
  }

  private final List<Model> models;
  private final Duration budget;

  FraudScorer(List<Model> models, Duration budget) {
    this.models = List.copyOf(models);
    this.budget = budget;
  }

  OptionalDouble score(Context parent, Txn t) {
    try (CancelContext ctx = Context.withTimeout(parent, budget)) {
      Chan<Score> scores = Chan.make();
      for (Model m : models) {
        Go.go(() -> {
          double v = m.score(ctx, t);
          // OK(GoroutineLeak): sent in a select with ctx.done(); leaving the try block cancels ctx
          Select.<Void>select()
              .send(scores, new Score(m.name(), v), () -> null)
              .recv(ctx.done(), x -> null)
              .run();
        });
      }
      double sum = 0;
      int n = 0;
      // OK(IgnoredCancellation): each receive is a select with ctx.done()
      for (int i = 0; i < models.size(); i++) {
        Score s = Select.<Score>select()
            .recv(scores, x -> x)
            .recv(ctx.done(), x -> null)
            .run();
        if (s == null) {
          break;
        }
        sum += s.value();
        n++;
      }
      return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
  }
}
