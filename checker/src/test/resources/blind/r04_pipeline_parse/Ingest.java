import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.util.List;

/** Parses CSV lines into records on a goroutine and streams them to the caller. */
public final class Ingest {
  public record Row(String key, long value) {}

  public RecvChan<Row> parse(List<String> lines) {
    Chan<Row> rows = Chan.make(16);
    Go.go(
        () -> {
          for (String line : lines) {
            String[] cols = line.split(",");
            if (cols.length != 2) {
              System.err.println("bad line: " + line);
              // BUG(UnclosedChannel): returns on a malformed line without closing rows; the caller's range never ends
              return;
            }
            rows.send(new Row(cols[0].trim(), Long.parseLong(cols[1].trim())));
          }
          rows.close();
        });
    return rows;
  }

  public long total(List<String> lines) {
    long sum = 0;
    for (Row r : parse(lines)) {
      sum += r.value();
    }
    return sum;
  }

  public static void main(String[] args) {
    System.out.println(new Ingest().total(List.of("a,1", "b,2", "c,3")));
  }
}
