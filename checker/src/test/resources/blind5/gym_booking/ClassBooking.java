import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A gym class booking service: a dispatcher goroutine owns the class rosters. */
public class ClassBooking {
  public record GymClass(String name, LocalDateTime start, int spots) {}

  public record Booking(String member, String className) {}

  // BUG(ContextInField): the service keeps the request context of whoever constructed it
  private final Context ctx;
  private final Map<String, List<String>> rosters = new LinkedHashMap<>();

  public ClassBooking(Context ctx, List<GymClass> timetable) {
    this.ctx = ctx;
    timetable.forEach(c -> rosters.put(c.name(), new ArrayList<>()));
  }

  /** Books a list of members in one go; the dispatcher drains the requests. */
  public void bookAll(List<Booking> bookings, Map<String, Integer> capacity) {
    Chan<Booking> requests = Chan.make(bookings.size() + 1);
    WaitGroup wg = new WaitGroup();
    wg.go(() -> {
      for (Booking b : requests) {
        List<String> roster = rosters.get(b.className());
        if (roster != null && roster.size() < capacity.getOrDefault(b.className(), 0)) {
          roster.add(b.member());
        }
      }
    });
    int sent = 0;
    for (Booking b : bookings) {
      if (ctx.err() != null) {
        requests.close();
      }
      // BUG(SendOnClosedChannel): after the close above (cancelled context) this send throws
      requests.send(b);
      sent++;
    }
    if (ctx.err() == null) {
      requests.close();
    }
    wg.await();
  }

  /** The fixed batch: stop sending once cancelled, close exactly once. */
  public void bookAllFixed(Context ctx, List<Booking> bookings, Map<String, Integer> capacity) {
    Chan<Booking> requests = Chan.make(bookings.size() + 1);
    WaitGroup wg = new WaitGroup();
    wg.go(() -> {
      for (Booking b : requests) {
        List<String> roster = rosters.get(b.className());
        if (roster != null && roster.size() < capacity.getOrDefault(b.className(), 0)) {
          roster.add(b.member());
        }
      }
    });
    try {
      for (Booking b : bookings) {
        if (ctx.err() != null) {
          break;
        }
        requests.send(b);
      }
    } finally {
      // OK(SendOnClosedChannel): the single close, after the last possible send
      requests.close();
    }
    wg.await();
  }

  public List<String> roster(String className) {
    return List.copyOf(rosters.getOrDefault(className, List.of()));
  }
}
