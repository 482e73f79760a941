import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A ticketing help-desk SLA timer: escalates a ticket if nobody answers in time. */
public class SlaTimer {
  public enum Priority {
    P1(Duration.ofMinutes(15)), P2(Duration.ofHours(1)), P3(Duration.ofHours(8));

    final Duration responseTime;

    Priority(Duration d) {
      this.responseTime = d;
    }
  }

  /** A request-scoped bundle handed to the escalation code. */
  // BUG(ContextInField): a record component of type Context outlives the request
  public record Escalation(Context ctx, String ticket, Priority priority) {}

  public interface Pager {
    void page(Escalation e);
  }

  private final Map<String, Chan<Boolean>> answered = new ConcurrentHashMap<>();
  private final Pager pager;

  public SlaTimer(Pager pager) {
    this.pager = pager;
  }

  /** Waits for the first answer or the SLA, whichever comes first. */
  public void watch(Context ctx, String ticket, Priority p) {
    Chan<Boolean> reply = answered.computeIfAbsent(ticket, t -> Chan.make(1));
    // BUG(TickerNotStopped): when the agent answers first, the timer is never stopped
    Timer sla = Time.newTimer(p.responseTime);
    Boolean breached = Select.<Boolean>select()
        .recv(reply, r -> false)
        .recv(sla.c(), t -> true)
        .recv(ctx.done(), d -> false)
        .run();
    if (breached) {
      pager.page(new Escalation(ctx, ticket, p));
    }
  }

  /** The same, stopping the timer on every path. */
  public void watchFixed(Context ctx, String ticket, Priority p) {
    Chan<Boolean> reply = answered.computeIfAbsent(ticket, t -> Chan.make(1));
    // OK(TickerNotStopped): try-with-resources stops it
    try (Timer sla = Time.newTimer(p.responseTime)) {
      Boolean breached = Select.<Boolean>select()
          .recv(reply, r -> false)
          .recv(sla.c(), t -> true)
          .recv(ctx.done(), d -> false)
          .run();
      if (breached) {
        pager.page(new Escalation(ctx, ticket, p));
      }
    }
  }

  /** First response clock for a reopened ticket: only the timer can end this wait. */
  public void waitForReopenGrace(Priority p) {
    // OK(TickerNotStopped): its channel is received from, so it has fired
    Timer grace = Time.newTimer(p.responseTime.dividedBy(4));
    grace.c().receive();
  }

  public void answer(String ticket) {
    Chan<Boolean> reply = answered.computeIfAbsent(ticket, t -> Chan.make(1));
    reply.trySend(Boolean.TRUE);
  }

  public void watchAsync(Context ctx, String ticket, Priority p) {
    Go.go(() -> watchFixed(ctx, ticket, p));
  }
}
