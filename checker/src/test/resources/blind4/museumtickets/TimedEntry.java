import dev.goconc.*;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A museum's timed-entry booking: holds a slot while the visitor pays, releases it on timeout. */
public class TimedEntry {
  public record Slot(LocalTime start, int capacity) {}
  public record Booking(String visitor, Slot slot, int party) {}

  public interface Payments {
    boolean charge(Context ctx, String visitor, int cents);
  }

  private final Payments payments;
  private final int[] held;
  private final List<Slot> slots;

  public TimedEntry(Payments payments, List<Slot> slots) {
    this.payments = payments;
    this.slots = List.copyOf(slots);
    this.held = new int[slots.size()];
  }

  synchronized Optional<Integer> hold(int party) {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).capacity() - held[i] >= party) {
        held[i] += party;
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  synchronized void release(int slot, int party) {
    held[slot] -= party;
  }

  /** Books the first free slot; the hold is released if payment does not finish in 90 s. */
  public Optional<Booking> book(Context parent, String visitor, int party) {
    Optional<Integer> slot = hold(party);
    if (slot.isEmpty()) {
      return Optional.empty();
    }
    int s = slot.get();
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(90))) {
      // OK(GoroutineLeak): one slot: the payment goroutine can always deliver its answer
      Chan<Boolean> paid = Chan.make(1);
      Go.go(() -> paid.send(payments.charge(ctx, visitor, 1800 * party)));
      boolean ok = Select.<Boolean>select().recv(paid, b -> b).recv(ctx.done(), d -> false).run();
      if (!ok) {
        release(s, party);
        return Optional.empty();
      }
      return Optional.of(new Booking(visitor, slots.get(s), party));
    }
  }

  /** Group bookings are processed in parallel; results come back in the request order. */
  public List<Optional<Booking>> bookGroups(Context ctx, List<String> leaders, int party) {
    List<Optional<Booking>> out = new ArrayList<>();
    List<Chan<Optional<Booking>>> answers = new ArrayList<>();
    for (String leader : leaders) {
      Chan<Optional<Booking>> a = Chan.make(1);
      answers.add(a);
      Go.go(() -> a.send(book(ctx, leader, party)));
    }
    // BUG(IgnoredCancellation): the loop blocks on each receive with ctx in scope and never observes it
    for (Chan<Optional<Booking>> a : answers) {
      out.add(a.receive());
    }
    return out;
  }
}
