import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An election poll aggregator: pulls each pollster's releases, averages by party. */
public class PollAggregator {
  public record Poll(String pollster, String party, double share, int sampleSize) {}

  public interface Pollster {
    String name();

    List<Poll> releases();
  }

  private final Map<String, Double> lastSeen = new ConcurrentHashMap<>();

  /** Every pollster's releases merged into one stream. */
  RecvChan<Poll> allPolls(List<Pollster> pollsters) {
    Chan<Poll> out = Chan.make(16);
    WaitGroup wg = new WaitGroup();
    for (Pollster p : pollsters) {
      wg.add(1);
      Go.go(() -> {
        try {
          for (Poll poll : p.releases()) {
            out.send(poll);
          }
        } finally {
          wg.done();
        }
      });
    }
    // BUG(UnclosedChannel): the forwarders are awaited by nobody and out is never closed
    return out;
  }

  /** Weighted averages; ranges over the merged stream until it closes. */
  public Map<String, Double> average(List<Pollster> pollsters) {
    Map<String, double[]> acc = new HashMap<>();
    for (Poll p : allPolls(pollsters)) {
      double[] a = acc.computeIfAbsent(p.party(), k -> new double[2]);
      a[0] += p.share() * p.sampleSize();
      a[1] += p.sampleSize();
    }
    Map<String, Double> out = new HashMap<>();
    acc.forEach((party, a) -> out.put(party, a[1] == 0 ? 0 : a[0] / a[1]));
    return out;
  }

  /** Refreshes the last-seen shares from every pollster. */
  public Map<String, Double> refresh(List<Pollster> pollsters) throws InterruptedException {
    for (Pollster p : pollsters) {
      Go.go(() -> p.releases().forEach(poll -> lastSeen.put(p.name() + "/" + poll.party(), poll.share())));
    }
    // BUG(SleepInsteadOfSynchronization): guesses how long the pollsters take instead of waiting for them
    Thread.sleep(2_000);
    return Map.copyOf(lastSeen);
  }

  /** The fixed refresh: a WaitGroup says when they are done. */
  public Map<String, Double> refreshFixed(List<Pollster> pollsters) {
    WaitGroup wg = new WaitGroup();
    for (Pollster p : pollsters) {
      wg.go(() -> p.releases().forEach(poll -> lastSeen.put(p.name() + "/" + poll.party(), poll.share())));
    }
    // OK(SleepInsteadOfSynchronization): a real wait for the goroutines
    wg.await();
    return Map.copyOf(lastSeen);
  }

  public DoubleSummaryStatistics spread(String party) {
    return lastSeen.entrySet().stream()
        .filter(e -> e.getKey().endsWith("/" + party))
        .mapToDouble(Map.Entry::getValue)
        .summaryStatistics();
  }
}
