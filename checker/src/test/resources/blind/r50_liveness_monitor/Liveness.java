import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** Marks a peer dead when no heartbeat arrives within the timeout. */
public final class Liveness {
  private final AtomicBoolean alive = new AtomicBoolean(true);
  private final Chan<Boolean> stop = Chan.make();

  public void watch(RecvChan<Long> heartbeats, Duration timeout) {
    Go.go(
        () -> {
          // BUG(GoroutineLeak): a select loop with no way out: no return, no done channel, no context
          while (true) {
            Select.<Void>select()
                .recv(heartbeats, hb -> { alive.set(true); return null; })
                .recv(Time.after(timeout), t -> { alive.set(false); return null; })
                .run();
          }
        });
  }

  public void watchStoppable(RecvChan<Long> heartbeats, Duration timeout) {
    Go.go(
        () -> {
          // OK(GoroutineLeak): the stop channel ends the loop
          while (true) {
            Boolean more =
                Select.<Boolean>select()
                    .recv(heartbeats, hb -> { alive.set(true); return true; })
                    .recv(Time.after(timeout), t -> { alive.set(false); return true; })
                    .recv(stop, s -> false)
                    .run();
            if (!more) {
              return;
            }
          }
        });
  }

  public void close() {
    stop.close();
  }

  public boolean alive() {
    return alive.get();
  }
}
