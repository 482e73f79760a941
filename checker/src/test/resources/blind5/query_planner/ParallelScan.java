import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** An SQL engine's parallel table scan: one goroutine per partition, rows merged by the planner. */
public final class ParallelScan {
  public record Row(long id, Object[] values) {}

  public record Partition(int index, List<Row> rows) {}

  public sealed interface Outcome permits Rows, Failure {}

  public record Rows(int partition, List<Row> rows) implements Outcome {}

  public record Failure(int partition, RuntimeException error) implements Outcome {}

  /** Scans every partition; the first failure cancels the others' work. */
  public List<Row> scan(Context parent, List<Partition> partitions, Predicate<Row> where) {
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withCancel(parent)) {
      // OK(GoroutineLeak): one slot per partition, and the planner receives exactly that many
      Chan<Outcome> outcomes = Chan.make(partitions.size());
      for (Partition p : partitions) {
        Go.go(() -> outcomes.send(scanOne(ctx, p, where)));
      }
      List<Row> out = new ArrayList<>();
      RuntimeException first = null;
      // OK(IgnoredCancellation): the loop checks the caller's cancellation before each receive
      for (int i = 0; i < partitions.size() && parent.err() == null; i++) {
        switch (outcomes.receive()) {
          case Rows r -> out.addAll(r.rows());
          case Failure f -> {
            if (first == null) {
              first = f.error();
              ctx.cancel();
            }
          }
        }
      }
      if (first != null) {
        throw first;
      }
      return out;
    }
  }

  private static Outcome scanOne(Context ctx, Partition p, Predicate<Row> where) {
    try {
      List<Row> hits = new ArrayList<>();
      for (Row r : p.rows()) {
        if (ctx.err() != null) {
          break;
        }
        if (where.test(r)) {
          hits.add(r);
        }
      }
      return new Rows(p.index(), hits);
    } catch (RuntimeException e) {
      return new Failure(p.index(), e);
    }
  }

  /** Counts matching rows, waiting for every partition with an unbuffered channel. */
  public long count(List<Partition> partitions, Predicate<Row> where) {
    Chan<Long> counts = Chan.make();
    for (Partition p : partitions) {
      Go.go(() -> counts.send(p.rows().stream().filter(where).count()));
    }
    long total = 0;
    // OK(GoroutineLeak): the method receives every count on every path; no early exit
    for (int i = 0; i < partitions.size(); i++) {
      total += counts.receive();
    }
    return total;
  }
}
