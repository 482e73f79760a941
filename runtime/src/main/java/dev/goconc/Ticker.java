package dev.goconc;

import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code time.Ticker}: {@link #c()} receives the time every period; a slow receiver misses
 * ticks rather than queueing them (the channel holds one). Runs on the shared timer thread. It
 * ticks until stopped: {@link #close()} stops it, so try-with-resources releases it.
 */
public interface Ticker extends AutoCloseable {
  /** Go's {@code t.C}. Never closed. */
  RecvChan<Instant> c();

  /** Go's {@code t.Stop()}: no more ticks, and an unreceived tick is discarded. */
  void stop();

  /**
   * Go's {@code t.Reset(d)}: stops and restarts with period {@code d}.
   *
   * @throws IllegalArgumentException if {@code d} is not positive
   */
  void reset(Duration d);

  @Override
  default void close() {
    stop();
  }
}
