package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Go's {@code context.Context}. Skeleton: the runtime issue replaces these bodies. */
public interface Context {
  /** Closed when this context is cancelled or its deadline passes. */
  RecvChan<Void> done();

  /** {@code null} while live; then why it ended. */
  ContextException err();

  <T> T value(Key<T> key);

  Optional<Instant> deadline();

  @CheckReturnValue
  static Context background() {
    throw new UnsupportedOperationException("not yet");
  }

  @CheckReturnValue
  static Context todo() {
    throw new UnsupportedOperationException("not yet");
  }

  @CheckReturnValue
  static CancelContext withCancel(Context parent) {
    throw new UnsupportedOperationException("not yet");
  }

  @CheckReturnValue
  static CancelContext withTimeout(Context parent, Duration timeout) {
    throw new UnsupportedOperationException("not yet");
  }

  @CheckReturnValue
  static CancelContext withDeadline(Context parent, Instant deadline) {
    throw new UnsupportedOperationException("not yet");
  }

  @CheckReturnValue
  static <T> Context withValue(Context parent, Key<T> key, T value) {
    throw new UnsupportedOperationException("not yet");
  }

  @CheckReturnValue
  static Context withoutCancel(Context parent) {
    throw new UnsupportedOperationException("not yet");
  }

  /** A typed identity key; two keys are equal only if they are the same object. */
  final class Key<T> {
    private final String debugName;

    private Key(String debugName) {
      this.debugName = debugName;
    }

    public static <T> Key<T> of(String debugName) {
      return new Key<>(debugName);
    }

    @Override
    public String toString() {
      return "Key(" + debugName + ")";
    }
  }
}
