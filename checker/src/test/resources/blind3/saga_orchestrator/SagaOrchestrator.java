import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs the independent steps of a travel-booking saga in parallel and compensates on failure. */
class SagaOrchestrator {
  interface Step {
    String name();

    void run(Context ctx);

    default void compensate(Context ctx) {}
  }

  record Outcome(List<String> completed, List<String> failed) {
    boolean ok() {
      return failed.isEmpty();
    }
  }

  Outcome execute(Context ctx, List<Step> steps) {
    List<String> completed = Collections.synchronizedList(new ArrayList<>());
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    WaitGroup wg = new WaitGroup();
    wg.add(steps.size());
    for (Step s : steps) {
      Go.go(() -> {
        try {
          s.run(ctx);
          completed.add(s.name());
        } catch (RuntimeException e) {
          failed.add(s.name());
        } finally {
          wg.done();
        }
      });
    }
    Go.go(() -> {
      try {
        System.out.println("saga started with " + steps.size() + " steps");
      } finally {
        // BUG(WaitGroupDoneExceedsAdd): the audit goroutine was never added: one done() more than the adds
        wg.done();
      }
    });
    wg.await();
    if (!failed.isEmpty()) {
      compensate(ctx, steps, completed);
    }
    return new Outcome(List.copyOf(completed), List.copyOf(failed));
  }

  Outcome executeFixed(Context ctx, List<Step> steps) {
    List<String> completed = Collections.synchronizedList(new ArrayList<>());
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupDoneExceedsAdd): one add per step, one done per step (in finally)
    wg.add(steps.size());
    for (Step s : steps) {
      Go.go(() -> {
        try {
          s.run(ctx);
          completed.add(s.name());
        } catch (RuntimeException e) {
          failed.add(s.name());
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
    if (!failed.isEmpty()) {
      compensate(ctx, steps, completed);
    }
    return new Outcome(List.copyOf(completed), List.copyOf(failed));
  }

  private void compensate(Context ctx, List<Step> steps, List<String> completed) {
    WaitGroup wg = new WaitGroup();
    steps.stream()
        .filter(s -> completed.contains(s.name()))
        .forEach(s -> wg.go(() -> s.compensate(ctx)));
    wg.await();
  }
}
