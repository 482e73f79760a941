package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.Optional;

/** The receiving side of a channel, Go's {@code <-chan T}; iterating is {@code for v := range ch}. */
public interface RecvChan<T> extends Iterable<T> {
  /** Go's {@code <-ch}: {@code null} once closed and drained. */
  T receive();

  /** Go's {@code v, ok := <-ch}. */
  @CheckReturnValue
  Received<T> receiveOk();

  /** Receives only if that can complete without blocking; empty when it would block. */
  @CheckReturnValue
  Optional<Received<T>> tryReceive();

  int len();

  int cap();
}
