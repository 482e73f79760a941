import dev.goconc.*;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An airport departures board: status updates arrive on a channel, the screen redraws twice a minute. */
public class FlightBoard {
  public enum Status {
    SCHEDULED, BOARDING, DELAYED, DEPARTED, CANCELLED;
    boolean terminal() {
      return this == DEPARTED || this == CANCELLED;
    }
  }

  public record Flight(String number, String destination, LocalTime std, Status status) {
    Flight with(Status s) {
      return new Flight(number, destination, std, s);
    }
  }

  public record StatusChange(String number, Status status) {}

  public interface Screen {
    void draw(List<Flight> rows);
  }

  private final Map<String, Flight> flights = new LinkedHashMap<>();

  public FlightBoard(List<Flight> schedule) {
    schedule.forEach(f -> flights.put(f.number(), f));
  }

  /** The board's single goroutine; the ticker is closed with the loop. */
  public void run(Context ctx, RecvChan<StatusChange> changes, Screen screen) {
    // OK(TickerNotStopped): try-with-resources
    try (Ticker redraw = Time.newTicker(Duration.ofSeconds(30))) {
      // OK(IgnoredCancellation): ctx.done() is one of the select's cases
      for (boolean more = true; more; ) {
        more = Select.<Boolean>select()
            .recvOk(changes, r -> {
              if (!r.ok()) {
                return false;
              }
              flights.computeIfPresent(r.value().number(), (k, f) -> f.with(r.value().status()));
              return true;
            })
            .recv(redraw.c(), t -> {
              screen.draw(visible());
              return true;
            })
            .recv(ctx.done(), d -> false)
            .run();
      }
    }
  }

  List<Flight> visible() {
    List<Flight> rows = new ArrayList<>();
    for (Flight f : flights.values()) {
      if (!f.status().terminal() || f.std().isAfter(LocalTime.now().minusMinutes(15))) {
        rows.add(f);
      }
    }
    return rows;
  }

  /** Starts the board; the caller cancels the returned context to take the board down. */
  public static CancelContext start(Context parent, FlightBoard board, RecvChan<StatusChange> changes, Screen screen) {
    // OK(LostCancel): the context is returned: the caller owns its cancel
    CancelContext ctx = Context.withCancel(parent);
    Go.go(() -> board.run(ctx, changes, screen));
    return ctx;
  }

  /** The gate agents' feed: a producer that closes when its shift ends. */
  public static RecvChan<StatusChange> gateFeed(Context ctx, List<StatusChange> shiftLog) {
    Chan<StatusChange> out = Chan.make();
    Go.go(() -> {
      try {
        for (StatusChange c : shiftLog) {
          boolean stop = Select.<Boolean>select().send(out, c, () -> false).recv(ctx.done(), d -> true).run();
          if (stop) {
            break;
          }
        }
      } finally {
        // OK(UnclosedChannel): the producer closes in finally
        out.close();
      }
    });
    return out;
  }
}
