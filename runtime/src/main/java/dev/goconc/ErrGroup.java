package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;

/** Go's {@code errgroup.Group}. Skeleton: the runtime issue replaces these bodies. */
public final class ErrGroup {
  /** Go's {@code func() error}. */
  @FunctionalInterface
  public interface Task {
    void run() throws Exception;
  }

  private ErrGroup() {}

  @CheckReturnValue
  public static ErrGroup withContext(Context parent) {
    throw new UnsupportedOperationException("not yet");
  }

  public Context context() {
    throw new UnsupportedOperationException("not yet");
  }

  public void setLimit(int n) {
    throw new UnsupportedOperationException("not yet");
  }

  public void go(Task task) {
    throw new UnsupportedOperationException("not yet");
  }

  @CheckReturnValue
  public boolean tryGo(Task task) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Waits for every task; the first error, or {@code null}. */
  @CheckReturnValue
  public Throwable await() {
    throw new UnsupportedOperationException("not yet");
  }
}
