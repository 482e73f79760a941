package dev.goconc;

import java.time.Duration;
import java.time.Instant;

/**
 * A {@link Ticker} on the shared scheduler (see {@link TimerState}): each tick try-sends, so a
 * slow receiver drops ticks, and schedules the next one past the ticks missed, so however short
 * the period, a tick costs the timer thread one try-send and timers due earlier run first.
 */
final class ChanTicker implements Ticker {
  private final Chan<Instant> c = Chan.make(1);
  private final RecvChan<Instant> view = c.timerEnd();
  private final TimerState state = new TimerState(c);

  ChanTicker(Duration d) {
    reset(d);
  }

  @Override
  public RecvChan<Instant> c() {
    return view;
  }

  @Override
  public void stop() {
    boolean unused = state.stop(c);
  }

  @Override
  public void reset(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("non-positive interval for ticker: " + d);
    }
    long period = SharedScheduler.nanos(d);
    boolean unused = state.start(c, period, period);
  }
}
