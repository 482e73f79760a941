import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A commuter carpool matcher: pairs riders with drivers whose routes and hours fit. */
public final class CarpoolMatcher {
  public record Commuter(String id, double homeLat, double homeLon, LocalTime leaves, boolean drives, int seats) {}

  public record Pairing(Commuter driver, List<Commuter> riders) {}

  public interface Geo {
    double detourKm(Context ctx, Commuter driver, Commuter rider);
  }

  private final Geo geo;

  public CarpoolMatcher(Geo geo) {
    this.geo = geo;
  }

  /** Matches every driver in parallel; each driver's riders are found independently. */
  public List<Pairing> match(Context parent, List<Commuter> everyone) throws Exception {
    List<Commuter> drivers = everyone.stream().filter(Commuter::drives).toList();
    List<Commuter> riders = everyone.stream().filter(c -> !c.drives()).toList();
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(20))) {
      ErrGroup g = ErrGroup.withContext(ctx);
      // OK(GoroutineLeak): one slot per driver
      Chan<Pairing> pairings = Chan.make(drivers.size());
      for (Commuter d : drivers) {
        g.go(() -> pairings.send(pairFor(g.context(), d, riders)));
      }
      Throwable err = g.await();
      // OK(SendOnClosedChannel): all senders are done before the close
      pairings.close();
      if (err != null) {
        throw new Exception(err);
      }
      List<Pairing> out = new ArrayList<>();
      pairings.forEach(out::add);
      return out;
    }
  }

  private Pairing pairFor(Context ctx, Commuter driver, List<Commuter> riders) {
    List<Commuter> picked = new ArrayList<>();
    for (Commuter r : riders) {
      if (picked.size() == driver.seats() || ctx.err() != null) {
        break;
      }
      boolean hourFits = Math.abs(Duration.between(driver.leaves(), r.leaves()).toMinutes()) <= 15;
      if (hourFits && geo.detourKm(ctx, driver, r) < 4.0) {
        picked.add(r);
      }
    }
    return new Pairing(driver, picked);
  }

  /** Any driver at all for a rider, answered by whichever lookup finds one first. */
  public Optional<Commuter> anyDriver(Context ctx, Commuter rider, List<Commuter> drivers) {
    Chan<Commuter> found = Chan.make(drivers.size());
    AtomicBoolean stop = new AtomicBoolean();
    WaitGroup wg = new WaitGroup();
    for (Commuter d : drivers) {
      wg.go(() -> {
        if (!stop.get() && geo.detourKm(ctx, d, rider) < 4.0) {
          // OK(GoroutineLeak): the channel has a slot for every driver
          found.send(d);
        }
      });
    }
    // OK(UnclosedChannel): closer after the lookups; the caller never ranges before it
    Go.go(() -> {
      wg.await();
      found.close();
    });
    RecvChan<Commuter> r = found;
    Commuter first = Select.<Commuter>select().recv(r, c -> c).recv(ctx.done(), x -> null).run();
    stop.set(true);
    return Optional.ofNullable(first);
  }
}
