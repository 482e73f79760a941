import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ContextException;
import dev.goconc.Go;
import dev.goconc.Select;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A university course-registration window: requests are served until the window closes. */
public final class RegistrationWindow {
  public record Request(String student, String course, Chan<Outcome> reply) {}

  public enum Outcome { ENROLLED, WAITLISTED, FULL, WINDOW_CLOSED }

  private final Chan<Request> requests = Chan.make();
  private final Map<String, Integer> seats = new HashMap<>();
  private final Map<String, Integer> waitlist = new HashMap<>();
  // OK(ContextInField): a CancelFunc field, not a Context
  private final CancelFunc closeWindow;

  /** Opens the window; it closes at {@code closesAt} or when {@link #closeEarly} is called. */
  public RegistrationWindow(Context parent, Instant closesAt, Map<String, Integer> capacity) {
    seats.putAll(capacity);
    CancelContext ctx = Context.withDeadline(parent, closesAt);
    // OK(LostCancel): handed to a field that closeEarly() calls
    this.closeWindow = ctx.cancelFunc();
    Go.go(() -> serve(ctx));
  }

  private void serve(Context ctx) {
    // OK(GoroutineLeak): the registrar leaves when the window's context ends
    for (;;) {
      Request r = Select.<Request>select().recv(requests, x -> x).recv(ctx.done(), d -> null).run();
      if (r == null) {
        return;
      }
      int left = seats.getOrDefault(r.course(), 0);
      Outcome o = left > 0 ? Outcome.ENROLLED : waitlist.merge(r.course(), 1, Integer::sum) <= 20 ? Outcome.WAITLISTED : Outcome.FULL;
      if (o == Outcome.ENROLLED) {
        seats.put(r.course(), left - 1);
      }
      // OK(GoroutineLeak): the reply channel has a slot for this one answer
      r.reply().send(o);
    }
  }

  /** Asks for a seat; answers WINDOW_CLOSED if the registrar is gone or the student gives up. */
  public Outcome register(Context ctx, String student, String course) {
    Chan<Outcome> reply = Chan.make(1);
    Request req = new Request(student, course, reply);
    boolean accepted = Select.<Boolean>select()
        .send(requests, req, () -> true)
        .recv(ctx.done(), d -> false)
        .run();
    if (!accepted) {
      return Outcome.WINDOW_CLOSED;
    }
    return Optional.ofNullable(Select.<Outcome>select().recv(reply, x -> x).recv(ctx.done(), d -> null).run())
        .orElse(Outcome.WINDOW_CLOSED);
  }

  public boolean isOpen(Context ctx) {
    ContextException e = ctx.err();
    return e == null;
  }

  public void closeEarly() {
    closeWindow.cancel();
  }
}
