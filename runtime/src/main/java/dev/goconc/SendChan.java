package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;

/**
 * The sending side of a channel, Go's {@code chan<- T}; {@link Chan#sendOnly()} narrows a
 * {@link Chan} to it. See {@link Chan} for blocking, closing, interruption and memory
 * consistency.
 */
public interface SendChan<T> {
  /**
   * Go's {@code ch <- v}: blocks until a receiver takes {@code value} (unbuffered) or a buffer
   * slot is free. Actions before the send happen-before the receive that gets the value.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws ChannelClosedException if the channel is closed before the value is taken
   * @throws GoInterruptedException if interrupted while blocked; the value was not sent
   */
  void send(T value);

  /**
   * Go's {@code select { case ch <- v: default: }}: sends only if that completes without
   * blocking.
   *
   * @return whether the value was sent
   * @throws ChannelClosedException if the channel is closed
   */
  @CheckReturnValue
  boolean trySend(T value);

  /**
   * Go's {@code close(ch)}: receivers drain the buffer, then get {@code null}; blocked receivers
   * wake; blocked and later senders throw {@link ChannelClosedException}. Never blocks.
   *
   * @throws ChannelClosedException if already closed
   */
  void close();

  /** Go's {@code len(ch)}: values buffered now. */
  int len();

  /** Go's {@code cap(ch)}: the buffer size; 0 when unbuffered. */
  int cap();
}
