package dev.goconc;

/** Go's {@code time.Timer}. {@link #close()} stops it. */
public interface Timer extends AutoCloseable {
  RecvChan<java.time.Instant> c();

  boolean stop();

  @Override
  default void close() {
    stop();
  }
}
