import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;

class Tickers {
  private Ticker kept;

  static int earlyReturn(Context ctx, int rounds) {
    // BUG(TickerNotStopped): the early return leaves the ticker running
    Ticker t = Time.newTicker(Duration.ofMillis(100));
    if (rounds <= 0) {
      return 0;
    }
    // BUG(IgnoredCancellation): the loop blocks on ticks with ctx in scope and never observes it
    for (int i = 0; i < rounds; i++) {
      t.c().receive();
    }
    t.stop();
    return rounds;
  }

  static boolean raceTimer(Context ctx) {
    // BUG(TickerNotStopped): when ctx wins the select the timer is neither received nor stopped
    Timer timer = Time.newTimer(Duration.ofSeconds(5));
    return Select.<Boolean>select().recv(timer.c(), t -> true).recv(ctx.done(), d -> false).run();
  }

  static void received() {
    // OK(TickerNotStopped): the timer has fired: its channel was received from
    Timer timer = Time.newTimer(Duration.ofMillis(10));
    timer.c().receive();
  }

  static Ticker returned() {
    // OK(TickerNotStopped): returned to the caller
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    return t;
  }

  void stored() {
    // OK(TickerNotStopped): stored in a field
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    kept = t;
  }

  static void tryWith(int n) {
    // OK(TickerNotStopped): try-with-resources stops it
    try (Ticker t = Time.newTicker(Duration.ofMillis(5))) {
      for (int i = 0; i < n; i++) {
        t.c().receive();
      }
    }
  }

  static void throwPath(int n) {
    // OK(TickerNotStopped): the path without stop ends in throw
    Ticker t = Time.newTicker(Duration.ofMillis(5));
    if (n < 0) {
      throw new IllegalArgumentException();
    }
    t.c().receive();
    t.stop();
  }

  public static void main(String[] args) {
    // OK(TickerNotStopped): main is exempt
    Ticker t = Time.newTicker(Duration.ofMillis(5));
    t.c().receive();
  }
}
