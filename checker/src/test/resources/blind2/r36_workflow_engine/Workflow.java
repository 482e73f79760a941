// Program: workflow engine; a DAG of steps executed level by level with ErrGroup and inner-class steps; first failure cancels the level. Correct.
import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

final class Workflow {
  abstract static class Step {
    final String name;

    Step(String name) {
      this.name = name;
    }

    abstract String run(Context ctx, Map<String, String> inputs) throws Exception;
  }

  final class Echo extends Step {
    Echo(String name) {
      super(name);
    }

    @Override
    String run(Context ctx, Map<String, String> inputs) {
      return name + inputs.keySet();
    }
  }

  private final List<List<Step>> levels = new ArrayList<>();
  private final Map<String, String> outputs = new ConcurrentHashMap<>();

  Workflow level(Step... steps) {
    levels.add(List.of(steps));
    return this;
  }

  Map<String, String> execute(Context parent) throws Exception {
    for (List<Step> level : levels) {
      ErrGroup g = ErrGroup.withContext(parent);
      for (Step s : level) {
        g.go(() -> outputs.put(s.name, s.run(g.context(), Map.copyOf(outputs))));
      }
      // OK(WaitGroupAwaitInLaunchLoop): the group is awaited after its own launch loop, one group per level
      Throwable err = g.await();
      if (err != null) {
        throw new Exception("level failed", err);
      }
    }
    return Map.copyOf(outputs);
  }

  static Map<String, String> demo() throws Exception {
    Workflow w = new Workflow();
    w.level(w.new Echo("a"), w.new Echo("b")).level(w.new Echo("c"));
    // OK(LostCancel): closed by try-with-resources
    try (CancelContext ctx = Context.withTimeout(Context.background(), java.time.Duration.ofMinutes(1))) {
      return w.execute(ctx);
    }
  }
}
