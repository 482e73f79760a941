package dev.goconc;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code time.Timer}: {@link #c()} receives the time once the duration has passed. Runs on
 * the shared timer thread (no thread per timer). As in Go 1.23, once {@link #stop()} or
 * {@link #reset} returns, no value from before the call will be received. {@link #close()} stops
 * it, so try-with-resources releases a timer on every path.
 */
public interface Timer extends AutoCloseable {
  /** Go's {@code t.C}: receives the firing time. Never closed. */
  RecvChan<Instant> c();

  /**
   * Go's {@code t.Stop()}: prevents the timer from firing and discards an unreceived value.
   *
   * @return true if this call stopped a pending timer; false if it had fired or been stopped
   */
  @CanIgnoreReturnValue
  boolean stop();

  /**
   * Go's {@code t.Reset(d)}: stops the timer (discarding an unreceived value) and starts it again
   * to fire after {@code d} (at once if {@code d} is zero or negative).
   *
   * @return true if the timer was pending when reset
   */
  @CanIgnoreReturnValue
  boolean reset(Duration d);

  @Override
  default void close() {
    stop();
  }
}
