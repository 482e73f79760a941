package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.Iterator;
import java.util.Optional;

/** A Go channel: both ends. Skeleton: the runtime issue replaces these bodies. */
public final class Chan<T> implements SendChan<T>, RecvChan<T> {
  private final int capacity;

  private Chan(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("negative channel capacity: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Go's {@code make(chan T)}: unbuffered. */
  @CheckReturnValue
  public static <T> Chan<T> make() {
    return new Chan<>(0);
  }

  /** Go's {@code make(chan T, n)}. */
  @CheckReturnValue
  public static <T> Chan<T> make(int capacity) {
    return new Chan<>(capacity);
  }

  public SendChan<T> sendOnly() {
    throw new UnsupportedOperationException("not yet");
  }

  public RecvChan<T> recvOnly() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void send(T value) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public boolean trySend(T value) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public T receive() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public Received<T> receiveOk() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public Optional<Received<T>> tryReceive() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public Iterator<T> iterator() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public int len() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public int cap() {
    return capacity;
  }
}
