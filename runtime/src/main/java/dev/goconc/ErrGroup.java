package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;
import com.google.errorprone.annotations.ThreadSafe;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Go's {@code errgroup.Group} made by {@code errgroup.WithContext}: goroutines working on one
 * task, where the first failure cancels the group's {@link #context()} so the others can stop.
 *
 * <p>A task's failure is whatever it throws: any {@link Throwable} (an {@code Exception} is Go's
 * returned error; an {@code Error} such as a failed assertion is recorded the same way rather
 * than lost). {@link #await()} returns the first one, or {@code null}. Later failures are
 * dropped, as Go drops later errors.
 *
 * <p>Memory consistency: actions of every task happen-before {@link #await()} returns.
 */
@ThreadSafe
public final class ErrGroup {
  /** Go's {@code func() error}: a task that may fail by throwing. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  private final WaitGroup wg = new WaitGroup();
  private final CancelContext ctx;
  private final AtomicReference<Throwable> firstError = new AtomicReference<>();
  private volatile Semaphore limit;

  private ErrGroup(CancelContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Go's {@code errgroup.WithContext(parent)}: a group whose context is derived from
   * {@code parent} and cancelled by the first failing task or when {@link #await()} returns.
   */
  @CheckReturnValue
  public static ErrGroup withContext(Context parent) {
    return new ErrGroup(Context.withCancel(parent));
  }

  /** The group's context: pass it to the tasks so they stop when one fails. */
  public Context context() {
    return ctx;
  }

  /**
   * Go's {@code g.SetLimit(n)}: at most {@code n} tasks run at once; a negative {@code n} means no
   * limit. With a limit, {@link #go} blocks for a free slot and {@link #tryGo} fails without one.
   *
   * @throws IllegalStateException if tasks are running (where Go panics)
   */
  public void setLimit(int n) {
    if (wg.count() != 0) {
      throw new IllegalStateException("errgroup: modify limit while " + wg.count() + " goroutines are still active");
    }
    limit = n < 0 ? null : new Semaphore(n);
  }

  /**
   * Go's {@code g.Go(f)}: runs {@code task} in a goroutine, first waiting for a free slot if a
   * limit is set. With a slot free it starts the task without waiting, whatever the interrupt
   * flag.
   *
   * @throws GoInterruptedException if it must wait for a slot and the thread is (or gets)
   *     interrupted; the interrupt flag stays set and the task is not started
   */
  public void go(Task task) {
    Objects.requireNonNull(task, "task");
    Semaphore s = limit;
    // tryAcquire first: acquire() throws on a set interrupt flag even with a permit free.
    if (s != null && !s.tryAcquire()) {
      try {
        s.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GoInterruptedException();
      }
    }
    start(task, s);
  }

  /**
   * Go's {@code g.TryGo(f)}: runs {@code task} in a goroutine only if the limit allows it now.
   *
   * @return whether the task was started
   */
  @CheckReturnValue
  public boolean tryGo(Task task) {
    Objects.requireNonNull(task, "task");
    Semaphore s = limit;
    if (s != null && !s.tryAcquire()) {
      return false;
    }
    start(task, s);
    return true;
  }

  private void start(Task task, Semaphore s) {
    try {
      wg.go(
          task,
          () -> {
            try {
              task.run();
            } catch (Throwable t) {
              if (firstError.compareAndSet(null, t)) {
                ctx.cancel(t);
              }
            } finally {
              if (s != null) {
                s.release();
              }
            }
          });
    } catch (RuntimeException | Error e) {
      if (s != null) {
        s.release();
      }
      throw e;
    }
  }

  /**
   * Go's {@code g.Wait()}: blocks until every task has ended, cancels the group's context, and
   * returns the first failure, or {@code null} if none failed.
   *
   * @throws GoInterruptedException if interrupted while waiting
   */
  @CheckReturnValue
  public Throwable await() {
    wg.await();
    Throwable first = firstError.get();
    ctx.cancel(first);
    return first;
  }
}
