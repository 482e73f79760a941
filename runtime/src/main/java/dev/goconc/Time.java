package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code time.After}, {@code time.NewTimer}, {@code time.NewTicker}. Every timer shares one
 * scheduler thread; none costs a thread.
 */
public final class Time {
  private Time() {}

  /**
   * Go's {@code time.After(d)}: a channel that receives the time once {@code d} has passed. As in
   * Go 1.23, a channel nobody can receive from any more is collected with its timer, fired or
   * not, so a select loop over {@code Time.after} holds nothing for long.
   */
  @CheckReturnValue
  public static RecvChan<Instant> after(Duration d) {
    return new ChanTimer(d).c();
  }

  /** Go's {@code time.NewTimer(d)}; zero or negative fires at once. */
  @CheckReturnValue
  public static Timer newTimer(Duration d) {
    return new ChanTimer(d);
  }

  /**
   * Go's {@code time.NewTicker(d)}.
   *
   * @throws IllegalArgumentException if {@code d} is not positive (where Go panics)
   */
  @CheckReturnValue
  public static Ticker newTicker(Duration d) {
    return new ChanTicker(d);
  }
}
