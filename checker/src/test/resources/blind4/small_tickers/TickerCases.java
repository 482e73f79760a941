import dev.goconc.*;
import java.time.Duration;
import java.util.List;

/** Small cases in the spirit of staticcheck SA1015 and lostcancel applied to timers. */
public class TickerCases {
  static void tickerPerItem(List<String> items) {
    for (String s : items) {
      // BUG(TickerNotStopped): a new ticker each round, never stopped
      Ticker t = Time.newTicker(Duration.ofMillis(100));
      t.c().receive();
      System.out.println(s);
    }
  }

  static boolean timerEarlyReturn(RecvChan<String> in, boolean skip) {
    // BUG(TickerNotStopped): the skip path returns without stopping the timer
    Timer t = Time.newTimer(Duration.ofSeconds(1));
    if (skip) {
      return false;
    }
    String s = Select.<String>select().recv(in, x -> x).recv(t.c(), x -> null).run();
    t.stop();
    return s != null;
  }

  static void firedTimer() {
    // OK(TickerNotStopped): the channel was received from: the timer fired
    Timer t = Time.newTimer(Duration.ofMillis(10));
    t.c().receive();
  }

  static void withResources(RecvChan<String> in) {
    // OK(TickerNotStopped): try-with-resources stops it
    try (Ticker t = Time.newTicker(Duration.ofMillis(50))) {
      for (int i = 0; i < 3; i++) {
        Select.<Void>select().recv(in, x -> null).recv(t.c(), x -> null).run();
      }
    }
  }

  static Ticker handedBack() {
    // OK(TickerNotStopped): returned: the caller owns it
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    return t;
  }

  static void stopInFinally(RecvChan<String> in) {
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    try {
      for (String s : in) {
        System.out.println(s);
      }
    } finally {
      // OK(TickerNotStopped): stopped in finally
      t.stop();
    }
  }

  static void stopsOnlyOnSuccess(RecvChan<String> in) {
    // BUG(TickerNotStopped): the throw-free null path returns without stopping
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    String first = in.receive();
    if (first == null) {
      return;
    }
    t.c().receive();
    t.stop();
  }

  static void throwPath(boolean bad) {
    // OK(TickerNotStopped): the unstopped path ends in a throw
    Ticker t = Time.newTicker(Duration.ofSeconds(1));
    if (bad) {
      throw new IllegalStateException("bad");
    }
    t.stop();
  }
}
