import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Tails log lines and ships them in batches; a bounded buffer pushes back on the tailer. */
final class LogShipper {
  record Line(String source, String text) {}

  interface Sink {
    void ship(Context ctx, List<Line> batch);
  }

  static RecvChan<Line> tail(Context ctx, Iterator<Line> lines) {
    Chan<Line> out = Chan.make(1024);
    Go.go(() -> {
      try {
        // OK(IgnoredCancellation): each blocking send is a select with ctx.done()
        while (lines.hasNext()) {
          Line l = lines.next();
          boolean sent = Select.<Boolean>select()
              .send(out, l, () -> true)
              .recv(ctx.done(), x -> false)
              .run();
          if (!sent) {
            return;
          }
        }
      } finally {
        // OK(UnclosedChannel): the tailer, the single sender, closes in finally
        out.close();
      }
    });
    return out.recvOnly();
  }

  private enum Event { LINE, TICK, END }

  static int ship(Context ctx, RecvChan<Line> lines, Sink sink, int batchSize, Duration maxDelay) {
    int shipped = 0;
    List<Line> batch = new ArrayList<>(batchSize);
    // OK(TickerNotStopped): the flush ticker is stopped by try-with-resources
    try (Ticker flush = Time.newTicker(maxDelay)) {
      Event e;
      do {
        e = Select.<Event>select()
            .recvOk(lines, r -> {
              if (!r.ok()) {
                return Event.END;
              }
              batch.add(r.value());
              return Event.LINE;
            })
            .recv(flush.c(), t -> Event.TICK)
            .recv(ctx.done(), x -> Event.END)
            .run();
        boolean due = switch (e) {
          case LINE -> batch.size() >= batchSize;
          case TICK, END -> !batch.isEmpty();
        };
        if (due) {
          sink.ship(ctx, List.copyOf(batch));
          shipped += batch.size();
          batch.clear();
        }
      } while (e != Event.END);
    }
    return shipped;
  }
}
