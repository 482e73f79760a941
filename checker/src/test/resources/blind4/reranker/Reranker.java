import dev.goconc.*;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** Re-ranks recommendation candidates with an expensive model, within a deadline. */
public class Reranker {
  public record Candidate(String itemId, double baseScore) {}
  public record Ranked(List<Candidate> items, boolean modelUsed) {}

  public interface Model {
    List<Double> score(Context ctx, List<Candidate> items);
  }

  private final Model model;
  private final Duration budget;

  public Reranker(Model model, Duration budget) {
    this.model = model;
    this.budget = budget;
  }

  public Ranked rerankBroken(Context parent, List<Candidate> candidates) {
    // BUG(LostCancel): the early return for a short list leaves this timeout context uncancelled
    CancelContext ctx = Context.withTimeout(parent, budget);
    if (candidates.size() < 3) {
      return new Ranked(candidates, false);
    }
    Chan<List<Double>> scores = Chan.make();
    Go.go(() -> {
      List<Double> s = model.score(ctx, candidates);
      // BUG(GoroutineLeak): when the deadline wins the select below, this send has no receiver
      scores.send(s);
    });
    Ranked r = Select.<Ranked>select()
        .recv(scores, s -> new Ranked(order(candidates, s), true))
        .recv(ctx.done(), d -> new Ranked(candidates, false))
        .run();
    ctx.cancel();
    return r;
  }

  public Ranked rerank(Context parent, List<Candidate> candidates) {
    if (candidates.size() < 3) {
      return new Ranked(candidates, false);
    }
    // OK(LostCancel): try-with-resources cancels on every path
    try (CancelContext ctx = Context.withTimeout(parent, budget)) {
      Chan<List<Double>> scores = Chan.make();
      Go.go(() -> {
        List<Double> s = model.score(ctx, candidates);
        // OK(GoroutineLeak): the send selects on ctx.done(), which the try-with-resources closes
        Select.<Void>select().send(scores, s, () -> null).recv(ctx.done(), d -> null).run();
      });
      return Select.<Ranked>select()
          .recv(scores, s -> new Ranked(order(candidates, s), true))
          .recv(ctx.done(), d -> new Ranked(candidates, false))
          .run();
    }
  }

  private static List<Candidate> order(List<Candidate> items, List<Double> s) {
    record Pair(Candidate c, double score) {}
    return java.util.stream.IntStream.range(0, items.size())
        .mapToObj(i -> new Pair(items.get(i), s.get(i)))
        .sorted(Comparator.comparingDouble(Pair::score).reversed())
        .map(Pair::c)
        .toList();
  }
}
