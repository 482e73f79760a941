// Program: metrics aggregator; collectors report into a synchronized aggregator whose flush waits on the WaitGroup while holding the monitor.
import dev.goconc.*;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

final class Aggregator {
  private final Map<String, Double> sums = new HashMap<>();

  synchronized void report(String name, double v) {
    sums.merge(name, v, Double::sum);
  }

  synchronized Map<String, Double> collect(Map<String, Supplier<Double>> collectors) {
    WaitGroup wg = new WaitGroup();
    collectors.forEach((name, c) -> wg.go(() -> report(name, c.get())));
    // BUG(WaitGroupAwaitHoldingLock): the collectors call the synchronized report(), and this waits for them holding the same monitor
    wg.await();
    Map<String, Double> snapshot = Map.copyOf(sums);
    sums.clear();
    return snapshot;
  }

  Map<String, Double> collectFixed(Map<String, Supplier<Double>> collectors) {
    WaitGroup wg = new WaitGroup();
    collectors.forEach((name, c) -> wg.go(() -> report(name, c.get())));
    // OK(WaitGroupAwaitHoldingLock): no monitor is held while waiting
    wg.await();
    synchronized (this) {
      Map<String, Double> snapshot = Map.copyOf(sums);
      sums.clear();
      return snapshot;
    }
  }

  static double average(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
