package dev.goconc;

/** Go's {@code sync.WaitGroup}. Skeleton: the runtime issue replaces these bodies. */
public final class WaitGroup {
  public void add(int delta) {
    throw new UnsupportedOperationException("not yet");
  }

  public void done() {
    throw new UnsupportedOperationException("not yet");
  }

  public void await() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Adds one, starts {@code body} as a goroutine, and calls {@link #done()} in its finally. */
  public void go(Runnable body) {
    throw new UnsupportedOperationException("not yet");
  }
}
