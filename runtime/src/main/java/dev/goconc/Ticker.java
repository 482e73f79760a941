package dev.goconc;

import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code time.Ticker}: {@link #c()} receives the time every period. A slow receiver misses
 * ticks rather than queueing them, and ticks the timer thread could not run on time are skipped,
 * not made up (the next is due at the next multiple of the period after now), as Go's ticker
 * drops ticks. Runs on the shared timer thread. It ticks
 * until stopped: {@link #close()} stops it, so try-with-resources releases it.
 */
public interface Ticker extends AutoCloseable {
  /** Go's {@code t.C}. Never closed; its {@code len()} and {@code cap()} are 0, as in Go 1.23. */
  RecvChan<Instant> c();

  /**
   * Go's {@code t.Stop()}: no more ticks, and an unreceived tick is taken back: once it returns,
   * no tick from before it will be received.
   */
  void stop();

  /**
   * Go's {@code t.Reset(d)}: stops (taking back an unreceived tick) and restarts with period
   * {@code d}.
   *
   * @throws IllegalArgumentException if {@code d} is not positive
   */
  void reset(Duration d);

  @Override
  default void close() {
    stop();
  }
}
