import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A DNA-sequencer run monitor: watches cycle reports, alarms when a run stalls. */
public final class RunMonitor {
  public record CycleReport(String runId, int cycle, double q30, Instant at) {}

  private final Chan<CycleReport> reports = Chan.make(64);
  private final Chan<Boolean> quit = Chan.make();
  private final Consumer<String> alarm;
  private final List<CycleReport> history = new ArrayList<>();

  public RunMonitor(Consumer<String> alarm, Duration stallAfter) {
    this.alarm = alarm;
    Go.go(() -> watch(stallAfter));
  }

  private void watch(Duration stallAfter) {
    // OK(TickerNotStopped): stopped in finally
    Timer stall = Time.newTimer(stallAfter);
    try {
      // OK(GoroutineLeak): the quit channel's receive case is the way out
      while (true) {
        String next = Select.<String>select()
            .recv(reports, r -> {
              record(r);
              return "report";
            })
            .recv(stall.c(), t -> "stall")
            .recv(quit, q -> "quit")
            .run();
        switch (next) {
          case "quit":
            return;
          case "stall":
            alarm.accept("no cycle report for " + stallAfter);
            stall.reset(stallAfter);
            break;
          default:
            stall.reset(stallAfter);
        }
      }
    } finally {
      stall.stop();
    }
  }

  private synchronized void record(CycleReport r) {
    history.add(r);
    if (r.q30() < 0.75) {
      alarm.accept("run " + r.runId() + " cycle " + r.cycle() + ": Q30 " + r.q30());
    }
  }

  public boolean report(CycleReport r) {
    return reports.trySend(r);
  }

  /** Ends the monitor. */
  public void shutdown() {
    // OK(ReceiverSideClose): a done channel: nothing is sent on it, the monitor's owner closes it
    quit.close();
  }

  /** Waits for the instrument's warm-up, a fixed few seconds. */
  public static void warmUp() {
    // OK(TickerNotStopped): received from: it has fired
    Timer t = Time.newTimer(Duration.ofSeconds(3));
    t.c().receive();
  }

  public synchronized int cycles() {
    return history.size();
  }
}
