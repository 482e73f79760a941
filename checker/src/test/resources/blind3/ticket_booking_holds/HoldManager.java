import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Seats are held for a buyer while they pay; a hold expires unless confirmed in time. */
class HoldManager {
  record Seat(String section, int row, int number) {}

  enum Decision { CONFIRMED, RELEASED }

  private final Set<Seat> sold = ConcurrentHashMap.newKeySet();
  private final Map<Seat, Chan<Boolean>> confirmations = new ConcurrentHashMap<>();

  boolean hold(Seat seat, Duration holdFor) {
    Chan<Boolean> confirm = Chan.make(1);
    if (confirmations.putIfAbsent(seat, confirm) != null) {
      return false;
    }
    Go.go(() -> {
      // BUG(TickerNotStopped): on the confirm path the hold timer is never stopped
      Timer expiry = Time.newTimer(holdFor);
      Decision d = Select.<Decision>select()
          .recv(confirm, ok -> Decision.CONFIRMED)
          .recv(expiry.c(), t -> Decision.RELEASED)
          .run();
      settle(seat, d);
    });
    return true;
  }

  boolean holdFixed(Seat seat, Duration holdFor) {
    Chan<Boolean> confirm = Chan.make(1);
    if (confirmations.putIfAbsent(seat, confirm) != null) {
      return false;
    }
    Go.go(() -> {
      // OK(TickerNotStopped): try-with-resources stops the timer whichever case wins
      try (Timer expiry = Time.newTimer(holdFor)) {
        Decision d = Select.<Decision>select()
            .recv(confirm, ok -> Decision.CONFIRMED)
            .recv(expiry.c(), t -> Decision.RELEASED)
            .run();
        settle(seat, d);
      }
    });
    return true;
  }

  boolean confirm(Seat seat) {
    Chan<Boolean> c = confirmations.get(seat);
    return c != null && c.trySend(Boolean.TRUE);
  }

  private void settle(Seat seat, Decision d) {
    confirmations.remove(seat);
    if (d == Decision.CONFIRMED) {
      sold.add(seat);
    }
  }

  /** Blocks until the hold's timer fires: the timer's value is received, so it needs no stop. */
  static void waitOut(Duration d) {
    // OK(TickerNotStopped): its channel is received from, so the timer has fired
    Timer t = Time.newTimer(d);
    t.c().receive();
  }
}
