import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A git-like merge conflict detector: compares hunks of "ours" and "theirs" per file. */
public class ConflictDetector {
  public record Hunk(String file, int start, int end, String text) {
    boolean overlaps(Hunk o) {
      return file.equals(o.file) && start <= o.end && o.start <= end;
    }
  }

  public record Conflict(String file, Hunk ours, Hunk theirs) {}

  /** Streams conflicts per file; files are done one after another. */
  public List<Conflict> detect(Map<String, List<Hunk>> ours, Map<String, List<Hunk>> theirs) {
    Chan<Conflict> found = Chan.make(64);
    WaitGroup wg = new WaitGroup();
    wg.go(() -> {
      for (String file : ours.keySet()) {
        for (Hunk a : ours.get(file)) {
          for (Hunk b : theirs.getOrDefault(file, List.of())) {
            if (a.overlaps(b) && !Objects.equals(a.text(), b.text())) {
              found.send(new Conflict(file, a, b));
            }
          }
        }
        if (file.endsWith(".lock")) {
          // lock files are regenerated, no point in going on: stop the stream here
          found.close();
        }
      }
      // BUG(SendOnClosedChannel): when a lock file ended the stream, this second close throws
      found.close();
    });
    List<Conflict> out = drain(found);
    wg.await();
    return out;
  }

  /** The fixed stream: one close, in finally, with a labelled break for the lock file. */
  public List<Conflict> detectFixed(Map<String, List<Hunk>> ours, Map<String, List<Hunk>> theirs) {
    Chan<Conflict> found = Chan.make(64);
    Go.go(() -> {
      try {
        files:
        for (String file : ours.keySet()) {
          for (Hunk a : ours.get(file)) {
            for (Hunk b : theirs.getOrDefault(file, List.of())) {
              if (a.overlaps(b) && !Objects.equals(a.text(), b.text())) {
                found.send(new Conflict(file, a, b));
              }
            }
          }
          if (file.endsWith(".lock")) {
            break files;
          }
        }
      } finally {
        // OK(SendOnClosedChannel): the only close
        found.close();
      }
    });
    return drainReadOnly(found);
  }

  /** Collects conflicts until the stream ends, then shuts it for good measure. */
  static List<Conflict> drain(Chan<Conflict> stream) {
    List<Conflict> out = new ArrayList<>();
    for (Conflict c : stream) {
      out.add(c);
    }
    // BUG(ReceiverSideClose): drain only receives; closing here races the detector's own close
    stream.close();
    return out;
  }

  static List<Conflict> drainReadOnly(RecvChan<Conflict> stream) {
    List<Conflict> out = new ArrayList<>();
    for (Conflict c : stream) {
      out.add(c);
    }
    return out;
  }
}
