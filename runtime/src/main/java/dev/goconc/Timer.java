package dev.goconc;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Duration;
import java.time.Instant;

/**
 * Go's {@code time.Timer}: {@link #c()} receives the time once the duration has passed. Runs on
 * the shared timer thread (no thread per timer). Go 1.23's semantics: until its value is
 * received, a timer that fired still counts as running, so {@link #stop()} and {@link #reset}
 * report it and take the value back; once either returns, no value from before the call will be
 * received. {@link #close()} stops it, so try-with-resources releases a timer on every path.
 */
public interface Timer extends AutoCloseable {
  /**
   * Go's {@code t.C}: receives the firing time. Never closed. Its {@code len()} and {@code cap()}
   * are 0, as in Go 1.23: the value it holds between firing and a receive is not shown.
   */
  RecvChan<Instant> c();

  /**
   * Go's {@code t.Stop()}: prevents the timer from firing and takes back a value it fired that
   * nobody received. So for a timer whose value the program has not received, Go's older idiom
   * {@code if (!t.stop()) t.c().receive();} no longer blocks: {@code stop} returns true.
   *
   * @return true if the timer was running: not yet fired, or fired and its value not yet
   *     received; false if it had been stopped or its value received
   */
  @CanIgnoreReturnValue
  boolean stop();

  /**
   * Go's {@code t.Reset(d)}: stops the timer (taking back an unreceived value) and starts it
   * again to fire after {@code d} (at once if {@code d} is zero or negative).
   *
   * @return what {@link #stop()} would have returned
   */
  @CanIgnoreReturnValue
  boolean reset(Duration d);

  @Override
  default void close() {
    stop();
  }
}
