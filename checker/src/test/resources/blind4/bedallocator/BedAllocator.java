import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assigns admitted patients to free beds across wards, asking every ward in parallel. */
public class BedAllocator {
  public enum Acuity {
    ICU(1), HIGH(2), GENERAL(3);
    final int priority;
    Acuity(int priority) { this.priority = priority; }
    boolean fits(Ward w) { return w.level().priority <= priority; }
  }

  public record Patient(String mrn, Acuity acuity) {}
  public record Bed(String ward, int number) {}

  public interface Ward {
    String name();
    Acuity level();
    Optional<Bed> reserve(Context ctx, Patient p);
  }

  private final List<Ward> wards;

  public BedAllocator(List<Ward> wards) {
    this.wards = List.copyOf(wards);
  }

  /** Asks every fitting ward at once; keeps the first offer; the others are released by ctx. */
  public Optional<Bed> allocate(Context parent, Patient p) {
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(3))) {
      List<Ward> fitting = wards.stream().filter(p.acuity()::fits).toList();
      // OK(GoroutineLeak): every ward's send selects on ctx.done(), which the try closes
      Chan<Bed> offers = Chan.make();
      WaitGroup wg = new WaitGroup();
      for (Ward w : fitting) {
        wg.go(() -> w.reserve(ctx, p).ifPresent(bed ->
            Select.<Void>select()
                .send(offers, bed, () -> null)
                .recv(ctx.done(), d -> null)
                .run()));
      }
      Chan<Void> allAsked = Chan.make();
      Go.go(() -> {
        wg.await();
        allAsked.close();
      });
      return Select.<Optional<Bed>>select()
          .recv(offers, Optional::of)
          .recv(allAsked, v -> Optional.<Bed>empty())
          .recv(ctx.done(), d -> Optional.<Bed>empty())
          .run();
    }
  }

  /** Nightly census: counts free beds per acuity. */
  public Map<Acuity, Integer> census(Context ctx, Map<Ward, Integer> freeBeds) {
    Map<Acuity, Integer> totals = new EnumMap<>(Acuity.class);
    ErrGroup g = ErrGroup.withContext(ctx);
    List<int[]> cells = new ArrayList<>();
    for (Map.Entry<Ward, Integer> e : freeBeds.entrySet()) {
      int[] cell = new int[] {e.getKey().level().ordinal(), 0};
      cells.add(cell);
      g.go(() -> {
        if (g.context().err() != null) {
          return;
        }
        cell[1] = e.getValue();
      });
    }
    Throwable err = g.await();
    if (err != null) {
      return Map.of();
    }
    for (int[] c : cells) {
      totals.merge(Acuity.values()[c[0]], c[1], Integer::sum);
    }
    return totals;
  }
}
