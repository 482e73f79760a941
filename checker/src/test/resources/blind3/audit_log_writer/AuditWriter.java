import dev.goconc.Chan;
import dev.goconc.Go;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** Appends audit records to a file through a single writer goroutine. */
class AuditWriter {
  record Record(Instant at, String actor, String action) {
    String line() {
      return at + " " + actor + " " + action + "\n";
    }
  }

  private final Chan<Record> records = Chan.make(1024);
  private final Chan<Boolean> closed = Chan.make(1);

  AuditWriter(Writer out) {
    Go.go(() -> {
      try {
        for (Record r : records) {
          out.write(r.line());
        }
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        closed.send(Boolean.TRUE);
      }
    });
  }

  boolean append(Record r) {
    return records.trySend(r);
  }

  void shutdown(List<Record> lastWords) {
    records.close();
    for (Record r : lastWords) {
      // BUG(SendOnClosedChannel): trySend after close throws, it does not return false
      if (!records.trySend(r)) {
        System.err.println("audit record lost: " + r.line());
      }
    }
    closed.receive();
  }

  void shutdownFixed(List<Record> lastWords) {
    for (Record r : lastWords) {
      if (!records.trySend(r)) {
        System.err.println("audit record lost: " + r.line());
      }
    }
    // OK(SendOnClosedChannel): the last records go in before the close
    records.close();
    closed.receive();
  }
}
