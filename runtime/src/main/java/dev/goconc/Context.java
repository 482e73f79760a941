package dev.goconc;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.CheckReturnValue;
import com.google.errorprone.annotations.ThreadSafe;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Go's {@code context.Context}: a cancellation signal, a deadline and request-scoped values,
 * passed down a call tree. Contexts form a tree: cancelling one cancels everything derived from
 * it, never its parent. Every implementation here is immutable apart from its cancellation and
 * safe to share between goroutines. No context owns a thread: deadlines share one timer thread,
 * and a timer is released when its context is cancelled.
 */
@ThreadSafe
public interface Context {
  /**
   * Go's {@code ctx.Done()}: a channel closed, exactly once, when this context is cancelled or its
   * deadline passes; a context that can never be cancelled returns a channel that is never
   * closed. Receive from it, or use it as a {@link Select} case.
   */
  RecvChan<Void> done();

  /**
   * Go's {@code ctx.Err()}: {@code null} while live; then {@link ContextException.Canceled} or
   * {@link ContextException.DeadlineExceeded}. Never changes once non-null.
   */
  ContextException err();

  /**
   * Go's {@code context.Cause(ctx)}: {@code null} while live; then the cause given to
   * {@link CancelContext#cancel(Throwable)}, or {@link #err()} if none was given.
   */
  default Throwable cause() {
    return err();
  }

  /** Go's {@code ctx.Value(key)}: the nearest value bound to {@code key}, or {@code null}. */
  <T> T value(Key<T> key);

  /** Go's {@code ctx.Deadline()}: when this context will be cancelled by itself, if ever. */
  Optional<Instant> deadline();

  /** Go's {@code context.Background()}: never cancelled, no values, no deadline. */
  @CheckReturnValue
  static Context background() {
    return Contexts.BACKGROUND;
  }

  /** Go's {@code context.TODO()}: like {@link #background()}, marking a context still to plumb. */
  @CheckReturnValue
  static Context todo() {
    return Contexts.TODO;
  }

  /**
   * Go's {@code context.WithCancel(parent)}. The result is cancelled when its {@code cancel} is
   * called or when {@code parent} is; a child of an already-cancelled parent is born cancelled.
   * Cancel it when done (try-with-resources), or it stays linked to its parent until the parent
   * ends.
   */
  @CheckReturnValue
  static CancelContext withCancel(Context parent) {
    CancellableContext c = new CancellableContext(parent, null);
    c.attach();
    return c;
  }

  /**
   * Go's {@code context.WithTimeout(parent, timeout)}: {@link #withDeadline} at now plus
   * {@code timeout}. A zero or negative timeout gives a context that is already expired.
   */
  @CheckReturnValue
  static CancelContext withTimeout(Context parent, Duration timeout) {
    return withDeadline(parent, Instant.now().plus(timeout));
  }

  /**
   * Go's {@code context.WithDeadline(parent, deadline)}: cancelled with
   * {@link ContextException.DeadlineExceeded} when {@code deadline} passes (already, if it is in
   * the past), or with {@link ContextException.Canceled} when cancelled first. If the parent's
   * deadline is earlier, the parent's governs.
   */
  @CheckReturnValue
  static CancelContext withDeadline(Context parent, Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    Optional<Instant> inherited = parent.deadline();
    if (inherited.isPresent() && inherited.get().isBefore(deadline)) {
      return withCancel(parent);
    }
    CancellableContext c = new CancellableContext(parent, deadline);
    c.attach();
    c.startTimer();
    return c;
  }

  /** Go's {@code context.WithValue(parent, key, value)}. */
  @CheckReturnValue
  static <T> Context withValue(Context parent, Key<T> key, T value) {
    return new Contexts.ValueContext(
        Objects.requireNonNull(parent, "parent"), Objects.requireNonNull(key, "key"), value);
  }

  /**
   * Go's {@code context.WithoutCancel(parent)}: keeps the parent's values but is never cancelled
   * and has no deadline.
   */
  @CheckReturnValue
  static Context withoutCancel(Context parent) {
    return new Contexts.WithoutCancel(Objects.requireNonNull(parent, "parent"));
  }

  /**
   * Go's {@code context.AfterFunc(ctx, f)}: runs {@code f} in its own goroutine once {@code ctx}
   * is done (at once, if it already is). No thread waits meanwhile for goconc's own contexts.
   *
   * @return a handle whose {@link StopFunc#stop()} keeps {@code f} from running
   */
  @CanIgnoreReturnValue
  static StopFunc afterFunc(Context ctx, Runnable f) {
    AfterFunc a = new AfterFunc(Objects.requireNonNull(f, "f"));
    a.registeredOn(Contexts.link(Objects.requireNonNull(ctx, "ctx"), a));
    return a;
  }

  /** Go's {@code stop} returned by {@code AfterFunc}. */
  @FunctionalInterface
  interface StopFunc {
    /**
     * Stops the after-func from running. True if this call stopped it; false if it has already
     * been started (the context is done) or stopped.
     */
    @CanIgnoreReturnValue
    boolean stop();
  }

  /** A typed identity key; two keys are equal only if they are the same object. */
  // T is used only by the methods that take a key: withValue(parent, Key<T>, T) and value(Key<T>).
  @SuppressWarnings("UnusedTypeParameter")
  final class Key<T> {
    private final String debugName;

    private Key(String debugName) {
      this.debugName = debugName;
    }

    @CheckReturnValue
    public static <T> Key<T> of(String debugName) {
      return new Key<>(Objects.requireNonNull(debugName, "debugName"));
    }

    @Override
    public String toString() {
      return "Key(" + debugName + ")";
    }
  }
}
