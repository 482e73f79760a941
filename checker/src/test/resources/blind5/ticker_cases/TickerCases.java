import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.util.List;

/** Cases in the style of staticcheck SA1015 and lostcancel applied to tickers and timers. */
class TickerCases {
  private Ticker kept;

  void neverStopped(Runnable r) {
    // BUG(TickerNotStopped): never stopped
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    for (int i = 0; i < 3; i++) {
      t.c().receive();
      r.run();
    }
  }

  void stoppedInFinally(Runnable r) {
    // OK(TickerNotStopped): finally
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    try {
      for (int i = 0; i < 3; i++) {
        t.c().receive();
        r.run();
      }
    } finally {
      t.stop();
    }
  }

  Ticker returned() {
    // OK(TickerNotStopped): returned to the caller
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    return t;
  }

  void storedInField() {
    // OK(TickerNotStopped): stored in a field
    kept = Time.newTicker(Duration.ofSeconds(5));
  }

  void stopKept() {
    if (kept != null) {
      kept.stop();
    }
  }

  void timerEarlyExit(Context ctx, List<String> jobs) {
    // BUG(TickerNotStopped): the empty-jobs return leaves the timer pending
    Timer deadline = Time.newTimer(Duration.ofSeconds(30));
    if (jobs.isEmpty()) {
      return;
    }
    Select.<Void>select().recv(deadline.c(), t -> null).recv(ctx.done(), d -> null).run();
    deadline.stop();
  }

  void timerFired() {
    // OK(TickerNotStopped): received from: it has fired
    Timer t = Time.newTimer(Duration.ofMillis(5));
    t.c().receive();
  }

  void timerThrowPath(String s) {
    // OK(TickerNotStopped): the other path ends in a throw
    Timer t = Time.newTimer(Duration.ofMillis(5));
    if (s == null) {
      throw new IllegalArgumentException();
    }
    t.stop();
  }

  void timerDiscarded() {
    // BUG(TickerNotStopped): the timer is discarded and never stopped
    Time.newTimer(Duration.ofMinutes(1));
  }

  public static void main(String[] args) {
    // OK(TickerNotStopped): main is exempt
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    t.c().receive();
  }
}
