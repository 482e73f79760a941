import dev.goconc.*;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Schedules court hearings: asks each courtroom's calendar for its first free slot. */
public class DocketScheduler {
  public record Hearing(String caseNo, Duration length, LocalDate notBefore) {}
  public record Slot(String courtroom, LocalDate day, int startMinute) {}

  public interface Calendar {
    String courtroom();
    Slot firstFree(Context ctx, Hearing h);
  }

  private final List<Calendar> calendars;

  public DocketScheduler(List<Calendar> calendars) {
    this.calendars = List.copyOf(calendars);
  }

  public Slot earliest(Context parent, Hearing h) {
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(10))) {
      // OK(GoroutineLeak): the method receives one answer per calendar on every path
      Chan<java.util.Optional<Slot>> answers = Chan.make();
      for (Calendar c : calendars) {
        Go.go(() -> answers.send(java.util.Optional.ofNullable(c.firstFree(ctx, h))));
      }
      List<Slot> slots = new ArrayList<>();
      // BUG(IgnoredCancellation): the loop blocks on each receive with ctx in scope and never observes it
      for (int i = 0; i < calendars.size(); i++) {
        answers.receive().ifPresent(slots::add);
      }
      return slots.stream()
          .min(Comparator.comparing(Slot::day).thenComparingInt(Slot::startMinute))
          .orElseThrow();
    }
  }

  /** Bulk scheduling for a new term: one hearing after another, cancellable by the clerk. */
  public List<Slot> term(Context ctx, List<Hearing> hearings) {
    List<Slot> booked = new ArrayList<>();
    // OK(IgnoredCancellation): checks ctx.err() each round
    for (Hearing h : hearings) {
      if (ctx.err() != null) {
        break;
      }
      booked.add(earliest(ctx, h));
    }
    return booked;
  }

  /** A reminder to the clerk if a hearing stays unscheduled; the clerk's loop selects on it. */
  public static Timer unscheduledAlert(Hearing h) {
    Duration wait = h.notBefore().isAfter(LocalDate.now().plusDays(30)) ? Duration.ofDays(14) : Duration.ofDays(3);
    // OK(TickerNotStopped): the timer is returned: the caller stops it when the hearing is booked
    Timer t = Time.newTimer(wait);
    return t;
  }
}
