package dev.goconc;

import com.google.errorprone.annotations.ThreadSafe;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Go's {@code sync.WaitGroup}: a counter of outstanding tasks that {@link #await()} waits on.
 *
 * <p>Memory consistency: actions in a thread before it calls {@link #done()} (or before the body
 * of {@link #go(Runnable)} returns) happen-before {@link #await()} returns. Reuse after
 * {@code await} returns is allowed, as in Go.
 */
@ThreadSafe
public final class WaitGroup {
  private final AtomicInteger counter = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition zero = lock.newCondition();

  /**
   * Adds {@code delta}, which may be negative, to the counter; when it reaches zero every
   * {@link #await()} returns. Call {@code add} with a positive delta before starting the task it
   * counts, not inside it.
   *
   * @throws IllegalStateException if the counter would go negative (where Go panics); the counter
   *     is then left as it was, so other threads' {@code add}, {@code done} and {@code await} are
   *     unaffected
   */
  public void add(int delta) {
    int now;
    // Compare-and-set, never add-then-undo: a negative value stored even for an instant could
    // strand a concurrent await (which would wait for a zero that nobody signals) or let a
    // concurrent add(1) reach a false zero.
    for (int c = counter.get(); ; c = counter.get()) {
      now = c + delta;
      if (now < 0) {
        throw new IllegalStateException("negative WaitGroup counter");
      }
      if (counter.compareAndSet(c, now)) {
        break;
      }
    }
    if (now == 0 && delta != 0) {
      lock.lock();
      try {
        zero.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Subtracts one, Go's {@code wg.Done()}.
   *
   * @throws IllegalStateException if the counter is zero (where Go panics); it stays zero
   */
  public void done() {
    add(-1);
  }

  /**
   * Blocks until the counter is zero; returns at once if it is.
   *
   * @throws GoInterruptedException if interrupted while waiting (the flag stays set)
   */
  public void await() {
    if (counter.get() == 0) {
      return;
    }
    lock.lock();
    try {
      while (counter.get() != 0) {
        zero.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GoInterruptedException();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Go 1.25's {@code wg.Go(f)}: adds one, starts {@code body} as a goroutine ({@link Go#go}), and
   * calls {@link #done()} when it ends, normally or not.
   */
  public void go(Runnable body) {
    go(body, body);
  }

  /** {@link #go(Runnable)}, naming the goroutine after {@code userCode}'s start site. */
  void go(Object userCode, Runnable body) {
    java.util.Objects.requireNonNull(body, "body");
    add(1);
    try {
      Go.start(
          userCode,
          () -> {
            try {
              body.run();
            } finally {
              done();
            }
          });
    } catch (RuntimeException | Error e) {
      done();
      throw e;
    }
  }

  /** The current counter, for tests. */
  int count() {
    return counter.get();
  }
}
