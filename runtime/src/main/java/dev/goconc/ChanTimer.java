package dev.goconc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A {@link Timer} on the shared scheduler (see {@link TimerState}). */
final class ChanTimer implements Timer {
  private final Chan<Instant> c = Chan.make(1);
  private final RecvChan<Instant> view = c.timerEnd();
  private final TimerState state = new TimerState(c);

  ChanTimer(Duration d) {
    reset(d);
  }

  @Override
  public RecvChan<Instant> c() {
    return view;
  }

  @Override
  public boolean stop() {
    return state.stop(c);
  }

  @Override
  public boolean reset(Duration d) {
    return state.start(c, SharedScheduler.nanos(Objects.requireNonNull(d, "duration")), 0);
  }
}
