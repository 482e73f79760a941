package dev.goconc;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Go's {@code select}, expression style: {@code Select.<R>select().recv(ch, v -> ...).run()}.
 * Skeleton: the runtime issue replaces these bodies.
 */
public final class Select<R> {
  private Select() {}

  public static <R> Select<R> select() {
    return new Select<>();
  }

  /** A receive case; a closed channel's case is ready with {@code null}. */
  public <T> Select<R> recv(RecvChan<T> ch, Function<? super T, ? extends R> handler) {
    throw new UnsupportedOperationException("not yet");
  }

  /** A receive case that also tells whether the channel was closed ({@code v, ok := <-ch}). */
  public <T> Select<R> recvOk(RecvChan<T> ch, Function<? super Received<T>, ? extends R> handler) {
    throw new UnsupportedOperationException("not yet");
  }

  /** A send case. */
  public <T> Select<R> send(SendChan<T> ch, T value, Supplier<? extends R> handler) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Go's {@code default}: taken when no case is ready. */
  public Select<R> otherwise(Supplier<? extends R> handler) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Blocks until one case proceeds, commits exactly that case and returns its handler's value. */
  public R run() {
    throw new UnsupportedOperationException("not yet");
  }
}
