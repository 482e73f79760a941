// Program: small cases of timers and tickers stopped on some paths only, and their hand-overs.
import dev.goconc.*;
import java.time.Duration;

final class TimerPaths {
  static String earlyReturn(RecvChan<String> in, boolean skip) {
    // BUG(TickerNotStopped): the skip path returns without stopping the timer
    Timer t = Time.newTimer(Duration.ofSeconds(1));
    if (skip) {
      return "skipped";
    }
    String r = Select.<String>select().recv(in, v -> v).recv(t.c(), x -> "timeout").run();
    t.stop();
    return r;
  }

  static int countTicks(int n) {
    // BUG(TickerNotStopped): never stopped
    Ticker tk = Time.newTicker(Duration.ofMillis(10));
    for (int i = 0; i < n; i++) {
      tk.c().receive();
    }
    return n;
  }

  static Ticker handedOut() {
    // OK(TickerNotStopped): returned; the caller stops it
    Ticker tk = Time.newTicker(Duration.ofSeconds(1));
    return tk;
  }

  static void fired() {
    // OK(TickerNotStopped): the timer's value was received, it has fired
    Timer t = Time.newTimer(Duration.ofMillis(5));
    t.c().receive();
  }

  static void throwsPath(boolean bad) {
    // OK(TickerNotStopped): the path without stop ends in throw
    Timer t = Time.newTimer(Duration.ofSeconds(1));
    if (bad) {
      throw new IllegalStateException();
    }
    t.stop();
  }

  public static void main(String[] args) {
    // OK(TickerNotStopped): main is exempt
    Ticker tk = Time.newTicker(Duration.ofSeconds(1));
    tk.c().receive();
  }
}
