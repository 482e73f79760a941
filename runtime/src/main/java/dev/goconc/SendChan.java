package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;

/** The sending side of a channel, Go's {@code chan<- T}. */
public interface SendChan<T> {
  /** Go's {@code ch <- v}. */
  void send(T value);

  /** Sends only if that can complete without blocking; false otherwise. */
  @CheckReturnValue
  boolean trySend(T value);

  /** Go's {@code close(ch)}. */
  void close();

  int len();

  int cap();
}
