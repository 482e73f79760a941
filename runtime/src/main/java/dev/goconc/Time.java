package dev.goconc;

import java.time.Duration;
import java.time.Instant;

/** Go's {@code time.After}, {@code time.NewTimer}, {@code time.NewTicker}. Skeleton. */
public final class Time {
  private Time() {}

  public static RecvChan<Instant> after(Duration d) {
    throw new UnsupportedOperationException("not yet");
  }

  public static Timer newTimer(Duration d) {
    throw new UnsupportedOperationException("not yet");
  }

  public static Ticker newTicker(Duration d) {
    throw new UnsupportedOperationException("not yet");
  }
}
