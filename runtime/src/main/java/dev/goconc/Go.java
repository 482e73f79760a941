package dev.goconc;

/** Go's {@code go} statement. Skeleton: the runtime issue replaces these bodies. */
public final class Go {
  private Go() {}

  /** Starts {@code body} as a goroutine on a new virtual thread. */
  public static void go(Runnable body) {
    throw new UnsupportedOperationException("not yet");
  }
}
