import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Decides how many consumers each message queue needs from its depth and consumption rate. */
final class Autoscaler {
  record QueueStats(String queue, long depth, double perConsumerRate) {}

  record Decision(String queue, int consumers) {}

  interface Metrics {
    QueueStats stats(Context ctx, String queue);
  }

  private final Metrics metrics;
  private final Duration targetDrain;

  Autoscaler(Metrics metrics, Duration targetDrain) {
    this.metrics = metrics;
    this.targetDrain = targetDrain;
  }

  Decision decide(QueueStats s) {
    double needed = s.depth() / Math.max(1e-9, s.perConsumerRate() * targetDrain.toSeconds());
    return new Decision(s.queue(), (int) Math.max(1, Math.min(64, Math.ceil(needed))));
  }

  Map<String, Decision> evaluate(Context parent, List<String> queues) {
    Map<String, Decision> out = new ConcurrentHashMap<>();
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(3))) {
      ErrGroup g = ErrGroup.withContext(ctx);
      for (String q : queues) {
        g.tryGo(() -> out.put(q, decide(metrics.stats(g.context(), q))));
      }
      Throwable err = g.await();
      if (err != null) {
        return Map.of();
      }
    }
    return out;
  }
}
