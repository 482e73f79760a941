import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A snow-plow route dispatcher: plows take routes from a queue, priority routes first. */
public final class PlowDispatcher {
  public enum Priority { ARTERIAL, BUS_ROUTE, RESIDENTIAL }

  public record Route(String id, Priority priority, int km) {}

  public interface Plow {
    String callsign();

    void drive(Context ctx, Route r);
  }

  private final Deque<Route> backlog = new ArrayDeque<>();
  private final Chan<Route> assignments = Chan.make();

  public PlowDispatcher(List<Route> routes) {
    routes.stream().sorted(java.util.Comparator.comparing(Route::priority)).forEach(backlog::add);
  }

  /** Runs a storm shift: the dispatcher feeds the plows until the backlog or the shift ends. */
  public void shift(Context parent, List<Plow> plows, Duration length) {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, length)) {
      WaitGroup wg = new WaitGroup();
      for (Plow p : plows) {
        wg.go(() -> drive(ctx, p));
      }
      Go.go(() -> dispatch(ctx));
      wg.await();
    }
  }

  private void drive(Context ctx, Plow p) {
    // OK(GoroutineLeak): leaves on ctx.done() or when assignments close
    while (true) {
      Route r = Select.<Route>select().recv(assignments, x -> x).recv(ctx.done(), d -> null).run();
      if (r == null) {
        return;
      }
      p.drive(ctx, r);
    }
  }

  private void dispatch(Context ctx) {
    try {
      while (!backlog.isEmpty()) {
        Route next = backlog.peekFirst();
        String what = Select.<String>select()
            .send(assignments, next, () -> "sent")
            .recv(Time.after(Duration.ofMinutes(10)), t -> "idle")
            .recv(ctx.done(), d -> "over")
            .run();
        switch (what) {
          case "sent" -> backlog.pollFirst();
          case "over" -> {
            return;
          }
          default -> System.out.println("no plow free for " + next.id());
        }
      }
    } finally {
      // OK(UnclosedChannel): the dispatcher is the only sender and closes on every exit
      assignments.close();
    }
  }
}
