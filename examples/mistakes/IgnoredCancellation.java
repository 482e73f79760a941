package mistakes;

import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.SendChan;
import java.util.List;

/**
 * A loop that blocks on channels while a context is in scope, but never looks at the context,
 * cannot be cancelled: when the caller gives up, the loop stays blocked on its next send or
 * receive — possibly forever, if the other side has stopped. The caller's deadline means
 * nothing. Blocking inside a {@code select} that also waits on {@code ctx.done()}, or checking
 * {@code ctx.err()} each round, makes cancellation reach the loop.
 *
 * @goanalyzer None in go vet; Go's pipeline guidance (every send in a select with
 *     {@code <-ctx.Done()})
 */
public final class IgnoredCancellation {
  private IgnoredCancellation() {}

  /** When the consumer stops, the next send blocks forever although {@code ctx} is cancelled. */
  static final class Mistake {
    static void publish(Context ctx, List<String> events, SendChan<String> out) {
      for (String event : events) { // goconc: expect IgnoredCancellation
        out.send(event);
      }
    }
  }

  /** Each send waits on {@code ctx.done()} too, and the loop stops once the context ends. */
  static final class Fix {
    static void publish(Context ctx, List<String> events, SendChan<String> out) {
      for (String event : events) {
        boolean sent =
            Select.<Boolean>select()
                .send(out, event, () -> true)
                .recv(ctx.done(), cancelled -> false)
                .run();
        if (!sent) {
          return;
        }
      }
    }
  }
}
