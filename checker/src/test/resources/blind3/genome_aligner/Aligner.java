import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Aligns sequencing reads against a reference with several heuristics, keeping the first answer. */
class Aligner {
  record Read(String id, String bases) {}

  record Alignment(String readId, int position, int mismatches) {}

  /** Generic: runs every candidate, returns whichever answers first within the timeout. */
  static <T> Optional<T> firstOf(Duration timeout, List<Supplier<T>> candidates) {
    Chan<T> answers = Chan.make();
    for (Supplier<T> c : candidates) {
      Go.go(() -> {
        T value = c.get();
        // BUG(GoroutineLeak): only one answer is received; every other candidate's goroutine blocks here for ever
        answers.send(value);
      });
    }
    return Select.<Optional<T>>select()
        .recv(answers, Optional::of)
        .recv(Time.after(timeout), t -> Optional.empty())
        .run();
  }

  static <T> Optional<T> firstOfFixed(Duration timeout, List<Supplier<T>> candidates) {
    Chan<T> answers = Chan.make(candidates.size());
    for (Supplier<T> c : candidates) {
      Go.go(() -> {
        T value = c.get();
        // OK(GoroutineLeak): a slot per candidate
        answers.send(value);
      });
    }
    return Select.<Optional<T>>select()
        .recv(answers, Optional::of)
        .recv(Time.after(timeout), t -> Optional.empty())
        .run();
  }

  static Optional<Alignment> align(Read r, String reference) {
    List<Supplier<Alignment>> heuristics = List.of(
        () -> exact(r, reference),
        () -> seeded(r, reference, 12),
        () -> seeded(r, reference, 8));
    return firstOfFixed(Duration.ofSeconds(1), heuristics);
  }

  private static Alignment exact(Read r, String ref) {
    int at = ref.indexOf(r.bases());
    return new Alignment(r.id(), at, at < 0 ? r.bases().length() : 0);
  }

  private static Alignment seeded(Read r, String ref, int seed) {
    int at = ref.indexOf(r.bases().substring(0, Math.min(seed, r.bases().length())));
    int mismatches = 0;
    for (int i = 0; at >= 0 && i < r.bases().length() && at + i < ref.length(); i++) {
      if (ref.charAt(at + i) != r.bases().charAt(i)) {
        mismatches++;
      }
    }
    return new Alignment(r.id(), at, mismatches);
  }
}
