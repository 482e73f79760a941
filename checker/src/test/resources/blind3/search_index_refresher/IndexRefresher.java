import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Rebuilds a search index snapshot on a period until stopped; readers always see a whole snapshot. */
final class IndexRefresher implements AutoCloseable {
  record Snapshot(long generation, int documents) {}

  interface Source {
    int countDocuments(Context ctx);
  }

  private final Source source;
  private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot(0, 0));
  private final AtomicLong generation = new AtomicLong();
  // OK(LostCancel): the owner keeps the power to cancel and close() calls it
  private final CancelFunc stop;

  IndexRefresher(Context parent, Source source, Duration period) {
    this.source = source;
    // OK(LostCancel): handed over: its cancel function is stored in a field
    CancelContext ctx = Context.withCancel(parent);
    this.stop = ctx.cancelFunc();
    Go.go(() -> loop(ctx, period));
  }

  private void loop(Context ctx, Duration period) {
    // OK(TickerNotStopped): try-with-resources stops the ticker when the loop ends
    try (Ticker ticker = Time.newTicker(period)) {
      // OK(GoroutineLeak): the loop leaves when ctx is cancelled
      while (true) {
        boolean again = Select.<Boolean>select()
            .recv(ticker.c(), t -> true)
            .recv(ctx.done(), x -> false)
            .run();
        if (!again) {
          return;
        }
        rebuild(ctx);
      }
    }
  }

  private void rebuild(Context ctx) {
    int docs = source.countDocuments(ctx);
    current.set(new Snapshot(generation.incrementAndGet(), docs));
  }

  Snapshot snapshot() {
    return current.get();
  }

  @Override
  public void close() {
    stop.cancel();
  }
}
