import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scrapes a set of exporters and merges their samples into one exposition. */
class Scraper {
  record Sample(String metric, Map<String, String> labels, double value) {}

  interface Exporter {
    List<Sample> scrape(Context ctx, URI target);
  }

  private final Exporter exporter;

  Scraper(Exporter exporter) {
    this.exporter = exporter;
  }

  Map<String, Double> scrapeAll(Context ctx, List<URI> targets) {
    Chan<Sample> samples = Chan.make(256);
    WaitGroup wg = new WaitGroup();
    for (URI t : targets) {
      wg.go(() -> publish(ctx, samples, exporter.scrape(ctx, t)));
    }
    Map<String, Double> merged = new TreeMap<>();
    // BUG(UnclosedChannel): nobody closes samples after the scrapers finish, so this loop never ends
    for (Sample s : samples) {
      merged.merge(s.metric(), s.value(), Double::sum);
    }
    return merged;
  }

  Map<String, Double> scrapeAllFixed(Context ctx, List<URI> targets) {
    Chan<Sample> samples = Chan.make(256);
    WaitGroup wg = new WaitGroup();
    for (URI t : targets) {
      wg.go(() -> publish(ctx, samples, exporter.scrape(ctx, t)));
    }
    Go.go(() -> {
      wg.await();
      samples.close();
    });
    Map<String, Double> merged = new TreeMap<>();
    // OK(UnclosedChannel): closed by the goroutine that awaits every scraper
    for (Sample s : samples) {
      merged.merge(s.metric(), s.value(), Double::sum);
    }
    return merged;
  }

  /** Sends each sample unless the scrape is cancelled first. */
  private static void publish(Context ctx, Chan<Sample> out, List<Sample> batch) {
    for (Sample s : batch) {
      boolean sent = Select.<Boolean>select()
          .send(out, s, () -> true)
          .recv(ctx.done(), x -> false)
          .run();
      if (!sent) {
        return;
      }
    }
  }

  List<Sample> scrapeOne(Context ctx, URI target) {
    Chan<Sample> samples = Chan.make(16);
    Go.go(() -> {
      try {
        publish(ctx, samples, exporter.scrape(ctx, target));
      } finally {
        samples.close();
      }
    });
    List<Sample> out = new ArrayList<>();
    // OK(UnclosedChannel): the single sender closes in finally
    for (Sample s : samples) {
      out.add(s);
    }
    return out;
  }
}
