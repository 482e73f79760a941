import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.util.List;

/** Tickers and timers left running (staticcheck SA1015's concern, vet's lostcancel idea). */
class TickerShapes {
  static int pollThreeTimes(Duration every) {
    // BUG(TickerNotStopped): never stopped: the ticker keeps firing after the method returns
    Ticker t = Time.newTicker(every);
    int n = 0;
    for (int i = 0; i < 3; i++) {
      t.c().receive();
      n++;
    }
    return n;
  }

  static boolean waitOrGiveUp(Duration max, dev.goconc.RecvChan<String> replies) {
    // BUG(TickerNotStopped): when the reply wins the select, the timer is left pending
    Timer giveUp = Time.newTimer(max);
    return Select.<Boolean>select()
        .recv(replies, r -> true)
        .recv(giveUp.c(), t -> false)
        .run();
  }

  static int pollStopped(Duration every) {
    Ticker t = Time.newTicker(every);
    try {
      int n = 0;
      for (int i = 0; i < 3; i++) {
        t.c().receive();
        n++;
      }
      return n;
    } finally {
      // OK(TickerNotStopped): stopped in finally
      t.stop();
    }
  }

  static Ticker handedOut(Duration every) {
    // OK(TickerNotStopped): returned to the caller, who owns it
    Ticker t = Time.newTicker(every);
    return t;
  }

  static void registered(Duration every, List<Ticker> owned) {
    // OK(TickerNotStopped): stored in a collection owned by the caller
    Ticker t = Time.newTicker(every);
    owned.add(t);
  }

  static void fired(Duration d) {
    // OK(TickerNotStopped): its value was received: the timer has fired
    Timer t = Time.newTimer(d);
    t.c().receive();
    System.out.println("fired");
  }

  static void invalid(Duration d) {
    // OK(TickerNotStopped): the only path that skips stop() ends in a throw
    Timer t = Time.newTimer(d);
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative");
    }
    t.stop();
  }
}
