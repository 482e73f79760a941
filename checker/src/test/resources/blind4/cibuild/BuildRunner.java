import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a pipeline's steps one after another, each under its own timeout. */
public class BuildRunner {
  public enum Status { PASSED, FAILED, TIMED_OUT, SKIPPED }

  public record Step(String name, Duration timeout, boolean optional, Command command) {}

  @FunctionalInterface
  public interface Command {
    int run(Context ctx) throws Exception;
  }

  public record StepOutcome(String step, Status status) {}

  // BUG(ContextInField): the whole build's context kept in a field outlives the request that started it
  private final Context buildContext;
  private final List<StepOutcome> log = new ArrayList<>();

  public BuildRunner(Context buildContext) {
    this.buildContext = buildContext;
  }

  /** The first version: the step's goroutine sends its exit code on an unbuffered channel. */
  public Status runStepLegacy(Step step) {
    Chan<Integer> exit = Chan.make();
    Go.go(() -> {
      int code;
      try {
        code = step.command().run(buildContext);
      } catch (Exception e) {
        code = -1;
      }
      // BUG(GoroutineLeak): after a timeout nobody receives, the step goroutine blocks here forever
      exit.send(code);
    });
    return Select.<Status>select()
        .recv(exit, code -> code == 0 ? Status.PASSED : Status.FAILED)
        .recv(Time.after(step.timeout()), t -> Status.TIMED_OUT)
        .run();
  }

  /** The fixed version: one slot, and the step sees its own deadline. */
  public Status runStep(Context parent, Step step) {
    try (CancelContext ctx = Context.withTimeout(parent, step.timeout())) {
      // OK(GoroutineLeak): one slot for the single send: the step finishes even if we gave up
      Chan<Integer> exit = Chan.make(1);
      Go.go(() -> {
        int code;
        try {
          code = step.command().run(ctx);
        } catch (Exception e) {
          code = -1;
        }
        exit.send(code);
      });
      return Select.<Status>select()
          .recv(exit, code -> code == 0 ? Status.PASSED : Status.FAILED)
          .recv(ctx.done(), d -> Status.TIMED_OUT)
          .run();
    }
  }

  public List<StepOutcome> runAll(Context parent, List<Step> steps) {
    boolean failed = false;
    for (Step step : steps) {
      if (failed && !step.optional()) {
        log.add(new StepOutcome(step.name(), Status.SKIPPED));
        continue;
      }
      // BUG(LostCancel): the dry-run path continues without cancelling the step's timer context
      CancelContext stepCtx = Context.withTimeout(parent, step.timeout());
      if (step.name().startsWith("dry-")) {
        log.add(new StepOutcome(step.name(), Status.PASSED));
        continue;
      }
      Status s = runStep(stepCtx, step);
      stepCtx.cancel();
      log.add(new StepOutcome(step.name(), s));
      failed |= s != Status.PASSED;
    }
    return List.copyOf(log);
  }

  public Optional<StepOutcome> lastFailure() {
    return log.stream().filter(o -> o.status() != Status.PASSED).reduce((a, b) -> b);
  }
}
