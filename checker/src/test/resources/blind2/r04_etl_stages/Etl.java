// Program: ETL pipeline; extract -> transform -> load stages with a shared context; the transform stage ignores cancellation and the loader's error path leaves the stage channel open.
import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;

final class Etl {
  record Row(int id, String raw) {}
  record Clean(int id, String value) {}

  static RecvChan<Row> extract(Context ctx, List<String> lines) {
    Chan<Row> out = Chan.make();
    Go.go(() -> {
      try {
        int id = 0;
        for (String l : lines) {
          Row r = new Row(id++, l);
          // OK(GoroutineLeak): the send is in a select with ctx.done()
          boolean sent = Select.<Boolean>select().send(out, r, () -> true).recv(ctx.done(), d -> false).run();
          if (!sent) {
            return;
          }
        }
      } finally {
        out.close();
      }
    });
    return out.recvOnly();
  }

  static RecvChan<Clean> transform(Context ctx, RecvChan<Row> in) {
    Chan<Clean> out = Chan.make();
    Go.go(() -> {
      for (Row r : in) {
        if (r.raw().isBlank()) {
          // BUG(UnclosedChannel): this early return leaves out unclosed; the loader's range never ends
          return;
        }
        out.send(new Clean(r.id(), r.raw().strip().toLowerCase()));
      }
      out.close();
    });
    return out.recvOnly();
  }

  static List<Clean> load(Context ctx, RecvChan<Clean> in) {
    List<Clean> table = new ArrayList<>();
    for (Clean c : in) {
      table.add(c);
    }
    return table;
  }

  static void copyN(Context ctx, RecvChan<Clean> in, SendChan<Clean> sink, int n) {
    // BUG(IgnoredCancellation): this loop blocks on receive and send but never looks at ctx
    for (int i = 0; i < n; i++) {
      sink.send(in.receive());
    }
  }

  static List<Clean> run(List<String> lines) {
    try (CancelContext ctx = Context.withCancel(Context.background())) {
      return load(ctx, transform(ctx, extract(ctx, lines)));
    }
  }
}
