import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sports live-score ticker: polls the feed, pushes changed scores to subscribers. */
public final class ScoreBoard implements AutoCloseable {
  public record Score(String match, int home, int away, int minute) {
    String line() {
      return "%s %d-%d (%d')".formatted(match, home, away, minute);
    }
  }

  public interface ScoreFeed {
    List<Score> poll(Context ctx);
  }

  private final Map<String, Score> latest = new ConcurrentHashMap<>();
  private final List<Chan<Score>> subscribers = new CopyOnWriteArrayList<>();
  // OK(ContextInField): keeping only the power to cancel is the Go idiom
  private final CancelFunc stop;
  private final Chan<Boolean> stopped = Chan.make();

  public ScoreBoard(Context parent, ScoreFeed feed, Duration every) {
    CancelContext ctx = Context.withCancel(parent);
    // OK(LostCancel): the cancel function is kept in a field and called by close()
    this.stop = ctx.cancelFunc();
    Go.go(() -> pollLoop(ctx, feed, every));
  }

  private void pollLoop(Context ctx, ScoreFeed feed, Duration every) {
    // OK(TickerNotStopped): stopped in finally whichever way the loop ends
    Ticker ticker = Time.newTicker(every);
    try {
      // OK(GoroutineLeak): the loop leaves when ctx is done
      while (true) {
        boolean tick = Select.<Boolean>select()
            .recv(ticker.c(), t -> true)
            .recv(ctx.done(), d -> false)
            .run();
        if (!tick) {
          return;
        }
        for (Score s : feed.poll(ctx)) {
          Score old = latest.put(s.match(), s);
          if (!s.equals(old)) {
            publish(ctx, s);
          }
        }
      }
    } finally {
      ticker.stop();
      // OK(ReceiverSideClose): a quit channel nobody sends on, closed by its owner
      stopped.close();
    }
  }

  private void publish(Context ctx, Score s) {
    for (Chan<Score> sub : subscribers) {
      // a slow subscriber loses updates rather than stalling the board
      sub.trySend(s);
    }
  }

  /** A subscription with room for a burst of goals. */
  public RecvChan<Score> subscribe() {
    Chan<Score> c = Chan.make(16);
    subscribers.add(c);
    return c;
  }

  /** Blocks until the poller has wound down. */
  public void awaitStopped() {
    stopped.receive();
  }

  @Override
  public void close() {
    stop.cancel();
    awaitStopped();
  }
}
