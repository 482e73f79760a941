import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.List;

/**
 * GoKer cockroach#10790, written again: a replica command waits for the commands it overlaps to
 * finish. Each prerequisite signals on a channel from its own goroutine; when the context is
 * cancelled, beginCmds returns without draining that channel, and the signalling goroutines leak.
 */
class Replica {
  interface Command {
    void awaitFinished();
  }

  boolean beginCmds(Context ctx, List<Command> prerequisites) {
    Chan<Boolean> finished = Chan.make();
    for (Command c : prerequisites) {
      Go.go(() -> {
        c.awaitFinished();
        // BUG(GoroutineLeak): beginCmds may have left through ctx.done(); nobody receives this signal
        finished.send(Boolean.TRUE);
      });
    }
    for (int i = 0; i < prerequisites.size(); i++) {
      boolean cancelled = Select.<Boolean>select()
          .recv(finished, x -> false)
          .recv(ctx.done(), x -> true)
          .run();
      if (cancelled) {
        return false;
      }
    }
    return true;
  }

  /** Fixed: a slot for every prerequisite's signal, so leaving early strands nobody. */
  boolean beginCmdsFixed(Context ctx, List<Command> prerequisites) {
    Chan<Boolean> finished = Chan.make(prerequisites.size());
    for (Command c : prerequisites) {
      Go.go(() -> {
        c.awaitFinished();
        // OK(GoroutineLeak): the buffer holds every signal
        finished.send(Boolean.TRUE);
      });
    }
    for (int i = 0; i < prerequisites.size(); i++) {
      boolean cancelled = Select.<Boolean>select()
          .recv(finished, x -> false)
          .recv(ctx.done(), x -> true)
          .run();
      if (cancelled) {
        return false;
      }
    }
    return true;
  }
}
