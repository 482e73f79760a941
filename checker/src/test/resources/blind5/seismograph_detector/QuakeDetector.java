import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A seismograph network's event detector: an event is declared when a quorum of stations trigger. */
public class QuakeDetector {
  public record Sample(String station, Instant at, double counts) {}

  public record Trigger(String station, Instant onset, double ratio) {}

  public interface Station {
    String code();

    List<Sample> window(Context ctx);
  }

  private final int quorum;

  public QuakeDetector(int quorum) {
    this.quorum = quorum;
  }

  /** Declares an event as soon as a quorum of stations triggered. */
  public Optional<List<Trigger>> detect(Context ctx, List<Station> stations) {
    Chan<Trigger> triggers = Chan.make();
    for (Station s : stations) {
      Go.go(() -> staLta(s.window(ctx)).ifPresent(t -> {
        // BUG(GoroutineLeak): once the quorum is reached the detector stops receiving; later triggers block
        triggers.send(t);
      }));
    }
    List<Trigger> got = new ArrayList<>();
    while (got.size() < quorum) {
      Trigger t = Select.<Trigger>select().recv(triggers, x -> x).recv(ctx.done(), d -> null).run();
      if (t == null) {
        return Optional.empty();
      }
      got.add(t);
    }
    return Optional.of(got);
  }

  /** The fixed detector: a slot for every station's trigger. */
  public Optional<List<Trigger>> detectFixed(Context ctx, List<Station> stations) {
    // OK(GoroutineLeak): capacity for every station
    Chan<Trigger> triggers = Chan.make(stations.size());
    stations.forEach(s -> Go.go(() -> staLta(s.window(ctx)).ifPresent(triggers::send)));
    List<Trigger> got = new ArrayList<>();
    while (got.size() < quorum) {
      Trigger t = Select.<Trigger>select().recv(triggers, x -> x).recv(ctx.done(), d -> null).run();
      if (t == null) {
        return Optional.empty();
      }
      got.add(t);
    }
    return Optional.of(got);
  }

  /** Streams a station's samples, decoded from the raw miniSEED records. */
  static RecvChan<Sample> feed(Station s, List<byte[]> records) {
    Chan<Sample> out = Chan.make(64);
    Go.go(() -> {
      try {
        for (byte[] rec : records) {
          out.send(Decoder.decode(s.code(), rec));
        }
      } catch (IllegalArgumentException corrupt) {
        System.err.println(s.code() + ": corrupt record, feed stopped");
        // BUG(UnclosedChannel): the corrupt-record path leaves without closing; the archiver's range hangs
        return;
      }
      out.close();
    });
    return out;
  }

  /** Archives every sample of a station's feed. */
  public int archive(Station s, List<byte[]> records, List<Sample> into) {
    int n = 0;
    for (Sample x : feed(s, records)) {
      into.add(x);
      n++;
    }
    return n;
  }

  /** Recomputes the triggers of a finished day, one goroutine per station. */
  public List<Trigger> reprocess(List<List<Sample>> days) {
    List<Trigger> out = new ArrayList<>();
    WaitGroup wg = new WaitGroup();
    for (List<Sample> day : days) {
      wg.add(1);
      Go.go(new Runnable() {
        @Override
        public void run() {
          staLta(day).ifPresent(t -> {
            synchronized (out) {
              out.add(t);
            }
          });
          // BUG(WaitGroupDoneNotInFinally): an empty day makes staLta throw and this done is skipped
          wg.done();
        }
      });
    }
    wg.await();
    return out;
  }

  static Optional<Trigger> staLta(List<Sample> w) {
    if (w.isEmpty()) {
      throw new IllegalArgumentException("empty window");
    }
    int shortN = Math.max(1, w.size() / 10);
    double sta = w.subList(w.size() - shortN, w.size()).stream().mapToDouble(x -> Math.abs(x.counts())).average().orElse(0);
    double lta = w.stream().mapToDouble(x -> Math.abs(x.counts())).average().orElse(1);
    double ratio = lta == 0 ? 0 : sta / lta;
    return ratio > 3.5 ? Optional.of(new Trigger(w.get(0).station(), w.get(w.size() - shortN).at(), ratio)) : Optional.empty();
  }

  static final class Decoder {
    private Decoder() {}

    static Sample decode(String station, byte[] rec) {
      if (rec.length < 12) {
        throw new IllegalArgumentException("short record");
      }
      long millis = java.nio.ByteBuffer.wrap(rec, 0, 8).getLong();
      int counts = java.nio.ByteBuffer.wrap(rec, 8, 4).getInt();
      return new Sample(station, Instant.ofEpochMilli(millis), counts);
    }
  }
}
