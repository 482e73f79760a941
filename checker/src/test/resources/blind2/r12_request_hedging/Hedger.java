// Program: request hedging; first replica answer wins, a second request is sent after a delay; the buggy variant leaves the loser blocked.
import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

final class Hedger {
  static String hedged(List<Function<Context, String>> replicas, Duration hedgeAfter, Duration deadline) {
    Chan<String> answers = Chan.make();
    CancelContext ctx = Context.withTimeout(Context.background(), deadline);
    try {
      // BUG(GoroutineLeak): the first replica's send has no receiver once the second one won or the deadline hit
      Go.go(() -> answers.send(replicas.get(0).apply(ctx)));
      String first = Select.<String>select()
          .recv(answers, a -> a)
          .recv(Time.after(hedgeAfter), t -> null)
          .run();
      if (first != null) {
        return first;
      }
      // BUG(GoroutineLeak): the loser of the race blocks forever on the unbuffered send
      Go.go(() -> answers.send(replicas.get(1).apply(ctx)));
      return Select.<String>select()
          .recv(answers, a -> a)
          .recv(ctx.done(), d -> "timeout")
          .run();
    } finally {
      ctx.cancel();
    }
  }

  static String hedgedFixed(List<Function<Context, String>> replicas, Duration hedgeAfter, Duration deadline) {
    // OK(GoroutineLeak): one slot per replica, every send completes
    Chan<String> answers = Chan.make(replicas.size());
    try (CancelContext ctx = Context.withTimeout(Context.background(), deadline)) {
      // OK(TickerNotStopped): the timer is stopped when the block ends
      try (Timer hedge = Time.newTimer(hedgeAfter)) {
        Go.go(() -> answers.send(replicas.get(0).apply(ctx)));
        for (int launched = 1; ; ) {
          String a = Select.<String>select()
              .recv(answers, x -> x)
              .recv(hedge.c(), t -> null)
              .recv(ctx.done(), d -> "timeout")
              .run();
          if (a != null) {
            return a;
          }
          if (launched < replicas.size()) {
            Function<Context, String> next = replicas.get(launched++);
            Go.go(() -> answers.send(next.apply(ctx)));
          }
        }
      }
    }
  }
}
