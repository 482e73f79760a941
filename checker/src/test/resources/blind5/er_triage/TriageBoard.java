import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A hospital ER triage board: patients arrive on priority lanes; the board calls the next one. */
public final class TriageBoard {
  public enum Esi { RESUSCITATION, EMERGENT, URGENT, LESS_URGENT, NON_URGENT }

  public record Patient(String mrn, Esi level, Instant arrived) implements Comparable<Patient> {
    @Override
    public int compareTo(Patient o) {
      int c = level.compareTo(o.level);
      return c != 0 ? c : arrived.compareTo(o.arrived);
    }
  }

  /** Runs the board; the called patients come out in order on the returned channel. */
  public static RecvChan<Patient> run(Context ctx, RecvChan<Patient> critical, RecvChan<Patient> walkIns, Duration callEvery) {
    Chan<Patient> called = Chan.make();
    Go.go(() -> {
      PriorityQueue<Patient> waiting = new PriorityQueue<>();
      // OK(TickerNotStopped): try-with-resources
      try (Ticker call = Time.newTicker(callEvery)) {
        // OK(IgnoredCancellation): every select has a ctx.done() case
        while (true) {
          String ev = Select.<String>select()
              .recv(critical, p -> {
                if (p != null) {
                  waiting.add(p);
                }
                return "arrival";
              })
              .recv(walkIns, p -> {
                if (p != null) {
                  waiting.add(p);
                }
                return "arrival";
              })
              .recv(call.c(), t -> "call")
              .recv(ctx.done(), d -> "stop")
              .run();
          if (ev.equals("stop")) {
            return;
          }
          if (ev.equals("call") && !waiting.isEmpty()) {
            Patient next = waiting.poll();
            // OK(GoroutineLeak): the hand-off watches ctx.done()
            boolean handed = Select.<Boolean>select().send(called, next, () -> true).recv(ctx.done(), d -> false).run();
            if (!handed) {
              return;
            }
          }
        }
      } finally {
        // OK(UnclosedChannel): the board is the only sender and closes on every exit
        called.close();
      }
    });
    return called;
  }

  /** A shift report: the next {@code n} patients called, or fewer if the shift ends. */
  public static List<Patient> nextCalled(Context ctx, RecvChan<Patient> called, int n) {
    List<Patient> out = new ArrayList<>();
    // OK(IgnoredCancellation): the receive is raced against ctx.done()
    for (int i = 0; i < n; i++) {
      Patient p = Select.<Patient>select().recv(called, x -> x).recv(ctx.done(), d -> null).run();
      if (p == null) {
        break;
      }
      out.add(p);
    }
    return out;
  }
}
