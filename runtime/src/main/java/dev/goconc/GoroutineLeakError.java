package dev.goconc;

import java.util.List;

/**
 * Goroutines were still running when a test (or a {@link GoroutineLeaks} check) expected them
 * gone. The message lists each one's start site and where it is blocked.
 */
public final class GoroutineLeakError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient List<Goroutine> leaked;

  GoroutineLeakError(String message, List<Goroutine> leaked) {
    super(message);
    this.leaked = List.copyOf(leaked);
  }

  /** The goroutines that were still alive. */
  public List<Goroutine> leaked() {
    return leaked;
  }
}
