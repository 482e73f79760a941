import dev.goconc.*;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A parcel-locker bank: couriers drop parcels, recipients collect with a code; one goroutine owns the state. */
public class LockerBank implements AutoCloseable {
  public enum Size { S, M, L }
  public record Parcel(String tracking, Size size) {}

  private sealed interface Op permits Drop, Collect {}
  private record Drop(Parcel p, Chan<Optional<String>> reply) implements Op {}
  private record Collect(String code, Chan<Optional<Parcel>> reply) implements Op {}

  private final Chan<Op> ops = Chan.make();
  private final CancelFunc shutdown;
  private final Chan<Void> finished = Chan.make();

  public LockerBank(Context parent, Map<Size, Integer> lockers) {
    CancelContext ctx = Context.withCancel(parent);
    this.shutdown = ctx.cancelFunc();
    Go.go(() -> serve(ctx, new HashMap<>(lockers)));
  }

  private void serve(Context ctx, Map<Size, Integer> free) {
    Map<String, Parcel> stored = new HashMap<>();
    try {
      // OK(GoroutineLeak): the owner loop returns when ctx is done
      while (true) {
        Op op = Select.<Op>select().recv(ops, o -> o).recv(ctx.done(), d -> null).run();
        if (op == null) {
          return;
        }
        switch (op) {
          case Drop d -> {
            int n = free.getOrDefault(d.p().size(), 0);
            if (n == 0) {
              d.reply().send(Optional.empty());
            } else {
              free.put(d.p().size(), n - 1);
              String code = UUID.randomUUID().toString().substring(0, 6);
              stored.put(code, d.p());
              d.reply().send(Optional.of(code));
            }
          }
          case Collect c -> {
            Parcel p = stored.remove(c.code());
            if (p != null) {
              free.merge(p.size(), 1, Integer::sum);
            }
            c.reply().send(Optional.ofNullable(p));
          }
        }
      }
    } finally {
      finished.close();
    }
  }

  /** Each request carries a one-slot reply channel, so the owner never blocks on a caller who left. */
  public Optional<String> drop(Context ctx, Parcel p) {
    // OK(GoroutineLeak): the reply channel has one slot for the owner's single send
    Chan<Optional<String>> reply = Chan.make(1);
    boolean sent = Select.<Boolean>select().send(ops, new Drop(p, reply), () -> true).recv(ctx.done(), d -> false).run();
    if (!sent) {
      return Optional.empty();
    }
    return Select.<Optional<String>>select().recv(reply, r -> r).recv(ctx.done(), d -> Optional.<String>empty()).run();
  }

  public Optional<Parcel> collect(Context ctx, String code) {
    Chan<Optional<Parcel>> reply = Chan.make(1);
    boolean sent = Select.<Boolean>select().send(ops, new Collect(code, reply), () -> true).recv(ctx.done(), d -> false).run();
    if (!sent) {
      return Optional.empty();
    }
    return Select.<Optional<Parcel>>select().recv(reply, r -> r).recv(ctx.done(), d -> Optional.<Parcel>empty()).run();
  }

  @Override
  public void close() {
    shutdown.cancel();
    // OK(TickerNotStopped): Time.after is not a Timer to stop
    Select.<Void>select().recv(finished, f -> null).recv(Time.after(Duration.ofSeconds(5)), t -> null).run();
  }
}
