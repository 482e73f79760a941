import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Exports a table page by page: a reader goroutine feeds a writer goroutine. */
final class Exporter {
  interface Table {
    List<String> page(Context ctx, int n);

    int pages();
  }

  interface Sink {
    void write(Context ctx, String row);
  }

  static int export(Context parent, Table table, Sink sink) throws Throwable {
    ErrGroup g = ErrGroup.withContext(parent);
    Context ctx = g.context();
    Chan<String> rows = Chan.make();
    AtomicInteger written = new AtomicInteger();
    g.go(
        () -> {
          try {
            // BUG(IgnoredCancellation): the unbuffered sends block when the writer has failed, and the loop never watches ctx
            for (int p = 0; p < table.pages(); p++) {
              for (String row : table.page(ctx, p)) {
                rows.send(row);
              }
            }
          } finally {
            rows.close();
          }
        });
    g.go(
        () -> {
          for (String row : rows) {
            if (row.isEmpty()) {
              throw new IllegalStateException("empty row");
            }
            sink.write(ctx, row);
            written.incrementAndGet();
          }
        });
    Throwable err = g.await();
    if (err != null) {
      throw err;
    }
    return written.get();
  }
}
