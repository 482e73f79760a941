import dev.goconc.*;
import java.time.LocalTime;
import java.util.List;

/** A ski-lift turnstile: RFID passes are validated and gate events streamed to the lift operator. */
public class LiftGate {
  public record Pass(String rfid, LocalTime validUntil) {}
  public enum GateEvent { OPENED, DENIED, CLOSED_FOR_DAY }

  /** End of day: drain the queue of skiers, then tell the operator. */
  static void closeForDayBroken(List<Pass> queue, Chan<GateEvent> events, LocalTime now) {
    for (Pass p : queue) {
      events.send(p.validUntil().isAfter(now) ? GateEvent.OPENED : GateEvent.DENIED);
    }
    events.close();
    // BUG(SendOnClosedChannel): trySend on a closed channel throws, as a send does
    events.trySend(GateEvent.CLOSED_FOR_DAY);
  }

  static void closeForDay(List<Pass> queue, Chan<GateEvent> events, LocalTime now) {
    for (Pass p : queue) {
      events.send(p.validUntil().isAfter(now) ? GateEvent.OPENED : GateEvent.DENIED);
    }
    // OK(SendOnClosedChannel): the last event goes out before the close
    events.trySend(GateEvent.CLOSED_FOR_DAY);
    events.close();
  }

  /** Wind hold: the lift stops; waiting skiers are turned away, with a timeout on the operator's screen. */
  static void windHoldBroken(Chan<GateEvent> events, Chan<Void> operatorAck, int waiting) {
    events.close();
    for (int i = 0; i < waiting; i++) {
      // BUG(SendOnClosedChannel): the select's send case on events, closed just above, throws when chosen
      Select.<Void>select()
          .send(events, GateEvent.DENIED, () -> null)
          .recv(operatorAck, a -> null)
          .run();
    }
  }

  /** One turnstile run: the gate goroutine owns the events channel and closes it when the lift stops. */
  public static int runGate(Context ctx, RecvChan<Pass> taps, LocalTime closing) {
    Chan<GateEvent> events = Chan.make(8);
    Go.go(() -> {
      try {
        for (Pass p : taps) {
          if (ctx.err() != null || LocalTime.now().isAfter(closing)) {
            break;
          }
          events.send(p.validUntil().isAfter(LocalTime.now()) ? GateEvent.OPENED : GateEvent.DENIED);
        }
      } finally {
        events.close();
      }
    });
    int opened = 0;
    // OK(UnclosedChannel): the gate goroutine closes events in finally
    for (GateEvent e : events) {
      if (e == GateEvent.OPENED) {
        opened++;
      }
    }
    return opened;
  }
}
