import dev.goconc.Chan;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts log levels across several log streams. */
public class LogTail {
  private final List<RecvChan<String>> streams;

  public LogTail(List<RecvChan<String>> streams) {
    this.streams = streams;
  }

  public Map<String, Integer> countLevels() {
    Chan<String> merged = Chan.make(64);
    WaitGroup wg = new WaitGroup();
    for (RecvChan<String> s : streams) {
      wg.go(() -> s.forEach(merged::send));
    }
    Map<String, Integer> counts = new TreeMap<>();
    // BUG(UnclosedChannel): fan-in without a closer: nobody awaits wg and closes merged, so this loop never ends
    for (String line : merged) {
      String level = line.contains(" ERROR ") ? "ERROR" : line.contains(" WARN ") ? "WARN" : "INFO";
      counts.merge(level, 1, Integer::sum);
    }
    return counts;
  }
}
