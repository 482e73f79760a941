import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Takes a consistent snapshot of a partitioned key-value store and writes it out sorted. */
final class Snapshotter {
  interface Partition {
    int id();

    Map<String, byte[]> scan(Context ctx, long atRevision);
  }

  interface Sink {
    void write(Context ctx, OutputStream out, Map<String, byte[]> sorted);
  }

  private final List<Partition> partitions;
  private final Sink sink;

  Snapshotter(List<Partition> partitions, Sink sink) {
    this.partitions = partitions;
    this.sink = sink;
  }

  int snapshot(Context ctx, long revision, OutputStream out) {
    // OK(LostCancel): try-with-resources
    try (CancelContext bounded = Context.withTimeout(ctx, Duration.ofMinutes(2))) {
      ErrGroup g = ErrGroup.withContext(bounded);
      g.setLimit(3);
      Map<Integer, Map<String, byte[]>> scanned = new ConcurrentHashMap<>();
      for (Partition p : partitions) {
        g.go(() -> scanned.put(p.id(), p.scan(g.context(), revision)));
      }
      Throwable err = g.await();
      if (err != null) {
        throw new IllegalStateException("snapshot at " + revision + " failed", err);
      }
      Map<String, byte[]> sorted = new TreeMap<>();
      scanned.values().forEach(sorted::putAll);
      sink.write(bounded, out, sorted);
      return sorted.size();
    }
  }
}
