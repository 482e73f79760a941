package dev.goconc;

/** Go's {@code time.Ticker}. {@link #close()} stops it. */
public interface Ticker extends AutoCloseable {
  RecvChan<java.time.Instant> c();

  void stop();

  @Override
  default void close() {
    stop();
  }
}
