package dev.goconc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code go} statement: {@link #go(Runnable)} starts a goroutine on a new virtual thread.
 * Minimal version; the leak-detector work adds the registry of live goroutines and start sites.
 */
public final class Go {
  private static final AtomicLong ids = new AtomicLong();

  private Go() {}

  /** Starts {@code body} as a goroutine on a new virtual thread named {@code goroutine-N}. */
  public static void go(Runnable body) {
    java.util.Objects.requireNonNull(body, "body");
    Thread.ofVirtual().name("goroutine-" + ids.incrementAndGet()).start(body);
  }
}
