import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks a driver for a ride request by asking each nearby fleet partner for its best offer. */
final class Dispatcher {
  record Location(double lat, double lon) {}

  record Request(String riderId, Location pickup) {}

  record Offer(String fleet, String driverId, Duration eta) {}

  interface Fleet {
    String name();

    Optional<Offer> offer(Context ctx, Request r);
  }

  private final List<Fleet> fleets;

  Dispatcher(List<Fleet> fleets) {
    this.fleets = List.copyOf(fleets);
  }

  Optional<Offer> dispatch(Context parent, Request request) {
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis(800))) {
      // OK(GoroutineLeak): one slot per fleet, so no offer goroutine can block after we stop listening
      Chan<Optional<Offer>> offers = Chan.make(fleets.size());
      for (Fleet f : fleets) {
        Go.go(() -> offers.send(f.offer(ctx, request)));
      }
      List<Offer> got = new ArrayList<>();
      for (int i = 0; i < fleets.size(); i++) {
        boolean timedOut = Select.<Boolean>select()
            .recv(offers, o -> {
              o.ifPresent(got::add);
              return false;
            })
            .recv(ctx.done(), x -> true)
            .run();
        if (timedOut) {
          break;
        }
      }
      return got.stream().min(Comparator.comparing(Offer::eta));
    }
  }

  Optional<Offer> dispatchWithGrace(Context parent, Request request, Duration grace) {
    Optional<Offer> best = dispatch(parent, request);
    if (best.isPresent()) {
      return best;
    }
    Time.after(grace).receive();
    return dispatch(parent, request);
  }
}
