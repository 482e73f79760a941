import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.function.ToDoubleFunction;

/** A spreadsheet recalculation engine: cells recalculated level by level of the dependency graph. */
public final class RecalcEngine implements AutoCloseable {
  public sealed interface Formula permits Formula.Constant, Formula.Sum, Formula.Ref {
    record Constant(double value) implements Formula {}

    record Sum(List<String> cells) implements Formula {}

    record Ref(String cell) implements Formula {}
  }

  private final Map<String, Formula> formulas = new HashMap<>();
  private final Map<String, Double> values = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newFixedThreadPool(4);

  public RecalcEngine put(String cell, Formula f) {
    formulas.put(cell, f);
    return this;
  }

  /** Recalculates the levels in order; within a level every cell in parallel. */
  public void recalc(List<List<String>> levels) {
    Phaser phaser = new Phaser(1);
    for (List<String> level : levels) {
      for (String cell : level) {
        // OK(RegisterInsideTask): registered by the submitter, before the task starts
        phaser.register();
        workers.execute(() -> {
          try {
            values.put(cell, eval(formulas.get(cell)));
          } finally {
            phaser.arriveAndDeregister();
          }
        });
      }
      phaser.arriveAndAwaitAdvance();
    }
    phaser.arriveAndDeregister();
  }

  /** One-shot evaluation of many cells with futures. */
  public Map<String, Double> evaluateAll(List<String> cells) {
    List<CompletableFuture<Map.Entry<String, Double>>> fs = new ArrayList<>();
    for (String c : cells) {
      fs.add(CompletableFuture.supplyAsync(() -> Map.entry(c, eval(formulas.get(c))), workers));
    }
    return fs.stream().map(CompletableFuture::join).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** An async cell value that a UI can wait on; completed whichever way eval ends. */
  public CompletableFuture<Double> valueAsync(String cell) {
    CompletableFuture<Double> f = new CompletableFuture<>();
    workers.execute(() -> {
      try {
        f.complete(eval(formulas.get(cell)));
      } catch (RuntimeException e) {
        // OK(FutureNotCompletedOnAllPaths): the failure path completes it too
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  private double eval(Formula f) {
    ToDoubleFunction<String> lookup = c -> values.getOrDefault(c, 0.0);
    return switch (f) {
      case Formula.Constant k -> k.value();
      case Formula.Sum s -> s.cells().stream().mapToDouble(lookup).sum();
      case Formula.Ref r -> lookup.applyAsDouble(r.cell());
      case null -> 0.0;
    };
  }

  @Override
  public void close() {
    // OK(ExecutorNotShutDown): the engine's pool ends with the engine
    workers.shutdown();
  }
}
