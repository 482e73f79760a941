import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Issues parking permits; one goroutine owns the permit register and serves requests in turn. */
final class PermitOffice {
  record Request(String plate, String zone, Chan<Optional<Permit>> reply) {}

  record Permit(String plate, String zone, LocalDate validUntil, int number) {}

  private final Chan<Request> requests = Chan.make();

  PermitOffice(Context ctx, Map<String, Integer> zoneCapacity) {
    Go.go(() -> serve(ctx, new HashMap<>(zoneCapacity)));
  }

  private void serve(Context ctx, Map<String, Integer> left) {
    int issued = 0;
    // OK(GoroutineLeak): ends when ctx is cancelled
    while (true) {
      Request r = Select.<Request>select()
          .recv(requests, x -> x)
          .recv(ctx.done(), x -> null)
          .run();
      if (r == null) {
        return;
      }
      int free = left.getOrDefault(r.zone(), 0);
      if (free == 0) {
        r.reply().send(Optional.empty());
        continue;
      }
      left.put(r.zone(), free - 1);
      // OK(GoroutineLeak): the reply channel has one slot per request, so the server never waits on a caller
      r.reply().send(Optional.of(new Permit(r.plate(), r.zone(), LocalDate.now().plusYears(1), ++issued)));
    }
  }

  Optional<Permit> apply(Context ctx, String plate, String zone) {
    Chan<Optional<Permit>> reply = Chan.make(1);
    boolean sent = Select.<Boolean>select()
        .send(requests, new Request(plate, zone, reply), () -> true)
        .recv(ctx.done(), x -> false)
        .run();
    if (!sent) {
      return Optional.empty();
    }
    return Select.<Optional<Permit>>select()
        .recv(reply, p -> p)
        .recv(ctx.done(), x -> Optional.<Permit>empty())
        .run();
  }
}
