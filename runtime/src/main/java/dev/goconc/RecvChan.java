package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.Optional;

/**
 * The receiving side of a channel, Go's {@code <-chan T}; iterating is {@code for v := range ch}
 * and ends when the channel is closed and drained. {@link Chan#recvOnly()} narrows a
 * {@link Chan} to it. See {@link Chan} for blocking, closing, interruption and memory
 * consistency.
 */
public interface RecvChan<T> extends Iterable<T> {
  /**
   * Go's {@code <-ch}: blocks until a value arrives; {@code null} once the channel is closed and
   * drained. The send of the value (or the close) happens-before this returns.
   *
   * @throws GoInterruptedException if interrupted while blocked before a value was handed over
   */
  T receive();

  /** Go's {@code v, ok := <-ch}: as {@link #receive()}; {@code ok} is false once closed and drained. */
  @CheckReturnValue
  Received<T> receiveOk();

  /**
   * Go's {@code select { case v, ok := <-ch: default: }}: receives only if that completes without
   * blocking (a value is ready, or the channel is closed); empty when it would block.
   */
  @CheckReturnValue
  Optional<Received<T>> tryReceive();

  /** Go's {@code len(ch)}: values buffered now. */
  int len();

  /** Go's {@code cap(ch)}: the buffer size; 0 when unbuffered. */
  int cap();
}
